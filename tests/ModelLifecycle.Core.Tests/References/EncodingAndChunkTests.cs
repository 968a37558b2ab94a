using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ModelLifecycle.Core.References;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    public class EncodingAndChunkTests
    {
        private const string Text = "héllo wörld\r\n\t// 日本語 gpt-4o here\nend o1\n";

        public static IEnumerable<object[]> Encodings => new[]
        {
            new object[] { "utf8", new UTF8Encoding(false) },
            new object[] { "utf8bom", new UTF8Encoding(true) },
            new object[] { "utf16le", new UnicodeEncoding(false, true) },
            new object[] { "utf16be", new UnicodeEncoding(true, true) },
        };

        [Theory]
        [MemberData(nameof(Encodings))]
        public void Lines_and_columns_count_decoded_characters(string name, Encoding encoding)
        {
            using var tree = new TempTree();
            tree.Write(name + ".txt", Text, encoding);

            List<ReferenceMatch> matches = Scan.Run(tree.Root, "gpt-4o", "o1");

            Assert.Equal(new[] { "2:9:gpt-4o", "3:5:o1" }, matches.Select(m => $"{m.LineNumber}:{m.Column}:{m.Match}"));
            Assert.Equal("\t// 日本語 gpt-4o here", matches[0].Line);
            Assert.Equal("end o1", matches[1].Line);
        }

        [Fact]
        public void Columns_count_utf16_code_units_past_a_surrogate_pair()
        {
            using var tree = new TempTree();
            tree.Write("emoji.md", "🚀 gpt-4o\n");

            Assert.Equal(4, Assert.Single(Scan.Run(tree.Root, "gpt-4o")).Column); // 🚀 is two UTF-16 units
        }

        [Fact]
        public void Binary_files_are_skipped_and_said_so()
        {
            using var tree = new TempTree();
            tree.WriteBytes("image.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0 }.Concat(Encoding.ASCII.GetBytes(" gpt-4o ")).ToArray());
            tree.Write("text.txt", "gpt-4o\n");
            var sink = new RecordingSink();

            List<ReferenceMatch> matches = Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, null, sink);

            Assert.Equal(new[] { "text.txt:1:1:gpt-4o" }, matches.Describe(tree.Root));
            Assert.Contains(sink.Verbose, v => v.StartsWith("Searched 1 text file (0.0 MB of text)", StringComparison.Ordinal) && v.EndsWith("skipped 1 binary file.", StringComparison.Ordinal));
        }

        [Fact]
        public void The_summary_counts_text_not_the_size_of_binary_files()
        {
            using var tree = new TempTree();
            tree.WriteBytes("big.bin", new byte[3 * 1024 * 1024]);
            tree.WriteBytes("mixed.dat", Encoding.ASCII.GetBytes(new string('x', 200) + "\n").Concat(new byte[1024 * 1024]).ToArray());
            tree.Write("text.txt", new string('y', 1024 * 1024) + "\n");
            var sink = new RecordingSink();

            Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, new ReferenceScanOptions { ChunkSize = 64 }, sink);

            string summary = Assert.Single(sink.Verbose);
            Assert.StartsWith("Searched 2 text files (1.0 MB of text) in ", summary, StringComparison.Ordinal);
            Assert.EndsWith("; skipped 1 binary file; searched 1 file up to binary data.", summary, StringComparison.Ordinal);
        }

        [Fact]
        public void Binary_data_after_the_first_chunk_stops_the_search_of_that_file()
        {
            using var tree = new TempTree();
            string text = "gpt-4o\n" + new string('x', 100) + "\n";
            tree.WriteBytes("mixed.dat", Encoding.ASCII.GetBytes(text).Concat(new byte[] { 0 }).Concat(Encoding.ASCII.GetBytes("\ngpt-4o\n")).ToArray());

            List<ReferenceMatch> matches = Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, new ReferenceScanOptions { ChunkSize = 64 });

            Assert.Equal(new[] { "mixed.dat:1:1:gpt-4o" }, matches.Describe(tree.Root));
        }

        [Theory]
        [InlineData(16)]
        [InlineData(37)]
        [InlineData(64)]
        [InlineData(1000)]
        public void Every_match_is_found_once_whatever_the_chunk_size(int chunkSize)
        {
            using var tree = new TempTree();
            var sb = new StringBuilder();
            var expected = new List<string>();
            for (int line = 1; line <= 300; line++)
            {
                string padding = new string(' ', line % 23);
                sb.Append(padding);
                if (line % 3 == 0)
                {
                    expected.Add($"big.txt:{line}:{padding.Length + 1}:gpt-4o-mini");
                    sb.Append("gpt-4o-mini");
                }

                sb.Append(line % 7 == 0 ? "\r\n" : "\n");
            }

            tree.Write("big.txt", sb.ToString());

            List<ReferenceMatch> matches = Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o-mini"), Scan.Model("gpt-4o") }, new ReferenceScanOptions { ChunkSize = chunkSize });

            Assert.Equal(expected, matches.Describe(tree.Root));
        }

        [Theory]
        [InlineData(16)]
        [InlineData(50)]
        [InlineData(4096)]
        public void A_line_longer_than_a_chunk_keeps_columns_and_token_rules(int chunkSize)
        {
            using var tree = new TempTree();
            var line = new StringBuilder();
            var columns = new List<int>();
            for (int i = 0; i < 200; i++)
            {
                line.Append(i % 2 == 0 ? "é;" : "ab,");
                if (i % 9 == 0)
                {
                    columns.Add(line.Length + 1);
                    line.Append("o3-mini ");
                }

                if (i % 13 == 0)
                {
                    line.Append(";o3-mini-x"); // near miss
                }
            }

            tree.Write("min.js", "first\n" + line + "\nlast o3-mini\n");

            List<ReferenceMatch> matches = Scan.Run(tree.Root, new[] { Scan.Model("o3-mini") }, new ReferenceScanOptions { ChunkSize = chunkSize, MaxLineLength = 60 });

            Assert.Equal(columns.Select(c => "2:" + c).Concat(new[] { "3:6" }), matches.Select(m => $"{m.LineNumber}:{m.Column}"));
            Assert.All(matches.Take(columns.Count), m => Assert.Contains("o3-mini", m.Line));
            Assert.All(matches.Take(columns.Count), m => Assert.True(m.Line.Length <= 64, m.Line));
            Assert.Equal("last o3-mini", matches.Last().Line);
        }

        [Fact]
        public void A_match_straddling_the_boundary_of_a_utf16_read_is_found()
        {
            using var tree = new TempTree();
            string text = new string('a', 40000) + " gpt-4o\n" + new string('b', 30000) + "\n😀 gpt-4o\n";
            tree.Write("wide.txt", text, new UnicodeEncoding(false, true));

            List<ReferenceMatch> matches = Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, new ReferenceScanOptions { ChunkSize = 1000 });

            Assert.Equal(new[] { "1:40002", "3:4" }, matches.Select(m => $"{m.LineNumber}:{m.Column}"));
        }
    }
}
