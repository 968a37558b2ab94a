using System.Linq;
using ModelLifecycle.Core.References;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    public class ModelIdSpellingsTests
    {
        [Theory]
        [InlineData("gpt-35-turbo", "gpt-35-turbo|gpt-3.5-turbo")]
        [InlineData("gpt-35-turbo-16k", "gpt-35-turbo-16k|gpt-3.5-turbo-16k")]
        [InlineData("gpt-3.5-turbo-instruct", "gpt-3.5-turbo-instruct|gpt-35-turbo-instruct")]
        [InlineData("dall-e-3", "dall-e-3|dalle-3")]
        [InlineData("dalle-3", "dalle-3|dall-e-3")]
        [InlineData("model-router", "model-router|model router")]
        [InlineData("gpt-4o", "gpt-4o")]
        [InlineData("gpt-350", "gpt-350")]
        [InlineData("text-embedding-ada-002", "text-embedding-ada-002")]
        public void Expand_lists_the_id_then_its_spellings(string id, string expected)
        {
            Assert.Equal(expected, string.Join("|", ModelIdSpellings.Expand(id)));
        }

        [Fact]
        public void Patterns_keep_the_given_id_as_key()
        {
            var patterns = ModelIdSpellings.PatternsFor("gpt-35-turbo").ToList();

            Assert.All(patterns, p => Assert.Equal("gpt-35-turbo", p.Key));
            Assert.All(patterns, p => Assert.Equal(PatternKind.ModelId, p.Kind));
            Assert.Contains(patterns, p => p.Text == "gpt-3.5-turbo");
        }

        [Fact]
        public void A_spelling_is_found_under_the_canonical_key()
        {
            using var tree = new TempTree();
            tree.Write("app.py", "client.chat(model=\"gpt-3.5-turbo\")\n");

            var match = Assert.Single(Scan.Run(tree.Root, ModelIdSpellings.PatternsFor("gpt-35-turbo")));

            Assert.Equal("gpt-3.5-turbo", match.Match);
            Assert.Equal("gpt-35-turbo", match.Key);
        }
    }
}
