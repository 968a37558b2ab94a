using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.References;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    public class WholeTokenTests
    {
        public static IEnumerable<object[]> Cases => new[]
        {
            // line, pattern, found?
            new object[] { "model = \"gpt-4o\"", "gpt-4o", true },
            new object[] { "model=gpt-4o, temperature=0", "gpt-4o", true },
            new object[] { "We moved to gpt-4o.", "gpt-4o", true },
            new object[] { "POST /deployments/gpt-4o/chat", "gpt-4o", true },
            new object[] { "gpt-4o", "gpt-4o", true },
            new object[] { "see prompts/gpt-4o.json", "gpt-4o", true },
            new object[] { "(gpt-4o)", "gpt-4o", true },
            new object[] { "use gpt-4o-mini", "gpt-4o", false },
            new object[] { "use gpt-4o2", "gpt-4o", false },
            new object[] { "use xgpt-4o", "gpt-4o", false },
            new object[] { "use _gpt-4o", "gpt-4o", false },
            new object[] { "use gpt-4o_x", "gpt-4o", false },
            new object[] { "model: o1", "o1", true },
            new object[] { "Models.o1", "o1", true },
            new object[] { "model: o1-mini", "o1", false },
            new object[] { "foo1", "o1", false },
            new object[] { "o1.5", "o1", false },
            new object[] { "gpt-4.1 is newer", "gpt-4", false },
            new object[] { "gpt-4 is older", "gpt-4", true },
            new object[] { "gpt-3.5-turbo", "5-turbo", false },
            new object[] { "v.o1 works", "o1", true },
            new object[] { "使用gpt-4o模型", "gpt-4o", true },
            new object[] { "ends with o1", "o1", true },
            new object[] { "GPT-4O in caps", "gpt-4o", true },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Scanner_applies_the_token_rule(string line, string pattern, bool expected)
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "first line\n" + line + "\nlast line\n");

            List<ReferenceMatch> matches = Scan.Run(tree.Root, pattern);

            Assert.Equal(expected, matches.Count == 1);
            if (expected)
            {
                Assert.Equal(2, matches[0].LineNumber);
                Assert.Equal(line.ToLowerInvariant().IndexOf(pattern.ToLowerInvariant()) + 1, matches[0].Column);
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void String_rule_agrees_with_the_scanner(string line, string pattern, bool expected)
        {
            int at = line.ToLowerInvariant().IndexOf(pattern.ToLowerInvariant());
            Assert.Equal(expected, TokenRules.IsWholeToken(line, at, pattern.Length));
        }

        [Fact]
        public void AllowSubstring_finds_ids_inside_longer_tokens()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "gpt-4o-mini and xgpt-4o2\n");

            List<ReferenceMatch> matches = Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, new ReferenceScanOptions { AllowSubstring = true });

            Assert.Equal(new[] { 1, 18 }, matches.Select(m => m.Column));
        }

        [Fact]
        public void Match_keeps_the_spelling_in_the_file_and_CaseSensitive_drops_other_cases()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "GPT-4o and gpt-4o\n");

            Assert.Equal(new[] { "GPT-4o", "gpt-4o" }, Scan.Run(tree.Root, "gpt-4o").Select(m => m.Match));
            Assert.Equal(new[] { "gpt-4o" }, Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, new ReferenceScanOptions { CaseSensitive = true }).Select(m => m.Match));
        }

        [Fact]
        public void Longer_and_shorter_ids_at_one_place_yield_only_the_whole_token()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "gpt-4o-mini, gpt-4o\n");

            List<string> found = Scan.Run(tree.Root, "gpt-4o", "gpt-4o-mini").Select(m => m.Key + "@" + m.Column).ToList();

            Assert.Equal(new[] { "gpt-4o-mini@1", "gpt-4o@14" }, found);
        }
    }
}
