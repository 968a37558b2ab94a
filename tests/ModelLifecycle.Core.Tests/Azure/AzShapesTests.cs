using System;
using System.Collections.Generic;
using System.Security;
using ModelLifecycle.Core.Azure;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using Xunit;

namespace ModelLifecycle.Core.Tests.Azure
{
    public class AzShapesTests
    {
        private static IPropertyBag Bag(object o) => PropertyBags.From(o)!;

        private static Dictionary<string, object?> Context(string env = "AzureCloud", string? url = "https://management.azure.com/") => new Dictionary<string, object?>
        {
            ["Name"] = "sub (id) - user",
            ["Account"] = new Dictionary<string, object?> { ["Id"] = "admin@contoso.com", ["Type"] = "User" },
            ["Subscription"] = new Dictionary<string, object?> { ["Id"] = "11111111-0000-0000-0000-000000000001", ["Name"] = "prod", ["TenantId"] = "t-from-sub" },
            ["Tenant"] = new Dictionary<string, object?> { ["Id"] = "t-1" },
            ["Environment"] = new Dictionary<string, object?> { ["Name"] = env, ["ResourceManagerUrl"] = url },
        };

        [Fact]
        public void Reads_the_context()
        {
            var c = AzShapes.ReadContext(Bag(Context()));
            Assert.Equal("11111111-0000-0000-0000-000000000001", c.SubscriptionId);
            Assert.Equal("prod", c.SubscriptionName);
            Assert.Equal("t-1", c.TenantId);
            Assert.Equal("admin@contoso.com", c.AccountId);
            Assert.Equal(new Uri("https://management.azure.com/"), c.ResourceManagerUrl);
            Assert.Equal(CatalogCloud.AzureCloud, CloudChoice.Decide(null, c));
        }

        [Fact]
        public void Sovereign_clouds_use_their_endpoint_and_schedule()
        {
            var c = AzShapes.ReadContext(Bag(Context("AzureUSGovernment", "https://management.usgovcloudapi.net")));
            Assert.Equal("https://management.usgovcloudapi.net/", c.ResourceManagerUrl.AbsoluteUri);
            Assert.Equal(CatalogCloud.AzureUSGovernment, CloudChoice.Decide(null, c));
            Assert.Equal("https://management.chinacloudapi.cn/", AzShapes.ReadContext(Bag(Context("AzureChinaCloud", null))).ResourceManagerUrl.AbsoluteUri);
        }

        [Theory]
        [InlineData("http://management.example.com/", "InsecureResourceManagerUrl")]
        [InlineData("not a url", "InvalidResourceManagerUrl")]
        public void Refuses_endpoints_a_token_must_not_go_to(string url, string errorId)
        {
            Assert.Equal(errorId, Assert.Throws<ModelLifecycleException>(() => AzShapes.ReadContext(Bag(Context(url: url)))).ErrorId);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000/")]
        [InlineData("http://localhost:5000")]
        [InlineData("http://[::1]:5000/")]
        [InlineData("http://127.8.9.10/")]
        public void Loopback_http_is_allowed_for_tests(string url)
        {
            Assert.Equal(Uri.UriSchemeHttp, AzShapes.ReadContext(Bag(Context(url: url))).ResourceManagerUrl.Scheme);
        }

        [Fact]
        public void Unknown_environment_without_url_is_an_error()
        {
            Assert.Equal("AzureEnvironmentUnknown", Assert.Throws<ModelLifecycleException>(() => AzShapes.ReadContext(Bag(Context("Custom", null)))).ErrorId);
        }

        [Fact]
        public void Reads_a_plain_string_token()
        {
            var t = AzShapes.ReadToken(Bag(new Dictionary<string, object?> { ["Token"] = "secret-abc", ["ExpiresOn"] = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero) }));
            Assert.Equal("secret-abc", t.Token);
            Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), t.ExpiresOn);
            Assert.DoesNotContain("secret-abc", t.ToString());
        }

        [Fact]
        public void Reads_a_SecureString_token()
        {
            var secure = new SecureString();
            foreach (var ch in "secret-xyz")
            {
                secure.AppendChar(ch);
            }

            var t = AzShapes.ReadToken(Bag(new Dictionary<string, object?> { ["Token"] = secure, ["ExpiresOn"] = "2026-11-22T10:00:00+00:00" }));
            Assert.Equal("secret-xyz", t.Token);
            Assert.Equal(10, t.ExpiresOn.UtcDateTime.Hour);
        }

        [Fact]
        public void A_missing_token_fails_without_echoing_anything()
        {
            var ex = Assert.Throws<ModelLifecycleException>(() => AzShapes.ReadToken(Bag(new Dictionary<string, object?> { ["Token"] = 42 })));
            Assert.Equal("AzAccessTokenUnreadable", ex.ErrorId);
            Assert.DoesNotContain("42", ex.Message);
        }
    }
}
