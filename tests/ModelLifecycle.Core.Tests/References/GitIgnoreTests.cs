using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLifecycle.Core.References;
using ModelLifecycle.Core.References.Ignore;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    public class GitIgnoreTests
    {
        private static List<string> FilesFound(TempTree tree, ReferenceScanOptions? options = null) =>
            Scan.Run(tree.Root, new[] { Scan.Model("gpt-4o") }, options).Select(m => Scan.Relative(m.Path, tree.Root)).Distinct().ToList();

        [Fact]
        public void Name_patterns_apply_at_any_depth_and_negation_re_includes()
        {
            using var tree = new TempTree();
            tree.Write(".gitignore", "*.log\n!keep.log\n# a comment\n\n");
            tree.Write("a.log", "gpt-4o");
            tree.Write("deep/er/b.log", "gpt-4o");
            tree.Write("deep/keep.log", "gpt-4o");
            tree.Write("deep/c.txt", "gpt-4o");

            Assert.Equal(new[] { "deep/c.txt", "deep/keep.log" }, FilesFound(tree));
        }

        [Fact]
        public void Nested_gitignore_overrides_its_parent_for_its_subtree_only()
        {
            using var tree = new TempTree();
            tree.Write(".gitignore", "*.gen.cs\n");
            tree.Write("lib/.gitignore", "!*.gen.cs\nsecret.txt\n");
            tree.Write("a.gen.cs", "gpt-4o");
            tree.Write("lib/b.gen.cs", "gpt-4o");
            tree.Write("lib/secret.txt", "gpt-4o");
            tree.Write("secret.txt", "gpt-4o");

            Assert.Equal(new[] { "lib/b.gen.cs", "secret.txt" }, FilesFound(tree));
        }

        [Fact]
        public void Anchored_patterns_match_only_below_their_own_directory()
        {
            using var tree = new TempTree();
            tree.Write(".gitignore", "/build\ndocs/out.md\n");
            tree.Write("build/a.txt", "gpt-4o");
            tree.Write("src/build/b.txt", "gpt-4o");
            tree.Write("docs/out.md", "gpt-4o");
            tree.Write("src/docs/out.md", "gpt-4o");

            Assert.Equal(new[] { "src/build/b.txt", "src/docs/out.md" }, FilesFound(tree));
        }

        [Fact]
        public void Directory_only_patterns_skip_directories_but_not_files_of_that_name()
        {
            using var tree = new TempTree();
            tree.Write(".gitignore", "cache/\n");
            tree.Write("cache/a.txt", "gpt-4o");
            tree.Write("src/cache/b.txt", "gpt-4o");
            tree.Write("lib/cache", "gpt-4o");

            Assert.Equal(new[] { "lib/cache" }, FilesFound(tree));
        }

        [Fact]
        public void Double_star_forms()
        {
            using var tree = new TempTree();
            tree.Write(".gitignore", "**/gen/*.txt\nlogs/**\na/**/z.txt\n");
            tree.Write("gen/1.txt", "gpt-4o");
            tree.Write("x/y/gen/2.txt", "gpt-4o");
            tree.Write("x/y/gen/keep.md", "gpt-4o");
            tree.Write("logs/deep/3.txt", "gpt-4o");
            tree.Write("a/z.txt", "gpt-4o");
            tree.Write("a/b/c/z.txt", "gpt-4o");
            tree.Write("b/z.txt", "gpt-4o");

            Assert.Equal(new[] { "b/z.txt", "x/y/gen/keep.md" }, FilesFound(tree));
        }

        [Fact]
        public void A_file_under_an_ignored_directory_cannot_be_re_included()
        {
            using var tree = new TempTree();
            tree.Write(".gitignore", "out/\n!out/keep.txt\n");
            tree.Write("out/keep.txt", "gpt-4o");
            tree.Write("in.txt", "gpt-4o");

            Assert.Equal(new[] { "in.txt" }, FilesFound(tree));
        }

        [Fact]
        public void NoIgnore_searches_everything_but_dot_git()
        {
            using var tree = new TempTree();
            tree.Write(".gitignore", "*.log\n");
            tree.Write("a.log", "gpt-4o");
            tree.Write(".git/config", "gpt-4o");
            tree.Write(".env", "gpt-4o");

            Assert.Equal(new[] { ".env", "a.log" }, FilesFound(tree, new ReferenceScanOptions { NoIgnore = true }));
        }

        [Fact]
        public void Rules_above_the_search_root_apply_inside_a_repository()
        {
            using var tree = new TempTree();
            tree.MakeDirectory(".git");
            tree.Write(".gitignore", "src/gen/\n");
            tree.Write(".git/info/exclude", "*.tmp\n");
            tree.Write("src/gen/a.cs", "gpt-4o");
            tree.Write("src/b.tmp", "gpt-4o");
            tree.Write("src/c.cs", "gpt-4o");

            var found = Scan.Run(tree.PathOf("src"), new[] { Scan.Model("gpt-4o") }).Select(m => Path.GetFileName(m.Path));

            Assert.Equal(new[] { "c.cs" }, found);
        }

        [Theory]
        [InlineData("*.cs", "a.cs", true)]
        [InlineData("*.cs", "a.csx", false)]
        [InlineData("a?c", "abc", true)]
        [InlineData("a?c", "a/c", false)]
        [InlineData("[a-c]x", "bx", true)]
        [InlineData("[!a-c]x", "bx", false)]
        [InlineData("[!a-c]x", "dx", true)]
        [InlineData("src/*.cs", "src/a.cs", true)]
        [InlineData("src/*.cs", "src/x/a.cs", false)]
        [InlineData("**/a.cs", "a.cs", true)]
        [InlineData("**/a.cs", "x/y/a.cs", true)]
        [InlineData("x/**/a.cs", "x/a.cs", true)]
        [InlineData("x/**/a.cs", "x/p/q/a.cs", true)]
        [InlineData("x/**/a.cs", "y/x/a.cs", false)]
        [InlineData("x/**", "x/p/q", true)]
        [InlineData("x/**", "x", false)]
        [InlineData("a**b", "aXYb", true)]
        [InlineData("a**b", "a/b", false)]
        [InlineData("\\*.cs", "*.cs", true)]
        [InlineData("\\*.cs", "a.cs", false)]
        [InlineData("[abc", "[abc", true)]
        public void Glob_semantics(string glob, string path, bool expected)
        {
            Assert.Equal(expected, new GlobPattern(glob).IsMatch(path));
        }

        [Theory]
        [InlineData("foo\\ ", "foo ")]
        [InlineData("foo   ", "foo")]
        [InlineData("\\#not-a-comment", "#not-a-comment")]
        [InlineData("\\!literal", "!literal")]
        public void Line_parsing_handles_escapes_and_trailing_spaces(string line, string expectedName)
        {
            IgnoreRule rule = IgnoreRule.ParseLine(line)!;
            Assert.False(rule.Negated);
            Assert.True(rule.IsMatch(expectedName, expectedName));
        }
    }
}
