using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ModelLifecycle.Core.References.Ignore
{
    /// <summary>
    /// The paths git tracks, read from the repository's index file (.git/index, or the index of the
    /// directory a .git file points to, as in linked work trees) without a git executable. A tracked file
    /// is searched even where a .gitignore matches it, as git itself keeps it (a committed scripts/.env
    /// under a rule for .env). Index versions 2 to 4 are read; an index that cannot be read is treated as
    /// empty, which leaves the .gitignore rules as they were.
    /// </summary>
    internal sealed class GitIndex
    {
        private readonly HashSet<string> files;
        private readonly HashSet<string> directories;

        private GitIndex(HashSet<string> files, HashSet<string> directories)
        {
            this.files = files;
            this.directories = directories;
        }

        /// <summary>Whether a file (path relative to the repository top, '/'-separated) is tracked.</summary>
        public bool TracksFile(string relative) => files.Contains(relative);

        /// <summary>Whether a directory (relative to the top, '/'-separated) holds a tracked file at any depth.</summary>
        public bool HoldsTrackedFiles(string relative) => directories.Contains(relative);

        public static GitIndex? TryRead(ISourceFileSystem fileSystem, string repositoryTop)
        {
            try
            {
                string? gitDirectory = GitDirectory(fileSystem, repositoryTop);
                string? index = gitDirectory == null ? null : Path.Combine(gitDirectory, "index");
                if (index == null || !fileSystem.TryGetFileLength(index, out long length) || length < 12)
                {
                    return null;
                }

                byte[] data;
                using (Stream stream = fileSystem.OpenRead(index))
                using (var copy = new MemoryStream())
                {
                    stream.CopyTo(copy);
                    data = copy.ToArray();
                }

                return Parse(data);
            }
            catch (Exception e) when (SourceTreeWalker.IsAccessFailure(e) || e is FormatException)
            {
                return null;
            }
        }

        private static string? GitDirectory(ISourceFileSystem fileSystem, string repositoryTop)
        {
            string git = Path.Combine(repositoryTop, ".git");
            if (fileSystem.DirectoryExists(git))
            {
                return git;
            }

            using (var reader = new StreamReader(fileSystem.OpenRead(git)))
            {
                string? line = reader.ReadLine();
                const string Prefix = "gitdir:";
                if (line == null || !line.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    return null;
                }

                string target = line.Substring(Prefix.Length).Trim();
                return Path.IsPathRooted(target) ? target : Path.GetFullPath(Path.Combine(repositoryTop, target));
            }
        }

        internal static GitIndex Parse(byte[] data)
        {
            if (data.Length < 12 || data[0] != 'D' || data[1] != 'I' || data[2] != 'R' || data[3] != 'C')
            {
                throw new FormatException("Not a git index.");
            }

            uint version = UInt32(data, 4);
            uint count = UInt32(data, 8);
            if (version < 2 || version > 4)
            {
                throw new FormatException("Unknown git index version " + version + ".");
            }

            var files = new HashSet<string>(StringComparer.Ordinal);
            var directories = new HashSet<string>(StringComparer.Ordinal);
            int at = 12;
            byte[] previous = Array.Empty<byte>();
            for (uint i = 0; i < count; i++)
            {
                int start = at;
                Need(data, at, 62);
                int flags = (data[at + 60] << 8) | data[at + 61];
                at += 62;
                if (version >= 3 && (flags & 0x4000) != 0)
                {
                    at += 2;
                }

                byte[] path;
                if (version == 4)
                {
                    // Prefix compression: drop N bytes of the previous path, append the NUL-terminated rest.
                    int drop = 0;
                    Need(data, at, 1);
                    int c = data[at++];
                    drop = c & 127;
                    while ((c & 128) != 0)
                    {
                        Need(data, at, 1);
                        c = data[at++];
                        drop = ((drop + 1) << 7) | (c & 127);
                    }

                    int end = Array.IndexOf(data, (byte)0, at);
                    if (end < 0 || drop > previous.Length)
                    {
                        throw new FormatException("Truncated git index.");
                    }

                    path = new byte[previous.Length - drop + (end - at)];
                    Buffer.BlockCopy(previous, 0, path, 0, previous.Length - drop);
                    Buffer.BlockCopy(data, at, path, previous.Length - drop, end - at);
                    at = end + 1;
                }
                else
                {
                    int end = Array.IndexOf(data, (byte)0, at);
                    if (end < 0)
                    {
                        throw new FormatException("Truncated git index.");
                    }

                    path = new byte[end - at];
                    Buffer.BlockCopy(data, at, path, 0, path.Length);

                    // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
                    at = start + ((end - start + 8) & ~7);
                }

                previous = path;
                string name = Encoding.UTF8.GetString(path);
                files.Add(name);
                for (int slash = name.LastIndexOf('/'); slash > 0; slash = name.LastIndexOf('/', slash - 1))
                {
                    if (!directories.Add(name.Substring(0, slash)))
                    {
                        break;
                    }
                }
            }

            return new GitIndex(files, directories);
        }

        private static void Need(byte[] data, int at, int count)
        {
            if (at + count > data.Length)
            {
                throw new FormatException("Truncated git index.");
            }
        }

        private static uint UInt32(byte[] b, int at) => ((uint)b[at] << 24) | ((uint)b[at + 1] << 16) | ((uint)b[at + 2] << 8) | b[at + 3];
    }
}
