using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using ModelLifecycle.Core.References.Ignore;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>
    /// The fast forms of ignore matching (literal, suffix and prefix globs, "**/name" read as a name rule,
    /// rules filed by name and extension) must give the answers of the general matcher: each glob's regex
    /// (<see cref="GlobPattern.ToRegex"/>) over the pattern as written, every rule tried from the last.
    /// Compared over generated rules and paths built from the same small vocabulary, so most pairs are close.
    /// </summary>
    public class IgnoreFastPathTests
    {
        private static readonly RegexOptions Options = RegexOptions.CultureInvariant
            | (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? RegexOptions.IgnoreCase : RegexOptions.None);

        private static readonly string[] Segments =
        {
            "a", "b", "bin", "Bin", "obj", "src", "docs", "gen", "x.log", "keep.log", "x.LOG", ".log", "log", "a.tar.gz",
            "b.gz", "tmp", "tmp1", "tmp1_x", "tmp1_x.log", ".cache", "a.b.c", "snap.json", "x.json", "xjson", "a.c", "a_i.c",
        };

        private static readonly string[] GlobSegments =
        {
            "a", "bin", "Bin", "obj", "src", "gen", "x.log", "keep.log", ".log", "log", ".cache", "snap.json",
            "*.log", "*.LOG", "*.gz", "*.tar.gz", "*g", "*_i.c", "*.c", "*.json", "*json", "*", "tmp*", "tmp1_*", "t?p1",
            "[ab]", "[!a]", "*.[lL]og", "x.*", "*.*", "\\*.log", "a*c", "*~", "b.gz",
        };

        [Fact]
        public void Fast_glob_forms_agree_with_the_general_matcher_and_their_keys_hold()
        {
            var random = new Random(11);
            int matches = 0;
            for (int n = 0; n < 3000; n++)
            {
                string pattern = RandomGlob(random);
                var glob = new GlobPattern(pattern);
                var general = new Regex(GlobPattern.ToRegex(pattern), Options);
                for (int k = 0; k < 20; k++)
                {
                    string path = RandomPath(random);
                    bool expected = general.IsMatch(path);
                    Assert.True(expected == glob.IsMatch(path), $"glob '{pattern}' on '{path}': expected {expected}");
                    if (!expected)
                    {
                        continue;
                    }

                    matches++;
                    string last = path.Substring(path.LastIndexOf('/') + 1);
                    if (glob.NameKey != null)
                    {
                        Assert.True(GlobPattern.KeyComparer.Equals(glob.NameKey, last), $"'{pattern}' matched '{path}' but its name key is '{glob.NameKey}'");
                    }

                    if (glob.ExtensionKey != null)
                    {
                        Assert.True(GlobPattern.KeyComparer.Equals(glob.ExtensionKey, GlobPattern.ExtensionOf(last) ?? string.Empty), $"'{pattern}' matched '{path}' but its extension key is '{glob.ExtensionKey}'");
                    }
                }
            }

            Assert.True(matches > 1000, $"only {matches} matching pairs: the vocabulary does not exercise the matcher");
        }

        [Theory]
        [InlineData("*.pyc", null, ".pyc")]
        [InlineData("*.sln.docstates", null, ".docstates")]
        [InlineData("*_i.c", null, ".c")]
        [InlineData("src/**/snap/*.json", null, ".json")]
        [InlineData("*~", null, null)]
        [InlineData("bin", "bin", null)]
        [InlineData("docs/_build", "_build", null)]
        [InlineData("tmp*", null, null)]
        [InlineData("*.[Cc]ache", null, null)]
        public void Keys_are_the_name_or_extension_a_match_needs(string pattern, string? nameKey, string? extensionKey)
        {
            var glob = new GlobPattern(pattern);
            Assert.Equal(nameKey, glob.NameKey);
            Assert.Equal(extensionKey, glob.ExtensionKey);
        }

        [Theory]
        [InlineData("tmp*", "tmp", true)]
        [InlineData("tmp*", "tmp1_x", true)]
        [InlineData("tmp*", "tmp/x", false)]
        [InlineData("tmp*", "xtmp", false)]
        public void Prefix_globs_stay_within_one_segment(string glob, string path, bool expected)
        {
            Assert.Equal(expected, new GlobPattern(glob).IsMatch(path));
        }

        [Theory]
        [InlineData("**/.cache", ".cache", "a/b/.cache", true)]
        [InlineData("**/.cache", ".cache", ".cache", true)]
        [InlineData("**/.cache", "x.cache", "a/x.cache", false)]
        [InlineData("**/*.bin", "a.bin", "x/y/a.bin", true)]
        [InlineData("**/a/b", "b", "x/a/b", true)]
        [InlineData("**/a/b", "b", "x/c/b", false)]
        public void Any_directory_rules_match_as_written(string line, string name, string relative, bool expected)
        {
            IgnoreRule rule = IgnoreRule.ParseLine(line)!;
            Assert.Equal(expected, rule.IsMatch(name, relative));
            Assert.Equal(line, rule.ToString());
        }

        [Fact]
        public void Rules_read_as_name_rules_agree_with_the_rule_as_written()
        {
            var random = new Random(12);
            for (int n = 0; n < 2000; n++)
            {
                string line = RandomLine(random);
                IgnoreRule? rule = IgnoreRule.ParseLine(line);
                if (rule == null)
                {
                    continue;
                }

                var general = new Regex(GlobPattern.ToRegex(rule.Text), Options);
                for (int k = 0; k < 20; k++)
                {
                    string relative = RandomPath(random);
                    string name = relative.Substring(relative.LastIndexOf('/') + 1);
                    bool expected = general.IsMatch(rule.TextMatchesName ? name : relative);
                    Assert.True(expected == rule.IsMatch(name, relative), $"rule '{line}' on '{relative}': expected {expected}");
                }
            }
        }

        [Fact]
        public void A_stack_of_long_rule_files_decides_as_trying_every_rule_from_the_last()
        {
            var random = new Random(13);
            string root = Path.Combine(Path.GetTempPath(), "ignore-fast-path");
            string inner = Path.Combine(root, "src");
            int ignored = 0, decided = 0;
            for (int n = 0; n < 40; n++)
            {
                List<IgnoreRule> outerRules = IgnoreRule.ParseFile(RandomFile(random, 150));
                List<IgnoreRule> innerRules = IgnoreRule.ParseFile(RandomFile(random, 20));
                var outer = new IgnoreStack(null, root, outerRules);
                var stack = new IgnoreStack(outer, inner, innerRules);
                var levels = new[] { (Base: inner, Rules: innerRules), (Base: root, Rules: outerRules) };
                var regexes = outerRules.Concat(innerRules).Distinct().ToDictionary(r => r, r => new Regex(GlobPattern.ToRegex(r.Text), Options));
                for (int k = 0; k < 300; k++)
                {
                    string relative = "src/" + RandomPath(random);
                    string name = relative.Substring(relative.LastIndexOf('/') + 1);
                    bool isDirectory = random.Next(3) == 0;
                    string fullPath = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
                    bool expected = false;
                    foreach ((string basePath, List<IgnoreRule> rules) in levels)
                    {
                        string below = fullPath.Substring(basePath.Length + 1).Replace(Path.DirectorySeparatorChar, '/');
                        IgnoreRule? last = Enumerable.Range(0, rules.Count).Reverse().Select(i => rules[i])
                            .FirstOrDefault(r => (!r.DirectoryOnly || isDirectory) && regexes[r].IsMatch(r.TextMatchesName ? name : below));
                        if (last != null)
                        {
                            expected = !last.Negated;
                            break;
                        }
                    }

                    bool actual = stack.IsIgnored(fullPath, name, isDirectory);
                    Assert.True(expected == actual, $"'{relative}' (directory: {isDirectory}): expected ignored {expected}, rules run {n}");
                    decided++;
                    ignored += actual ? 1 : 0;
                }
            }

            Assert.InRange(ignored, decided / 10, decided * 9 / 10);
        }

        private static string RandomPath(Random random)
        {
            int depth = 1 + random.Next(4);
            return string.Join("/", Enumerable.Range(0, depth).Select(_ => Segments[random.Next(Segments.Length)]));
        }

        private static string RandomGlob(Random random)
        {
            var sb = new StringBuilder();
            switch (random.Next(6))
            {
                case 0:
                    sb.Append("**/");
                    break;
                case 1:
                    sb.Append(Segments[random.Next(Segments.Length)]).Append("/**/");
                    break;
            }

            int depth = 1 + (random.Next(3) == 0 ? random.Next(3) : 0);
            sb.Append(string.Join("/", Enumerable.Range(0, depth).Select(_ => GlobSegments[random.Next(GlobSegments.Length)])));
            if (random.Next(10) == 0)
            {
                sb.Append("/**");
            }

            return sb.ToString();
        }

        private static string RandomLine(Random random)
        {
            string glob = RandomGlob(random);
            string prefix = random.Next(5) == 0 ? "!" : string.Empty;
            string anchor = random.Next(5) == 0 ? "/" : string.Empty;
            string directory = random.Next(4) == 0 ? "/" : string.Empty;
            return prefix + anchor + glob + directory;
        }

        private static string RandomFile(Random random, int rules) =>
            string.Join("\n", Enumerable.Range(0, rules).Select(_ => RandomLine(random)));
    }
}
