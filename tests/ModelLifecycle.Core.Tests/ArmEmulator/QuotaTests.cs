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
    /// <summary>Usages computed from the deployments, per subscription and location, and InsufficientQuota on PUT.</summary>
    public sealed class QuotaTests
    {
        private static string UsagesPath(string subscription = Subscription) =>
            $"/subscriptions/{subscription}/providers/Microsoft.CognitiveServices/locations/eastus/usages?{Api}";

        private static JObject Usage(JObject list, string name) =>
            (JObject)((JArray)list["value"]!).Single(u => (string?)u["name"]!["value"] == name);

        [Fact]
        public async Task A_quota_usage_is_the_sum_of_the_capacity_drawing_on_it_and_follows_writes()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration(), new EmulatorOptions { LroInProgressPolls = 0 });
            using EmulatorHttp http = EmulatorHttp.For(server);

            JObject before = Usage((await http.GetAsync(UsagesPath())).Json, "OpenAI.GlobalStandard.gpt-4o");
            Assert.Equal(50, (decimal?)before["currentValue"]);
            Assert.Equal(100, (decimal?)before["limit"]);
            Assert.Equal("Tokens Per Minute (thousands) - gpt-4o - GlobalStandard", (string?)before["name"]!["localizedValue"]);
            Assert.Equal("Count", (string?)before["unit"]);

            // The raw seeded item of the same name gives way to the computed one; others stay.
            JArray all = (JArray)(await http.GetAsync(UsagesPath())).Json["value"]!;
            Assert.Single(all, u => (string?)u["name"]!["value"] == "OpenAI.GlobalStandard.gpt-4o");
            Assert.Contains(all, u => (string?)u["name"]!["value"] == "AccountCount");

            // A create in another account of the subscription draws on it too (the newer version has the same usage name).
            EmulatorHttp.Reply created = await http.SendAsync(HttpMethod.Put, DeploymentPath("chat2", SecondAccount), DeploymentBody("gpt-4o", "2024-11-20", "GlobalStandard", 30));
            Assert.Equal(HttpStatusCode.Created, created.Status);
            await http.WaitForStatusAsync(created);
            Assert.Equal(80, (decimal?)Usage((await http.GetAsync(UsagesPath())).Json, "OpenAI.GlobalStandard.gpt-4o")["currentValue"]);

            EmulatorHttp.Reply deleted = await http.SendAsync(HttpMethod.Delete, DeploymentPath("chat"));
            Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync(new Uri(deleted.Header("Location")!).PathAndQuery)).Status);
            Assert.Equal(30, (decimal?)Usage((await http.GetAsync(UsagesPath())).Json, "OpenAI.GlobalStandard.gpt-4o")["currentValue"]);

            // Another subscription has nothing deployed there.
            Assert.Equal(0, (decimal?)Usage((await http.GetAsync(UsagesPath(OtherSubscription))).Json, "OpenAI.GlobalStandard.gpt-4o")["currentValue"]);
        }

        [Fact]
        public async Task A_create_beyond_the_limit_is_InsufficientQuota_in_ARMs_words_and_stores_nothing()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply refused = await http.SendAsync(HttpMethod.Put, DeploymentPath("chat2"), DeploymentBody("gpt-4o", "2024-08-06", "GlobalStandard", 60));

            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("InsufficientQuota", refused.ErrorCode);
            Assert.Equal(
                "This operation require 60 new capacity in quota Tokens Per Minute (thousands) - gpt-4o - GlobalStandard, which is bigger than the current available capacity 50. "
                + "The current quota usage is 50 and the quota limit is 100 for quota Tokens Per Minute (thousands) - gpt-4o - GlobalStandard.",
                (string?)refused.Json["error"]!["message"]);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(DeploymentPath("chat2"))).Status);
            Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(HttpMethod.Put, DeploymentPath("chat2"), DeploymentBody("gpt-4o", "2024-08-06", "GlobalStandard", 50))).Status);
        }

        [Fact]
        public async Task A_capacity_increase_needs_only_the_difference()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration(), new EmulatorOptions { LroInProgressPolls = 0 });
            using EmulatorHttp http = EmulatorHttp.For(server);
            JObject chat = (await http.GetAsync(DeploymentPath("chat"))).Json;

            chat["sku"]!["capacity"] = 101;
            EmulatorHttp.Reply refused = await http.SendAsync(HttpMethod.Put, DeploymentPath("chat"), chat);
            Assert.Equal("InsufficientQuota", refused.ErrorCode);
            Assert.StartsWith("This operation require 51 new capacity", (string?)refused.Json["error"]!["message"], StringComparison.Ordinal);

            chat["sku"]!["capacity"] = 100;
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(HttpMethod.Put, DeploymentPath("chat"), chat)).Status);
        }

        [Fact]
        public async Task A_PATCH_of_the_capacity_is_held_to_the_quota_too()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply refused = await http.SendAsync(HttpMethod.Patch, DeploymentPath("chat"), JObject.Parse("{\"sku\":{\"capacity\":120}}"));

            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("InsufficientQuota", refused.ErrorCode);
            Assert.Equal(50, (int?)server.State.FindDeployment(Subscription, Group, Account, "chat")!["sku"]!["capacity"]);
            Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(HttpMethod.Patch, DeploymentPath("chat"), JObject.Parse("{\"sku\":{\"capacity\":100}}"))).Status);
        }

        [Fact]
        public async Task A_subscriptions_own_limit_wins_and_limits_can_be_set_over_http()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(TestFleets.Migration());
            using EmulatorHttp admin = EmulatorHttp.For(server, token: null);
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply set = await admin.SendAsync(HttpMethod.Put, "/_emulator/quotas", JObject.Parse($"{{\"location\":\"eastus\",\"usageName\":\"OpenAI.GlobalStandard.gpt-4o\",\"limit\":40,\"subscriptionId\":\"{OtherSubscription}\"}}"));
            Assert.Equal(HttpStatusCode.NoContent, set.Status);
            await admin.SendAsync(HttpMethod.Put, "/_emulator/quotas", JObject.Parse("{\"location\":\"eastus\",\"usageName\":\"OpenAI.GlobalStandard.gpt-5\",\"limit\":0}"));

            Assert.Equal(40, (decimal?)Usage((await http.GetAsync(UsagesPath(OtherSubscription))).Json, "OpenAI.GlobalStandard.gpt-4o")["limit"]);
            Assert.Equal(100, (decimal?)Usage((await http.GetAsync(UsagesPath())).Json, "OpenAI.GlobalStandard.gpt-4o")["limit"]);
            JArray limits = JArray.Parse((await admin.GetAsync("/_emulator/quotas")).Text);
            Assert.Equal(3, limits.Count);
            Assert.All(limits, l => Assert.Equal("eastus", (string?)l["location"]));

            // A limit of 0 refuses any capacity, even for a subscription registered for the model.
            server.State.SetLimitedAccessGranted(Subscription, new[] { "gpt-5" });
            EmulatorHttp.Reply refused = await http.SendAsync(HttpMethod.Put, DeploymentPath("five"), DeploymentBody("gpt-5", null, "GlobalStandard", 1));
            Assert.Equal("InsufficientQuota", refused.ErrorCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.SendAsync(HttpMethod.Put, "/_emulator/quotas", JObject.Parse("{\"usageName\":\"x\",\"limit\":1}"))).Status);
        }

        [Fact]
        public async Task Quotas_and_limited_access_survive_the_fleet_JSON_round_trip()
        {
            Fleet fleet = Fleet.Parse(TestFleets.Migration().ToJson());
            fleet.Subscriptions[0].LimitedAccessGranted.Add("gpt-5");
            Assert.Equal("OpenAI.GlobalStandard.gpt-4o", fleet.Locations[0].Quotas[0].UsageName);
            Assert.Equal(new[] { "gpt-5" }, fleet.LimitedAccessModels);

            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp admin = EmulatorHttp.For(server, token: null);
            Fleet back = Fleet.Parse((await admin.GetAsync("/_emulator/fleet")).Text);

            Assert.Equal(100, back.Locations[0].Quotas[0].Limit);
            Assert.Equal(new[] { "gpt-5" }, back.LimitedAccessModels);
            Assert.Equal(new[] { "gpt-5" }, back.Subscriptions[0].LimitedAccessGranted);
            Assert.DoesNotContain("\"quotas\"", Small().ToJson(), StringComparison.Ordinal);
        }
    }
}
