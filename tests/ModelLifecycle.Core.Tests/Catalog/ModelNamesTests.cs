using ModelLifecycle.Core.Catalog;
using Xunit;

namespace ModelLifecycle.Core.Tests.Catalog
{
    public class ModelNamesTests
    {
        [Theory]
        [InlineData("3.0", "3")]
        [InlineData("3", "3")]
        [InlineData("001", "001")]
        [InlineData(" 2024-08-06 ", "2024-08-06")]
        [InlineData("1.00", "1")]
        [InlineData("1.5", "1.5")]
        [InlineData("", null)]
        public void Versions_normalise(string input, string? expected) => Assert.Equal(expected, ModelNames.NormalizeVersion(input));

        [Theory]
        [InlineData("dalle-3", "dall-e-3")]
        [InlineData("model  router", "model-router")]
        [InlineData(" gpt-4o ", "gpt-4o")]
        public void Models_normalise(string input, string expected) => Assert.Equal(expected, ModelNames.NormalizeModel(input));

        [Theory]
        [InlineData("gpt-35-turbo-0613.ft-b044a9d3cf9c4228b5d393567f693b83", "gpt-35-turbo", "0613")]
        [InlineData("gpt-4o-mini-2024-07-18.ft-0123abcd", "gpt-4o-mini", "2024-07-18")]
        [InlineData("gpt-4.1.ft-xyz", "gpt-4.1", null)]
        public void Fine_tuned_names_split_into_base_and_version(string name, string model, string? version)
        {
            Assert.True(ModelNames.TryParseFineTuned(name, out var m, out var v));
            Assert.Equal(model, m);
            Assert.Equal(version, v);
        }

        [Fact]
        public void Plain_names_are_not_fine_tuned() => Assert.False(ModelNames.TryParseFineTuned("gpt-4o", out _, out _));

        [Theory]
        [InlineData("2024-11-20", "2024-08-06", 1)]
        [InlineData("2024-05-13", "2024-08-06", -1)]
        public void Dated_versions_order(string a, string b, int sign) => Assert.Equal(sign, System.Math.Sign(ModelNames.CompareDatedVersions(a, b)!.Value));

        [Fact]
        public void Month_day_versions_do_not_pretend_to_order() => Assert.Null(ModelNames.CompareDatedVersions("0125", "1106"));

        [Theory]
        [InlineData("gpt-4o*", "gpt-4o-mini", true)]
        [InlineData("gpt-4o*", "gpt-4.1", false)]
        [InlineData("GPT-4?", "gpt-4o", true)]
        [InlineData("o[13]", "o3", true)]
        [InlineData("o[13]", "o2", false)]
        [InlineData("gpt-4o", "GPT-4O", true)]
        [InlineData("a`*", "a*", true)]
        [InlineData("a`*", "ab", false)]
        public void Wildcards_follow_PowerShell_rules(string pattern, string value, bool match) => Assert.Equal(match, new Wildcard(pattern).IsMatch(value));
    }
}
