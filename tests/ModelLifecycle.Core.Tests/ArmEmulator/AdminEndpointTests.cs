using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.ArmEmulator.TestFleets;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>/_emulator/: what Pester and benchmarks use when the emulator runs as a process.</summary>
    public sealed class AdminEndpointTests
    {
        [Fact]
        public async Task Faults_can_be_added_listed_and_cleared_over_http()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);
            var rule = JObject.Parse("{\"kind\":\"Throttle\",\"method\":\"GET\",\"pathContains\":\"/deployments\",\"toRequest\":1,\"retryAfterSeconds\":2}");

            EmulatorHttp.Reply added = await http.SendAsync(HttpMethod.Post, "/_emulator/faults", rule);
            Assert.Equal(HttpStatusCode.Created, added.Status);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync(DeploymentPath("chat"))).Status);

            JArray rules = JArray.Parse((await http.GetAsync("/_emulator/faults")).Text);
            Assert.Equal((string?)added.Json["id"], (string?)rules[0]["id"]);
            Assert.Equal(1, (int?)rules[0]["fired"]);

            Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(HttpMethod.Delete, "/_emulator/faults")).Status);
            Assert.Empty(server.Faults.Rules);
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(HttpMethod.Post, "/_emulator/faults", JObject.Parse("{\"kind\":\"NoSuchKind\"}"))).Status);
        }

        [Fact]
        public async Task Counters_are_readable_and_resettable_and_admin_calls_are_not_counted()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);
            await http.GetAsync(DeploymentPath("chat"));
            await http.SendAsync(HttpMethod.Delete, DeploymentPath("embed"));

            JObject counters = (await http.GetAsync("/_emulator/counters")).Json;
            Assert.Equal(2, (long?)counters["total"]);
            Assert.Equal(1, (long?)counters["writes"]);
            Assert.Equal(1, (long?)counters["byMethod"]!["DELETE"]);

            Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(HttpMethod.Post, "/_emulator/reset-counters")).Status);
            Assert.Equal(0, (long?)(await http.GetAsync("/_emulator/counters")).Json["total"]);
        }

        [Fact]
        public async Task Tokens_and_settings_can_be_changed_and_the_fleet_read_back()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp admin = EmulatorHttp.For(server, token: null);
            using EmulatorHttp http = EmulatorHttp.For(server, "second");

            EmulatorHttp.Reply changed = await admin.SendAsync(HttpMethod.Put, "/_emulator/tokens", JObject.Parse("{\"accept\":[\"second\"]}"));
            Assert.Equal(HttpStatusCode.NoContent, changed.Status);
            Assert.Equal("", changed.Text);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(DeploymentPath("chat"))).Status);
            using (EmulatorHttp first = EmulatorHttp.For(server))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync(DeploymentPath("chat"))).Status);
            }

            await admin.SendAsync(HttpMethod.Put, "/_emulator/settings", JObject.Parse("{\"pageSize\":1,\"latencyMs\":5,\"lroInProgressPolls\":0}"));
            JObject settings = (await admin.GetAsync("/_emulator/settings")).Json;
            Assert.Equal(1, (int?)settings["pageSize"]);
            Assert.Equal(5, (int?)settings["latencyMs"]);
            Assert.Equal("restricted", (string?)settings["tokenCheck"]);
            Assert.NotNull((await http.GetAsync($"{AccountPath()}/deployments?{Api}")).Json["nextLink"]);

            Fleet fleet = Fleet.Parse((await admin.GetAsync("/_emulator/fleet")).Text);
            Assert.Equal(2, fleet.Subscriptions.Count);
            Assert.Equal("chat-overflow", (string?)fleet.Subscriptions[0].ResourceGroups[0].Accounts[0].Deployments[0].Properties["spilloverDeploymentName"]);
        }
    }
}
