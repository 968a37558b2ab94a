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
    public sealed class CounterAndAuthTests
    {
        [Fact]
        public async Task Counters_count_by_method_and_path_and_reset()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            await http.GetAsync(DeploymentPath("chat"));
            await http.GetAsync(DeploymentPath("CHAT"));
            await http.GetAsync(DeploymentPath("embed"));
            Assert.Equal(0, server.Counters.Writes);

            await http.SendAsync(HttpMethod.Patch, DeploymentPath("embed"), new JObject { ["sku"] = new JObject { ["capacity"] = 1 } });

            Assert.Equal(3, server.Counters.Count("GET"));
            Assert.Equal(2, server.Counters.Count("GET", "/deployments/chat"));
            Assert.Equal(1, server.Counters.Count("PATCH"));
            Assert.Equal(1, server.Counters.Writes);
            Assert.Equal(4, server.Counters.Snapshot().Total);
            Assert.Equal(2, server.Counters.Snapshot().ByPath[$"GET {AccountPath().ToLowerInvariant()}/deployments/chat"]);

            server.Counters.Reset();
            Assert.Equal(0, server.Counters.Total);
            Assert.Empty(server.Counters.Snapshot().ByPath);
        }

        [Fact]
        public async Task Refused_requests_are_counted_too_so_no_writes_means_none_were_sent()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            server.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Method = "PUT" });
            using EmulatorHttp anonymous = EmulatorHttp.For(server, token: null);

            await anonymous.SendAsync(HttpMethod.Delete, DeploymentPath("chat"));
            using EmulatorHttp http = EmulatorHttp.For(server);
            await http.SendAsync(HttpMethod.Put, DeploymentPath("chat"), new JObject());

            Assert.Equal(2, server.Counters.Writes);
            Assert.NotNull(server.State.FindDeployment(Subscription, Group, Account, "chat"));
        }

        [Fact]
        public async Task Max_in_flight_records_concurrent_requests()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small(), new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(400) });
            using EmulatorHttp http = EmulatorHttp.For(server);

            await http.GetAsync(DeploymentPath("chat"));
            Assert.Equal(1, server.Counters.MaxInFlight);
            await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.GetAsync(DeploymentPath("chat"))));

            Assert.InRange(server.Counters.MaxInFlight, 3, 5);

            // The server counts a request out after its response is written, which can be a moment
            // after the client has read it: wait for the count to settle rather than race it.
            for (var i = 0; i < 200 && server.Counters.InFlight != 0; i++)
            {
                await Task.Delay(25);
            }

            Assert.Equal(0, server.Counters.InFlight);
        }

        [Fact]
        public async Task A_missing_token_is_a_401_with_WWW_Authenticate()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp anonymous = EmulatorHttp.For(server, token: null);

            EmulatorHttp.Reply reply = await anonymous.GetAsync(DeploymentPath("chat"));

            Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
            Assert.Equal("AuthenticationFailed", reply.ErrorCode);
            Assert.StartsWith("Bearer ", reply.Header("WWW-Authenticate"), StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_expired_token_is_refused_and_a_new_one_accepted_without_either_being_echoed()
        {
            const string oldToken = "old-token-3f9a";
            const string newToken = "new-token-7c21";
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small(), new EmulatorOptions { AcceptedTokens = t => t == oldToken });
            using EmulatorHttp old = EmulatorHttp.For(server, oldToken);
            using EmulatorHttp fresh = EmulatorHttp.For(server, newToken);
            Assert.Equal(HttpStatusCode.OK, (await old.GetAsync(DeploymentPath("chat"))).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync(DeploymentPath("chat"))).Status);

            server.AcceptedTokens = t => t == newToken;
            EmulatorHttp.Reply expired = await old.GetAsync(DeploymentPath("chat"));

            Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
            Assert.NotNull(expired.Header("WWW-Authenticate"));
            Assert.DoesNotContain(oldToken, expired.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(oldToken, expired.Headers.ToString(), StringComparison.Ordinal);
            EmulatorHttp.Reply ok = await fresh.GetAsync(DeploymentPath("chat"));
            Assert.Equal(HttpStatusCode.OK, ok.Status);
            Assert.DoesNotContain(newToken, ok.Text + ok.Headers, StringComparison.Ordinal);
        }
    }
}
