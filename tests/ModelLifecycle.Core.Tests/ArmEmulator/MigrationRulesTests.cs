using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.ArmEmulator.TestFleets;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>What ARM refuses when deployments are moved to another model: each refusal, and what still goes through.</summary>
    public sealed class MigrationRulesTests
    {
        [Fact]
        public async Task Changing_the_model_name_of_a_standard_deployment_is_CannotChangeDeploymentModel()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply refused = await http.SendAsync(HttpMethod.Put, DeploymentPath("chat"), DeploymentBody("gpt-4.1", "2025-04-14", "GlobalStandard", 50));

            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("CannotChangeDeploymentModel", refused.ErrorCode);
            Assert.Equal("The model of deployment cannot be changed.", (string?)refused.Json["error"]!["message"]);
            Assert.Equal("gpt-4o", (string?)server.State.FindDeployment(Subscription, Group, Account, "chat")!["properties"]!["model"]!["name"]);
            Assert.Equal("Succeeded", (string?)server.State.FindDeployment(Subscription, Group, Account, "chat")!["properties"]!["provisioningState"]);
            Assert.Equal(0, server.State.Snapshot().Subscriptions.Count - 2); // nothing added
        }

        [Fact]
        public async Task A_provisioned_deployment_changes_model_family_in_place()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply accepted = await http.SendAsync(HttpMethod.Put, DeploymentPath("ptu"), DeploymentBody("gpt-4.1", "2025-04-14", "GlobalProvisionedManaged", 50));

            Assert.Equal(HttpStatusCode.OK, accepted.Status);
            Assert.Equal("Succeeded", (string?)(await http.WaitForStatusAsync(accepted))["status"]);
            Assert.Equal("gpt-4.1", (string?)server.State.FindDeployment(Subscription, Group, Account, "ptu")!["properties"]!["model"]!["name"]);
        }

        [Fact]
        public async Task Model_and_capacity_cannot_change_in_one_PUT_but_a_version_change_alone_goes_through()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply refused = await http.SendAsync(HttpMethod.Put, DeploymentPath("chat"), DeploymentBody("gpt-4o", "2024-11-20", "GlobalStandard", 60));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("Cannot change capacity and model at the same time for deployment.", (string?)refused.Json["error"]!["message"]);

            EmulatorHttp.Reply accepted = await http.SendAsync(HttpMethod.Put, DeploymentPath("chat"), DeploymentBody("gpt-4o", "2024-11-20", "GlobalStandard", 50));
            Assert.Equal(HttpStatusCode.OK, accepted.Status);
            Assert.Equal("2024-11-20", (string?)accepted.Json["properties"]!["model"]!["version"]);
        }

        [Fact]
        public async Task A_retired_model_is_DeploymentModelNotSupported()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply refused = await http.SendAsync(HttpMethod.Put, DeploymentPath("old-chat"), DeploymentBody("gpt-35-turbo", "0125", "Standard", 10));

            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("DeploymentModelNotSupported", refused.ErrorCode);
            Assert.StartsWith("Creating account deployment is not supported by the model 'gpt-35-turbo'.", (string?)refused.Json["error"]!["message"], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(DeploymentPath("old-chat"))).Status);
        }

        [Theory]
        [InlineData("1999-01-01", "GlobalStandard")] // a version the location does not list
        [InlineData("2024-08-06", "Standard")] // a SKU the version is not offered on
        public async Task A_model_the_location_does_not_offer_is_DeploymentModelNotSupported(string version, string sku)
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply refused = await http.SendAsync(HttpMethod.Put, DeploymentPath("chat2"), DeploymentBody("gpt-4o", version, sku, 10));

            Assert.Equal("DeploymentModelNotSupported", refused.ErrorCode);
            Assert.Equal(
                $"The model 'Publisher: , Format: OpenAI, Name: gpt-4o, Version: {version}, Source: , SourceAccount: ' of account deployment is not supported.",
                (string?)refused.Json["error"]!["message"]);
        }

        [Fact]
        public async Task A_model_outside_the_seeded_catalog_and_a_PUT_of_a_deployments_own_model_are_not_judged()
        {
            Fleet fleet = TestFleets.Migration();
            fleet.Subscriptions[0].ResourceGroups[0].Accounts[0].AddDeployment("legacy", "gpt-35-turbo", "0125", "Standard", 5);
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet, new EmulatorOptions { LroInProgressPolls = 0 });
            using EmulatorHttp http = EmulatorHttp.For(server);

            Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(HttpMethod.Put, DeploymentPath("embed2"), DeploymentBody("text-embedding-3-large", "1", "Standard", 5))).Status);
            JObject legacy = (await http.GetAsync(DeploymentPath("legacy"))).Json;
            legacy["properties"]!["versionUpgradeOption"] = "NoAutoUpgrade";
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(HttpMethod.Put, DeploymentPath("legacy"), legacy)).Status);
        }

        [Fact]
        public async Task A_model_retired_over_the_admin_endpoint_is_refused_from_then_on()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp admin = EmulatorHttp.For(server, token: null);
            using EmulatorHttp http = EmulatorHttp.For(server);
            JObject item = ModelItem.Create("gpt-4o", "2024-11-20").Lifecycle("Deprecated").Sku("GlobalStandard", "OpenAI.GlobalStandard.gpt-4o").ToJson();

            Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Put, "/_emulator/models", new JObject { ["location"] = "eastus", ["item"] = item })).Status);

            JArray models = (JArray)(await http.GetAsync($"/subscriptions/{Subscription}/providers/Microsoft.CognitiveServices/locations/eastus/models?{Api}")).Json["value"]!;
            Assert.Single(models, m => (string?)m["model"]!["name"] == "gpt-4o" && (string?)m["model"]!["version"] == "2024-11-20");
            Assert.Equal("Deprecated", (string?)models.Single(m => (string?)m["model"]!["version"] == "2024-11-20")["model"]!["lifecycleStatus"]);
            Assert.Equal("DeploymentModelNotSupported", (await http.SendAsync(HttpMethod.Put, DeploymentPath("chat"), DeploymentBody("gpt-4o", "2024-11-20", "GlobalStandard", 50))).ErrorCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.SendAsync(HttpMethod.Put, "/_emulator/models", new JObject { ["location"] = "eastus" })).Status);
        }

        [Fact]
        public async Task A_deprecated_model_is_refused_only_to_a_subscription_that_never_had_it()
        {
            Fleet fleet = TestFleets.Migration();
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply refused = await http.SendAsync(HttpMethod.Put, DeploymentPath("mini"), DeploymentBody("gpt-4o-mini", "2024-07-18", "GlobalStandard", 10));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("ServiceModelDeprecated", refused.ErrorCode);
            Assert.Equal("The model 'Format:OpenAI,Name:gpt-4o-mini,Version:2024-07-18' has been deprecated since 03/31/2026 00:00:00.", (string?)refused.Json["error"]!["message"]);

            // Once the subscription has one (in any of its accounts), it may deploy more.
            fleet.Subscriptions[0].ResourceGroups[0].Accounts[1].AddDeployment("mini-old", "gpt-4o-mini", "2024-07-18", "GlobalStandard", 5);
            await using ArmEmulatorServer had = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http2 = EmulatorHttp.For(had);
            Assert.Equal(HttpStatusCode.Created, (await http2.SendAsync(HttpMethod.Put, DeploymentPath("mini"), DeploymentBody("gpt-4o-mini", "2024-07-18", "GlobalStandard", 10))).Status);
        }

        [Fact]
        public async Task A_limited_access_model_needs_the_subscription_to_be_registered()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply refused = await http.SendAsync(HttpMethod.Put, DeploymentPath("five"), DeploymentBody("gpt-5", null, "GlobalStandard", 10));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("SpecialFeatureOrQuotaIdRequired", refused.ErrorCode);
            Assert.Equal("The current subscription does not have access to this model 'Format:OpenAI,Name:gpt-5,Version:2025-08-07'.", (string?)refused.Json["error"]!["message"]);

            using EmulatorHttp admin = EmulatorHttp.For(server, token: null);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(HttpMethod.Put, "/_emulator/limited-access", JObject.Parse($"{{\"granted\":{{\"{Subscription}\":[\"gpt-5\"]}}}}"))).Status);
            JObject access = (await admin.GetAsync("/_emulator/limited-access")).Json;
            Assert.Equal("gpt-5", (string?)access["models"]![0]);
            Assert.Equal("gpt-5", (string?)access["granted"]![Subscription]![0]);

            Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(HttpMethod.Put, DeploymentPath("five"), DeploymentBody("gpt-5", null, "GlobalStandard", 10))).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.SendAsync(HttpMethod.Put, "/_emulator/limited-access", JObject.Parse("{\"granted\":{\"no-such-sub\":[]}}"))).Status);
        }

        [Fact]
        public async Task A_create_that_fails_provisioning_leaves_a_Failed_deployment()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp admin = EmulatorHttp.For(server, token: null);
            await admin.SendAsync(HttpMethod.Post, "/_emulator/faults", JObject.Parse("{\"kind\":\"LroFailed\",\"method\":\"PUT\",\"pathContains\":\"/deployments/chat2\",\"errorCode\":\"InternalServerError\",\"errorMessage\":\"Provisioning failed.\"}"));
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply accepted = await http.SendAsync(HttpMethod.Put, DeploymentPath("chat2"), DeploymentBody("gpt-4o", "2024-11-20", "GlobalStandard", 10));
            Assert.Equal(HttpStatusCode.Created, accepted.Status);
            JObject status = await http.WaitForStatusAsync(accepted);

            Assert.Equal("Failed", (string?)status["status"]);
            Assert.Equal("InternalServerError", (string?)status["error"]!["code"]);
            Assert.Equal("Failed", (string?)(await http.GetAsync(DeploymentPath("chat2"))).Json["properties"]!["provisioningState"]);
        }

        [Fact]
        public async Task Delete_answers_202_with_location_and_Retry_After_and_keeps_the_account_busy()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration(), new EmulatorOptions { RetryAfterSeconds = 3 });
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply accepted = await http.SendAsync(HttpMethod.Delete, DeploymentPath("embed"));

            Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
            Assert.Contains("/operationResults/", accepted.Header("Location"), StringComparison.Ordinal);
            Assert.Equal("3", accepted.Header("Retry-After"));
            Assert.Null(accepted.Header("Azure-AsyncOperation"));
            EmulatorHttp.Reply busyDelete = await http.SendAsync(HttpMethod.Delete, DeploymentPath("chat"));
            Assert.Equal(HttpStatusCode.Conflict, busyDelete.Status);
            Assert.Equal("RequestConflict", busyDelete.ErrorCode);
            Assert.Equal(HttpStatusCode.Conflict, (await http.SendAsync(HttpMethod.Put, DeploymentPath("chat2"), DeploymentBody("gpt-4o", "2024-11-20", "GlobalStandard", 10))).Status);
        }
    }
}
