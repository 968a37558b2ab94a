using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ModelLifecycle.Core.References;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    public class ScannerTests
    {
        [Fact]
        public void Overlapping_roots_search_each_file_once()
        {
            using var tree = new TempTree();
            tree.Write("src/top.txt", "gpt-4o\n");
            tree.Write("src/sub/inner.txt", "gpt-4o\n");
            var options = new ReferenceScanOptions
            {
                Paths = new List<string> { tree.PathOf("src"), tree.PathOf("src/sub"), tree.PathOf("src/sub/inner.txt") },
                SortResults = true,
            };

            var matches = ReferenceScanner.Scan(new[] { Scan.Model("gpt-4o") }, options).ToList();

            Assert.Equal(new[] { "src/sub/inner.txt:1:1:gpt-4o", "src/top.txt:1:1:gpt-4o" }, matches.Describe(tree.Root));
        }

        [Fact]
        public void A_symlink_loop_does_not_trap_the_walk()
        {
            using var tree = new TempTree();
            tree.Write("a/file.txt", "gpt-4o\n");
            Directory.CreateSymbolicLink(tree.PathOf("a/loop"), tree.PathOf("a"));
            Directory.CreateSymbolicLink(tree.PathOf("up"), tree.Root);
            File.CreateSymbolicLink(tree.PathOf("link.txt"), tree.PathOf("a/file.txt"));

            Assert.Equal(new[] { "a/file.txt:1:1:gpt-4o" }, Scan.Run(tree.Root, "gpt-4o").Describe(tree.Root));
        }

        [Fact]
        public void A_symlink_named_as_a_root_is_followed()
        {
            using var tree = new TempTree();
            tree.Write("real/file.txt", "gpt-4o\n");
            Directory.CreateSymbolicLink(tree.PathOf("alias"), tree.PathOf("real"));

            Assert.Single(Scan.Run(tree.PathOf("alias"), "gpt-4o"));
        }

        [Fact]
        public void An_unreadable_file_is_reported_and_the_scan_goes_on()
        {
            using var tree = new TempTree();
            string bad = tree.Write("bad.txt", "gpt-4o\n");
            tree.Write("good.txt", "gpt-4o\n");
            var sink = new RecordingSink();
            var options = new ReferenceScanOptions { FileSystem = new FailingFileSystem(new[] { bad }, new string[0]) };

            List<ReferenceMatch> matches = Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, options, sink);

            Assert.Equal(new[] { "good.txt:1:1:gpt-4o" }, matches.Describe(tree.Root));
            ModelLifecycleException error = Assert.Single(sink.Errors);
            Assert.Equal(ReferenceErrorIds.FileReadFailed, error.ErrorId);
            Assert.Equal(ErrorKind.ReadError, error.Kind);
            Assert.EndsWith("bad.txt", (string)error.Target!);
            Assert.IsType<IOException>(error.InnerException);
        }

        [Fact]
        public void An_unlistable_directory_is_reported_and_its_siblings_searched()
        {
            using var tree = new TempTree();
            string locked = tree.MakeDirectory("locked");
            tree.Write("locked/a.txt", "gpt-4o\n");
            tree.Write("open/b.txt", "gpt-4o\n");
            var sink = new RecordingSink();
            var options = new ReferenceScanOptions { FileSystem = new FailingFileSystem(new string[0], new[] { locked }) };

            List<ReferenceMatch> matches = Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, options, sink);

            Assert.Equal(new[] { "open/b.txt:1:1:gpt-4o" }, matches.Describe(tree.Root));
            Assert.Equal(ReferenceErrorIds.DirectoryReadFailed, Assert.Single(sink.Errors).ErrorId);
        }

        [Fact]
        public void A_missing_path_is_reported_and_the_other_paths_searched()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "gpt-4o\n");
            var sink = new RecordingSink();
            var options = new ReferenceScanOptions { Paths = new List<string> { tree.PathOf("nope"), tree.PathOf("a.txt") } };

            List<ReferenceMatch> matches = ReferenceScanner.Scan(new[] { Scan.Model("gpt-4o") }, options, sink).ToList();

            Assert.Single(matches);
            Assert.Equal(tree.PathOf("a.txt"), matches[0].Path);
            ModelLifecycleException error = Assert.Single(sink.Errors);
            Assert.Equal(ReferenceErrorIds.PathNotFound, error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        }

        [Fact]
        public void Include_and_exclude_filter_files_and_directories()
        {
            using var tree = new TempTree();
            tree.Write("src/a.cs", "gpt-4o");
            tree.Write("src/a.py", "gpt-4o");
            tree.Write("src/gen/b.cs", "gpt-4o");
            tree.Write("tests/c.cs", "gpt-4o");
            tree.Write("tests/d.Designer.cs", "gpt-4o");
            var options = new ReferenceScanOptions
            {
                Include = new List<string> { "*.cs" },
                Exclude = new List<string> { "src/gen/", "*.Designer.cs" },
            };

            List<ReferenceMatch> matches = Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, options);

            Assert.Equal(new[] { "src/a.cs", "tests/c.cs" }, matches.Select(m => Scan.Relative(m.Path, tree.Root)));
        }

        [Fact]
        public void Cancelling_stops_the_scan_with_OperationCanceledException()
        {
            using var tree = new TempTree();
            for (int i = 0; i < 200; i++)
            {
                tree.Write($"d{i % 10}/f{i}.txt", "gpt-4o\n");
            }

            using var cancellation = new CancellationTokenSource();
            var options = new ReferenceScanOptions { Paths = new List<string> { tree.Root } };
            int seen = 0;

            Assert.Throws<OperationCanceledException>(() =>
            {
                foreach (ReferenceMatch unused in ReferenceScanner.Scan(new[] { Scan.Model("gpt-4o") }, options, null, cancellation.Token))
                {
                    seen++;
                    cancellation.Cancel();
                }
            });
            Assert.Equal(1, seen);
        }

        [Fact]
        public void A_token_cancelled_up_front_yields_nothing()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "gpt-4o\n");
            var options = new ReferenceScanOptions { Paths = new List<string> { tree.Root } };

            Assert.Throws<OperationCanceledException>(() =>
                ReferenceScanner.Scan(new[] { Scan.Model("gpt-4o") }, options, null, new CancellationToken(true)).ToList());
        }

        [Fact]
        public void Sink_calls_happen_on_the_enumerating_thread()
        {
            using var tree = new TempTree();
            for (int i = 0; i < 50; i++)
            {
                tree.WriteBytes($"bin{i}.dat", new byte[] { 1, 0, 2 });
                tree.Write($"t{i}.txt", "gpt-4o\n");
            }

            var sink = new RecordingSink();
            var options = new ReferenceScanOptions { Paths = new List<string> { tree.Root, tree.PathOf("missing") }, MaxDegreeOfParallelism = 4 };

            int count = ReferenceScanner.Scan(new[] { Scan.Model("gpt-4o") }, options, sink).Count();

            Assert.Equal(50, count);
            Assert.Equal(new[] { Environment.CurrentManagedThreadId }, sink.CallingThreads);
            Assert.Contains(sink.Verbose, v => v.StartsWith("Searched 50 text files (0.0 MB of text) in ", StringComparison.Ordinal) && v.EndsWith("; skipped 50 binary files.", StringComparison.Ordinal));
            Assert.DoesNotContain(sink.Verbose, v => v.Contains(".dat"));
            Assert.Single(sink.Errors);
        }

        [Fact]
        public void Per_file_order_is_line_then_column_with_many_anchors()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "o1 gpt-4o dall-e-3\ndall-e-3 o1 gpt-4o\n");
            var options = new ReferenceScanOptions { Paths = new List<string> { tree.Root } };

            var matches = ReferenceScanner.Scan(new[] { "gpt-4o", "o1", "dall-e-3" }.Select(Scan.Model), options).ToList();

            Assert.Equal(new[] { "1:1", "1:4", "1:11", "2:1", "2:10", "2:13" }, matches.Select(m => $"{m.LineNumber}:{m.Column}"));
        }

        [Fact]
        public void One_text_under_two_kinds_gives_a_match_for_each_and_duplicates_collapse()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "deployment: gpt-4o\n");
            var patterns = new[]
            {
                new ReferencePattern("gpt-4o", PatternKind.ModelId),
                new ReferencePattern("GPT-4o", "gpt-4o", PatternKind.ModelId),
                new ReferencePattern("gpt-4o", PatternKind.DeploymentName),
            };

            var matches = Scan.Run(tree.Root, patterns);

            Assert.Equal(new[] { PatternKind.ModelId, PatternKind.DeploymentName }, matches.Select(m => m.Kind));
        }

        [Theory]
        [InlineData("")]
        [InlineData("two\nlines")]
        public void Unusable_patterns_are_refused_before_the_scan(string text)
        {
            var e = Assert.Throws<ModelLifecycleException>(() =>
                ReferenceScanner.Scan(new[] { Scan.Model(text) }, new ReferenceScanOptions()));
            Assert.Equal(ReferenceErrorIds.InvalidReferencePattern, e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        }

        [Fact]
        public void Empty_and_special_files_are_not_opened()
        {
            using var tree = new TempTree();
            tree.Write("empty.txt", string.Empty);
            tree.Write("a.txt", "gpt-4o");
            if (!OperatingSystem.IsWindows())
            {
                // Opening a FIFO for reading blocks until a writer comes; the walker must not try.
                Assert.Equal(0, Mkfifo(tree.PathOf("pipe"), 0x1B6));
            }

            Assert.Single(Scan.Run(tree.Root, "gpt-4o"));
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
        private static extern int Mkfifo(string path, uint mode);
    }
}
