using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Migration;
using Xunit;
using static ModelLifecycle.Core.Tests.Migration.MigrationFixture;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Migration
{
    public class DeploymentNamesTests
    {
        [Theory]
        [InlineData("gpt-4o-prod", "gpt-4o", "gpt-5.1", "gpt-5.1-prod")]
        [InlineData("GPT-4O", "gpt-4o", "gpt-5.1", "gpt-5.1")]
        [InlineData("chat", "gpt-4o", "gpt-5.1", "chat-gpt-5.1")]
        [InlineData("images", "dall-e-3", "gpt-image-1.5", "images-gpt-image-1.5")]
        [InlineData("dalle3", "dall-e-3", "gpt-image-1.5", "dalle3-gpt-image-1.5")]
        public void The_default_name_swaps_or_appends_the_model(string source, string sourceModel, string target, string expected)
        {
            Assert.Equal(expected, DeploymentNames.Derive(source, sourceModel, target, "v", null));
        }

        [Fact]
        public void A_copy_of_the_same_model_gets_the_version()
        {
            Assert.Equal("chat-2025-04-14", DeploymentNames.Derive("chat", "gpt-4.1", "gpt-4.1", "2025-04-14", null));
        }

        [Fact]
        public void The_default_name_is_valid_for_ARM_and_at_most_64_characters()
        {
            var longName = new string('d', 60);
            var name = DeploymentNames.Derive(longName, "m", "model router", null, new[] { Other(longName.Substring(0, 60) + "-mod", "x", "1") });
            Assert.Null(DeploymentNames.Validate(name));
            Assert.True(name.Length <= 64, name);

            var collided = DeploymentNames.Derive(longName, "m", "target", null, new[] { Other((longName + "-target").Substring(0, 64), "x", "1") });
            Assert.Equal(64, collided.Length);
            Assert.EndsWith("-2", collided);
            Assert.Null(DeploymentNames.Validate(collided));
        }

        [Fact]
        public void Characters_ARM_refuses_become_dashes()
        {
            Assert.Equal("chat-my-model-x", DeploymentNames.Derive("chat", "gpt-4o", "my model/x", null, null));
        }

        [Fact]
        public void A_collision_takes_the_next_free_suffix()
        {
            var existing = new[] { Other("a-b", "x", "1"), Other("a-b-2", "x", "1") };
            Assert.Equal("a-b-3", DeploymentNames.Derive("a", "m", "b", null, existing));
            Assert.Equal("a-b", DeploymentNames.Derive("a", "m", "b", null, new[] { Other("A-B-2", "x", "1") }));
        }

        [Theory]
        [InlineData("ok-name_1.2", true)]
        [InlineData("", false)]
        [InlineData("with space", false)]
        [InlineData("ümlaut", false)]
        public void Validate_applies_ARM_rules(string name, bool valid)
        {
            Assert.Equal(valid, DeploymentNames.Validate(name) is null);
        }
    }

    public class ReplacementChainTests
    {
        [Fact]
        public void A_cycle_of_retired_replacements_ends_with_no_target()
        {
            var catalog = FromEntries(@"[
              { ""model"": ""a"", ""version"": ""1"", ""retirementDate"": ""2026-01-01"", ""replacements"": [ { ""model"": ""b"" } ] },
              { ""model"": ""b"", ""version"": ""1"", ""retirementDate"": ""2026-01-01"", ""replacements"": [ { ""model"": ""a"" } ] }
            ]");
            var choice = ReplacementChain.Follow(catalog.Find(CatalogCloud.AzureCloud, "a", "1")!, catalog, Date("2026-06-01"), 90);
            Assert.Null(choice.Best);
            Assert.Contains("b retired on 2026-01-01", choice.Passed);
            Assert.Empty(choice.Targets);
            Assert.Empty(choice.Fallbacks);
        }

        [Fact]
        public void Targets_keep_the_order_of_the_recorded_replacements()
        {
            var catalog = FromEntries(@"[
              { ""model"": ""a"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""x"" }, { ""model"": ""y"" } ] },
              { ""model"": ""x"", ""version"": ""1"", ""retirementDate"": ""2026-07-01"", ""replacements"": [ { ""model"": ""z"" } ] }
            ]");
            var choice = ReplacementChain.Follow(catalog.Find(CatalogCloud.AzureCloud, "a", "1")!, catalog, Date("2026-06-01"), 90);
            Assert.Equal("z, y", string.Join(", ", choice.Targets.Select(t => t.ToString())));
            Assert.Equal("x", Assert.Single(choice.Fallbacks).ToString());
        }
    }
}
