using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using System.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.ArmEmulator.TestFleets;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>api-version rules, 404s with ARM's codes, and ARM's case-insensitive paths.</summary>
    public sealed class RequestValidationTests
    {
        [Fact]
        public async Task A_request_without_api_version_is_a_400_MissingApiVersionParameter()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply reply = await http.GetAsync($"{AccountPath()}/deployments");

            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal("MissingApiVersionParameter", reply.ErrorCode);
            Assert.StartsWith("application/json", reply.ContentHeaders.ContentType?.ToString(), System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("2023-05-01")]
        [InlineData("2024-10-01")]
        [InlineData("2025-06-01")]
        [InlineData("2026-03-01")]
        [InlineData("2026-05-01")]
        public async Task The_documented_api_versions_are_accepted(string apiVersion)
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{AccountPath()}/deployments?api-version={apiVersion}")).Status);
        }

        [Fact]
        public async Task Unknown_api_versions_are_refused_as_ARM_does()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            Assert.Equal("NoRegisteredProviderFound", (await http.GetAsync($"{AccountPath()}/deployments?api-version=2099-01-01")).ErrorCode);
            Assert.Equal("InvalidApiVersionParameter", (await http.GetAsync("/subscriptions?api-version=2026-05-01")).ErrorCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/subscriptions?api-version=2022-12-01")).Status);
        }

        [Fact]
        public async Task Unknown_resources_get_404_with_the_code_ARM_gives()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);
            string unknownSubscription = "/subscriptions/99999999-9999-4999-8999-999999999999/resourceGroups/rg-one/providers/Microsoft.CognitiveServices/accounts/acct-one?" + Api;
            string unknownGroup = $"/subscriptions/{Subscription}/resourceGroups/nope/providers/Microsoft.CognitiveServices/accounts/acct-one?{Api}";
            string unknownAccount = $"/subscriptions/{Subscription}/resourceGroups/{Group}/providers/Microsoft.CognitiveServices/accounts/nope/deployments?{Api}";

            Assert.Equal("SubscriptionNotFound", (await http.GetAsync(unknownSubscription)).ErrorCode);
            Assert.Equal("ResourceGroupNotFound", (await http.GetAsync(unknownGroup)).ErrorCode);
            EmulatorHttp.Reply account = await http.GetAsync(unknownAccount);
            Assert.Equal(HttpStatusCode.NotFound, account.Status);
            Assert.Equal("ResourceNotFound", account.ErrorCode);
            Assert.Equal("DeploymentNotFound", (await http.GetAsync(DeploymentPath("nope"))).ErrorCode);
            Assert.Equal("DeploymentNotFound", (await http.SendAsync(new HttpMethod("PATCH"), DeploymentPath("nope"), new Newtonsoft.Json.Linq.JObject())).ErrorCode);
        }

        [Fact]
        public async Task Paths_and_names_are_case_insensitive()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply reply = await http.GetAsync(
                $"/SUBSCRIPTIONS/{Subscription.ToUpperInvariant()}/resourcegroups/RG-ONE/providers/microsoft.cognitiveservices/ACCOUNTS/Acct-One/Deployments/CHAT?API-VERSION=2026-05-01");

            Assert.Equal(HttpStatusCode.OK, reply.Status);
            Assert.Equal("chat", (string?)reply.Json["name"]);
            Assert.EndsWith("/resourceGroups/rg-one/providers/Microsoft.CognitiveServices/accounts/acct-one/deployments/chat", (string?)reply.Json["id"], System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Subscriptions_accounts_models_usages_and_capacities_are_listed()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);
            string provider = $"/subscriptions/{Subscription}/providers/Microsoft.CognitiveServices";

            Assert.Equal(2, (await http.GetAsync("/subscriptions?api-version=2022-12-01")).Json["value"]!.Count());
            Assert.Equal("Test One", (string?)(await http.GetAsync($"/subscriptions/{Subscription}?api-version=2022-12-01")).Json["displayName"]);
            Assert.Equal(2, (await http.GetAsync($"{provider}/accounts?{Api}")).Json["value"]!.Count());
            Assert.Equal(2, (await http.GetAsync($"/subscriptions/{Subscription}/resourceGroups/{Group}/providers/Microsoft.CognitiveServices/accounts?{Api}")).Json["value"]!.Count());
            Assert.Equal("AIServices", (string?)(await http.GetAsync($"{AccountPath(SecondAccount)}?{Api}")).Json["kind"]);
            Assert.Equal("gpt-4.1", (string?)(await http.GetAsync($"{provider}/locations/EastUS/models?{Api}")).Json["value"]![0]!["model"]!["replacementConfig"]!["targetModelName"]);
            Assert.Equal("gpt-4o", (string?)(await http.GetAsync($"{AccountPath()}/models?{Api}")).Json["value"]![0]!["name"]);
            Assert.Empty((await http.GetAsync($"{AccountPath()}/usages?{Api}")).Json["value"]!);

            string capacityQuery = $"modelFormat=OpenAI&modelName=gpt-4.1&modelVersion=2025-04-14&{Api}";
            Newtonsoft.Json.Linq.JObject capacities = (await http.GetAsync($"{provider}/locations/eastus/modelCapacities?{capacityQuery}")).Json;
            Assert.Equal(300m, (decimal?)capacities["value"]![0]!["properties"]!["availableCapacity"]);
            Assert.Equal("GlobalStandard", (string?)capacities["value"]![0]!["name"]);
            Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"{provider}/locations/eastus/modelCapacities?modelName=gpt-4.1&{Api}")).Status);
            Assert.Single((await http.GetAsync($"{provider}/modelCapacities?{capacityQuery}")).Json["value"]!);
        }
    }
}
