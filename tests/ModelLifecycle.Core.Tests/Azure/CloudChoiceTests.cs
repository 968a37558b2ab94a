using System;
using ModelLifecycle.Core.Azure;
using ModelLifecycle.Core.Catalog;
using Xunit;

namespace ModelLifecycle.Core.Tests.Azure
{
    /// <summary>The one place that decides whose lifecycle schedule a command uses.</summary>
    public class CloudChoiceTests
    {
        private static AzureContextInfo Signed(string environment) =>
            new AzureContextInfo("11111111-0000-0000-0000-000000000001", "t-1", environment, new Uri("https://management.example.com/"));

        [Fact]
        public void Without_a_request_or_a_context_it_is_AzureCloud()
        {
            Assert.Equal(CatalogCloud.AzureCloud, CloudChoice.Decide(null, null));
            Assert.Equal(CatalogCloud.AzureCloud, CloudChoice.Default);
        }

        [Theory]
        [InlineData("AzureCloud", CatalogCloud.AzureCloud)]
        [InlineData("AzureUSGovernment", CatalogCloud.AzureUSGovernment)]
        [InlineData("azureusgovernment", CatalogCloud.AzureUSGovernment)]
        [InlineData("AzureChinaCloud", CatalogCloud.AzureCloud)]
        [InlineData("MyStack", CatalogCloud.AzureCloud)]
        public void Without_a_request_the_context_decides(string environment, CatalogCloud expected)
        {
            Assert.Equal(expected, CloudChoice.Decide(null, Signed(environment)));
        }

        [Theory]
        [InlineData(CatalogCloud.OpenAI)]
        [InlineData(CatalogCloud.AzureCloud)]
        [InlineData(CatalogCloud.AzureUSGovernment)]
        public void A_request_wins_over_any_context(CatalogCloud requested)
        {
            Assert.Equal(requested, CloudChoice.Decide(requested, null));
            Assert.Equal(requested, CloudChoice.Decide(requested, Signed("AzureUSGovernment")));
            Assert.Equal(requested, CloudChoice.Decide(requested, Signed("AzureCloud")));
        }

        [Fact]
        public void The_Core_defaults_follow_it()
        {
            Assert.Equal(CloudChoice.Default, new Core.Policy.EvaluationOptions(new DateTime(2026, 1, 1)).Cloud);
            Assert.Equal(CloudChoice.Default, new RetirementFilter().Cloud);
        }
    }
}
