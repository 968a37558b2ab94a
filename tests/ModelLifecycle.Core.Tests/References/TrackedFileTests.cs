using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ModelLifecycle.Core.References.Ignore;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>
    /// Inside a git work tree, files the index tracks are searched whatever .gitignore says (a committed
    /// scripts/.env under a rule for .env), read from the index file without a git executable.
    /// </summary>
    public class TrackedFileTests
    {
        private static readonly string[] Tracked = { ".gitignore", "build/keep.txt", "scripts/.env", "src/app.py" };

        /// <summary>A git index as git writes it: version 2 or 3 (padded entries) or 4 (prefix-compressed paths).</summary>
        internal static byte[] Index(int version, IEnumerable<string> paths)
        {
            var bytes = new List<byte>();
            void UInt32(uint v) => bytes.AddRange(new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v });
            List<string> sorted = paths.OrderBy(p => p, StringComparer.Ordinal).ToList();
            bytes.AddRange(Encoding.ASCII.GetBytes("DIRC"));
            UInt32((uint)version);
            UInt32((uint)sorted.Count);
            byte[] previous = Array.Empty<byte>();
            foreach (string path in sorted)
            {
                int start = bytes.Count;
                byte[] name = Encoding.UTF8.GetBytes(path);
                bytes.AddRange(new byte[40]); // ctime, mtime, dev, ino, mode, uid, gid, size
                bytes.AddRange(Enumerable.Repeat((byte)0xAB, 20)); // object id
                int flags = Math.Min(name.Length, 0xFFF);
                bytes.Add((byte)(flags >> 8));
                bytes.Add((byte)flags);
                if (version == 4)
                {
                    int common = 0;
                    while (common < previous.Length && common < name.Length && previous[common] == name[common])
                    {
                        common++;
                    }

                    bytes.Add((byte)(previous.Length - common)); // fits one varint byte in these tests
                    bytes.AddRange(name.Skip(common));
                    bytes.Add(0);
                }
                else
                {
                    bytes.AddRange(name);
                    int length = bytes.Count - start;
                    bytes.AddRange(new byte[8 - (length % 8)]);
                }

                previous = name;
            }

            bytes.AddRange(new byte[20]); // trailing checksum, not checked
            return bytes.ToArray();
        }

        private static TempTree Repository(int version, bool gitFile = false)
        {
            var tree = new TempTree();
            tree.Write(".gitignore", ".env\nbuild/\n");
            tree.Write("scripts/.env", "AZURE_OPENAI_MODEL=gpt-4o\n");
            tree.Write(".env", "AZURE_OPENAI_MODEL=gpt-4o\n");
            tree.Write("build/keep.txt", "gpt-4o\n");
            tree.Write("build/other.txt", "gpt-4o\n");
            tree.Write("src/app.py", "model = \"gpt-4o\"\n");
            if (gitFile)
            {
                // A linked work tree: .git is a file that points at the repository's directory for it.
                tree.WriteBytes("../" + Path.GetFileName(tree.Root) + "-gitdir/index", Index(version, Tracked));
                tree.Write(".git", "gitdir: ../" + Path.GetFileName(tree.Root) + "-gitdir\n");
            }
            else
            {
                tree.WriteBytes(".git/index", Index(version, Tracked));
            }

            return tree;
        }

        [Theory]
        [InlineData(2, false)]
        [InlineData(3, false)]
        [InlineData(4, false)]
        [InlineData(2, true)]
        public void Tracked_files_are_searched_though_gitignore_covers_them(int version, bool gitFile)
        {
            using TempTree tree = Repository(version, gitFile);
            try
            {
                Assert.Equal(
                    new[] { "build/keep.txt:1:1:gpt-4o", "scripts/.env:1:20:gpt-4o", "src/app.py:1:10:gpt-4o" },
                    Scan.Run(tree.Root, "gpt-4o").Describe(tree.Root));
                Assert.Equal(new[] { "scripts/.env:1:20:gpt-4o" }, Scan.Run(tree.PathOf("scripts"), "gpt-4o").Select(m => Scan.Relative(m.Path, tree.Root)).Select(p => p + ":1:20:gpt-4o"));
            }
            finally
            {
                if (gitFile)
                {
                    Directory.Delete(tree.Root + "-gitdir", true);
                }
            }
        }

        [Fact]
        public void Without_an_index_gitignore_alone_decides()
        {
            using TempTree tree = Repository(2);
            File.Delete(tree.PathOf(".git/index"));

            Assert.Equal(new[] { "src/app.py:1:10:gpt-4o" }, Scan.Run(tree.Root, "gpt-4o").Describe(tree.Root));
        }

        [Fact]
        public void The_index_reader_knows_files_and_the_directories_above_them()
        {
            GitIndex index = GitIndex.Parse(Index(4, new[] { "a/b/c.txt", "a/b/d.txt", "a/e.txt", "f.txt" }));

            Assert.True(index.TracksFile("a/b/d.txt"));
            Assert.True(index.TracksFile("f.txt"));
            Assert.False(index.TracksFile("a/b"));
            Assert.True(index.HoldsTrackedFiles("a/b"));
            Assert.True(index.HoldsTrackedFiles("a"));
            Assert.False(index.HoldsTrackedFiles("f.txt"));
        }
    }
}
