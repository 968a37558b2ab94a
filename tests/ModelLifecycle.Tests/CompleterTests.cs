using System.Collections;
using System.Linq;
using ModelLifecycle.Binding;
using ModelLifecycle.Core.Catalog;
using Xunit;

namespace ModelLifecycle.Tests
{
    public class CompleterTests
    {
        [Fact]
        public void Completes_by_prefix_from_the_catalog()
        {
            var results = ModelNameCompleter.CompletionTexts("dall", CatalogCloud.AzureCloud).Select(r => r.Text).ToList();
            Assert.Contains("dall-e-3", results);
            Assert.All(results, r => Assert.StartsWith("dall", r));
        }

        [Fact]
        public void Trims_quotes_and_accepts_wildcards()
        {
            Assert.Contains("gpt-4o-mini", ModelNameCompleter.CompletionTexts("'gpt-4o-m", CatalogCloud.AzureCloud).Select(r => r.Text));
            Assert.Contains("gpt-4.1-nano", ModelNameCompleter.CompletionTexts("*nano", CatalogCloud.AzureCloud).Select(r => r.Text));
        }

        [Fact]
        public void Quotes_names_with_spaces()
        {
            Assert.Contains("'Command R'", ModelNameCompleter.CompletionTexts("Command", CatalogCloud.AzureCloud).Select(r => r.Text));
        }

        [Fact]
        public void Follows_the_bound_cloud_and_never_throws()
        {
            Assert.Equal(CatalogCloud.OpenAI, ModelNameCompleter.CloudFrom(new Hashtable { ["Cloud"] = "OpenAI" }));
            Assert.Equal(CatalogCloud.AzureCloud, ModelNameCompleter.CloudFrom(new Hashtable()));
            Assert.Contains("chatgpt-4o-latest", ModelNameCompleter.CompletionTexts("chatgpt", CatalogCloud.OpenAI).Select(r => r.Text));
            Assert.Empty(new ModelNameCompleter().CompleteArgument("Get-ModelRetirement", "Name", "[", null!, new Hashtable()));
        }
    }
}
