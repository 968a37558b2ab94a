using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading;
using ModelLifecycle.Core.References.Ignore;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Lists the files to search under each root. It skips .git, symbolic links (never followed, so link
    /// loops cannot trap it; a link named as a root is followed, as the caller asked for it), empty and
    /// special files (a FIFO reports size 0, and opening one would block), what .gitignore files exclude
    /// unless NoIgnore (but not the files a repository's index tracks, see <see cref="GitIndex"/>), and
    /// what the caller's globs filter out. Failures are reported and the walk goes on.
    /// </summary>
    internal sealed class SourceTreeWalker
    {
        private const string GitDirectory = ".git";
        private const string GitIgnoreFile = ".gitignore";

        private readonly ISourceFileSystem fileSystem;
        private readonly bool noIgnore;
        private readonly PathFilter filter;
        private readonly Action<ModelLifecycleException> reportError;

        public SourceTreeWalker(ISourceFileSystem fileSystem, bool noIgnore, PathFilter filter, Action<ModelLifecycleException> reportError)
        {
            this.fileSystem = fileSystem;
            this.noIgnore = noIgnore;
            this.filter = filter;
            this.reportError = reportError;
        }

        public void Walk(string root, Action<FileWorkItem> found, CancellationToken cancellation)
        {
            if (fileSystem.TryGetFileLength(root, out long length))
            {
                // A file named by the caller: no ignore rules (as with git and ripgrep), but the globs apply.
                string name = Path.GetFileName(root);
                if (length > 0 && filter.IncludesFile(name, name))
                {
                    found(new FileWorkItem(Path.GetFullPath(root), root, length));
                }

                return;
            }

            if (!fileSystem.DirectoryExists(root))
            {
                reportError(new ModelLifecycleException(
                    ReferenceErrorIds.PathNotFound, ErrorKind.ObjectNotFound, $"Cannot find path '{root}' because it does not exist.", root));
                return;
            }

            string fullRoot = Path.GetFullPath(root);
            string? repositoryTop = null;
            IgnoreStack? ignore = noIgnore ? null : AncestorRules(fullRoot, out repositoryTop);
            GitIndex? index = repositoryTop == null ? null : GitIndex.TryRead(fileSystem, repositoryTop);
            string rootFromTop = repositoryTop == null ? string.Empty : fullRoot.Substring(repositoryTop.Length).Trim('/', '\\').Replace('\\', '/');
            var pending = new Stack<DirectoryToWalk>();
            pending.Push(new DirectoryToWalk(fullRoot, root, string.Empty, ignore, false));
            while (pending.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                DirectoryToWalk directory = pending.Pop();
                List<SourceEntry> entries;
                try
                {
                    entries = fileSystem.EnumerateDirectory(directory.FullPath).ToList();
                }
                catch (Exception e) when (IsAccessFailure(e))
                {
                    reportError(new ModelLifecycleException(
                        ReferenceErrorIds.DirectoryReadFailed, ErrorKind.ReadError, $"Cannot list directory '{directory.DisplayPath}': {e.Message}", directory.DisplayPath, e));
                    continue;
                }

                IgnoreStack? rules = directory.Ignore;
                if (!noIgnore)
                {
                    rules = WithIgnoreFile(rules, directory.FullPath, entries);
                }

                var subdirectories = new List<DirectoryToWalk>();
                foreach (SourceEntry entry in entries)
                {
                    if (entry.IsSymbolicLink || entry.Name == GitDirectory)
                    {
                        continue;
                    }

                    string relative = directory.RelativePath.Length == 0 ? entry.Name : directory.RelativePath + "/" + entry.Name;
                    bool onlyTracked = directory.OnlyTracked;
                    if (onlyTracked || (rules != null && rules.IsIgnored(entry.FullPath, entry.Name, entry.IsDirectory)))
                    {
                        // Ignored, unless git tracks it (or, for a directory, something in it): git keeps
                        // searching a committed file that a later .gitignore covers, and so does this walk.
                        string fromTop = rootFromTop.Length == 0 ? relative : rootFromTop + "/" + relative;
                        if (index == null || !(entry.IsDirectory ? index.HoldsTrackedFiles(fromTop) : index.TracksFile(fromTop)))
                        {
                            continue;
                        }

                        onlyTracked = true;
                    }

                    if (entry.IsDirectory)
                    {
                        if (filter.IncludesDirectory(relative, entry.Name))
                        {
                            subdirectories.Add(new DirectoryToWalk(entry.FullPath, Path.Combine(directory.DisplayPath, entry.Name), relative, rules, onlyTracked));
                        }
                    }
                    else if (entry.Length > 0 && filter.IncludesFile(relative, entry.Name))
                    {
                        found(new FileWorkItem(entry.FullPath, Path.Combine(directory.DisplayPath, entry.Name), entry.Length));
                    }
                }

                // Reversed so that directories are entered in listing order.
                for (int i = subdirectories.Count - 1; i >= 0; i--)
                {
                    pending.Push(subdirectories[i]);
                }
            }
        }

        private IgnoreStack? WithIgnoreFile(IgnoreStack? rules, string directory, List<SourceEntry> entries)
        {
            foreach (SourceEntry entry in entries)
            {
                if (entry.Name == GitIgnoreFile && !entry.IsDirectory)
                {
                    List<IgnoreRule>? parsed = ReadRules(entry.FullPath);
                    return parsed == null || parsed.Count == 0 ? rules : new IgnoreStack(rules, directory, parsed);
                }
            }

            return rules;
        }

        /// <summary>
        /// When the root lies inside a git repository, the .gitignore files between the repository's top and
        /// the root, and .git/info/exclude, apply to it too (a search of src/ still skips what the top-level
        /// .gitignore excludes). Outside a repository, parent directories are none of the search's business.
        /// </summary>
        private IgnoreStack? AncestorRules(string fullRoot, out string? repositoryTop)
        {
            var chain = new List<string>();
            repositoryTop = null;
            for (string? directory = fullRoot; directory != null; directory = Path.GetDirectoryName(directory))
            {
                chain.Add(directory);
                string git = Path.Combine(directory, GitDirectory);
                if (fileSystem.DirectoryExists(git) || fileSystem.TryGetFileLength(git, out _))
                {
                    repositoryTop = directory;
                    break;
                }
            }

            if (repositoryTop == null)
            {
                return null;
            }

            IgnoreStack? rules = null;
            string exclude = Path.Combine(repositoryTop, GitDirectory, "info", "exclude");
            if (fileSystem.TryGetFileLength(exclude, out _) && ReadRules(exclude) is List<IgnoreRule> excluded && excluded.Count > 0)
            {
                rules = new IgnoreStack(null, repositoryTop, excluded);
            }

            // Outermost first; the root's own .gitignore is read by the walk itself.
            for (int i = chain.Count - 1; i >= 1; i--)
            {
                string file = Path.Combine(chain[i], GitIgnoreFile);
                if (fileSystem.TryGetFileLength(file, out _) && ReadRules(file) is List<IgnoreRule> parsed && parsed.Count > 0)
                {
                    rules = new IgnoreStack(rules, chain[i], parsed);
                }
            }

            return rules;
        }

        private List<IgnoreRule>? ReadRules(string path)
        {
            try
            {
                using (Stream stream = fileSystem.OpenRead(path))
                using (var reader = new StreamReader(stream))
                {
                    return IgnoreRule.ParseFile(reader.ReadToEnd());
                }
            }
            catch (Exception e) when (IsAccessFailure(e))
            {
                reportError(new ModelLifecycleException(
                    ReferenceErrorIds.IgnoreFileReadFailed, ErrorKind.ReadError, $"Cannot read '{path}'; searching without its rules: {e.Message}", path, e));
                return null;
            }
        }

        internal static bool IsAccessFailure(Exception e) =>
            e is IOException || e is UnauthorizedAccessException || e is SecurityException;

        private sealed class DirectoryToWalk
        {
            public DirectoryToWalk(string fullPath, string displayPath, string relativePath, IgnoreStack? ignore, bool onlyTracked)
            {
                OnlyTracked = onlyTracked;
                FullPath = fullPath;
                DisplayPath = displayPath;
                RelativePath = relativePath;
                Ignore = ignore;
            }

            public string FullPath { get; }

            public string DisplayPath { get; }

            /// <summary>'/'-separated path below the search root, for the caller's globs.</summary>
            public string RelativePath { get; }

            public IgnoreStack? Ignore { get; }

            /// <summary>An ignored directory entered for the tracked files in it: only those are searched.</summary>
            public bool OnlyTracked { get; }
        }
    }
}
