using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.ArmEmulator.TestFleets;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>Each fault kind, the request window, seeded probability, and run-time changes.</summary>
    public sealed class FaultTests
    {
        private static readonly string Deployments = $"{AccountPath()}/deployments?{Api}";

        [Fact]
        public async Task Throttle_answers_429_with_Retry_After_for_the_chosen_requests_only()
        {
            var options = new EmulatorOptions();
            options.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Method = "GET", PathContains = "/deployments", FromRequest = 2, ToRequest = 3, RetryAfterSeconds = 7 });
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small(), options);
            using EmulatorHttp http = EmulatorHttp.For(server);

            var statuses = new List<HttpStatusCode>();
            EmulatorHttp.Reply? throttled = null;
            for (int i = 0; i < 4; i++)
            {
                EmulatorHttp.Reply reply = await http.GetAsync(Deployments);
                statuses.Add(reply.Status);
                throttled ??= reply.Status == HttpStatusCode.TooManyRequests ? reply : null;
            }

            Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK }, statuses);
            Assert.Equal("7", throttled!.Header("Retry-After"));
            Assert.Equal("SubscriptionRequestsThrottled", throttled.ErrorCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{AccountPath()}?{Api}")).Status);
        }

        [Theory]
        [InlineData(FaultKind.InternalServerError, HttpStatusCode.InternalServerError, "InternalServerError")]
        [InlineData(FaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")]
        [InlineData(FaultKind.Conflict, HttpStatusCode.Conflict, "RequestConflict")]
        [InlineData(FaultKind.Unauthorized, HttpStatusCode.Unauthorized, "ExpiredAuthenticationToken")]
        public async Task Error_faults_answer_with_their_status_and_ARM_code(FaultKind kind, HttpStatusCode status, string code)
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            server.Faults.Add(new FaultRule { Kind = kind, PathContains = "/deployments/chat", ToRequest = 1 });
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply reply = await http.GetAsync(DeploymentPath("chat"));

            Assert.Equal(status, reply.Status);
            Assert.Equal(code, reply.ErrorCode);
            if (kind == FaultKind.Unauthorized)
            {
                Assert.NotNull(reply.Header("WWW-Authenticate"));
            }

            if (kind == FaultKind.Conflict)
            {
                Assert.Contains(AccountPath(), (string?)reply.Json["error"]!["message"], StringComparison.Ordinal);
            }

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(DeploymentPath("chat"))).Status);
        }

        [Fact]
        public async Task Latency_rules_and_the_global_latency_delay_requests()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            // Delays far above what a loaded machine adds to a local request, so the checks do not depend on its speed.
            server.Faults.Add(new FaultRule { Kind = FaultKind.Latency, PathContains = "/deployments/chat", LatencyMs = 3000 });
            using EmulatorHttp http = EmulatorHttp.For(server);

            Assert.True(await Timed(() => http.GetAsync(DeploymentPath("chat"))) >= TimeSpan.FromMilliseconds(2900));
            Assert.True(await Timed(() => http.GetAsync(DeploymentPath("embed"))) < TimeSpan.FromMilliseconds(2900));

            server.Latency = TimeSpan.FromMilliseconds(3000);
            Assert.True(await Timed(() => http.GetAsync(DeploymentPath("embed"))) >= TimeSpan.FromMilliseconds(2900));
        }

        [Fact]
        public async Task Hang_never_answers_so_the_client_times_out_and_the_server_carries_on()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            string id = server.Faults.Add(new FaultRule { Kind = FaultKind.Hang, PathContains = "/deployments/chat", ToRequest = 1 });
            using var impatient = new EmulatorHttp(server.BaseUri, timeout: TimeSpan.FromSeconds(5));

            await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.GetAsync(DeploymentPath("chat")));

            Assert.Equal(1, server.Faults.FiredCount(id));
            Assert.Equal(HttpStatusCode.OK, (await impatient.GetAsync(DeploymentPath("chat"))).Status);
        }

        [Fact]
        public async Task Connection_reset_drops_the_connection_without_a_response()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            server.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset, Method = "GET", PathContains = "/deployments", ToRequest = 1 });
            using EmulatorHttp http = EmulatorHttp.For(server);

            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(Deployments));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Deployments)).Status);
        }

        [Fact]
        public async Task Malformed_json_cuts_the_real_body_in_half()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            server.Faults.Add(new FaultRule { Kind = FaultKind.MalformedJson, PathContains = "/deployments", ToRequest = 1 });
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply torn = await http.GetAsync(Deployments);

            Assert.Equal(HttpStatusCode.OK, torn.Status);
            Assert.StartsWith("{\"value\":[", torn.Text, StringComparison.Ordinal);
            Assert.ThrowsAny<JsonException>(() => torn.Json);
            Assert.Equal(2, ((JArray)(await http.GetAsync(Deployments)).Json["value"]!).Count);
        }

        [Fact]
        public async Task A_failed_operation_reports_Failed_and_puts_the_deployment_back()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            server.Faults.Add(new FaultRule { Kind = FaultKind.LroFailed, Method = "PUT", ErrorCode = "InsufficientQuota", ErrorMessage = "Not enough quota." });
            using EmulatorHttp http = EmulatorHttp.For(server);
            JObject before = (await http.GetAsync(DeploymentPath("embed"))).Json;
            var changed = (JObject)before.DeepClone();
            changed["sku"]!["capacity"] = 999;

            EmulatorHttp.Reply accepted = await http.SendAsync(HttpMethod.Put, DeploymentPath("embed"), changed);
            Assert.Equal(HttpStatusCode.OK, accepted.Status);
            JObject status = await http.WaitForStatusAsync(accepted);

            Assert.Equal("Failed", (string?)status["status"]);
            Assert.Equal("InsufficientQuota", (string?)status["error"]!["code"]);
            JObject after = (await http.GetAsync(DeploymentPath("embed"))).Json;
            Assert.Equal(20, (int?)after["sku"]!["capacity"]);
            Assert.Equal("Failed", (string?)after["properties"]!["provisioningState"]);
        }

        [Fact]
        public async Task A_failed_operation_answers_its_Location_poll_with_the_error()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small(), new EmulatorOptions { LroInProgressPolls = 0 });
            server.Faults.Add(new FaultRule { Kind = FaultKind.LroFailed, Method = "DELETE", StatusCode = 400, ErrorCode = "DeploymentInUse" });
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply accepted = await http.SendAsync(HttpMethod.Delete, DeploymentPath("embed"));
            EmulatorHttp.Reply result = await http.GetAsync(new Uri(accepted.Header("Location")!).PathAndQuery);

            Assert.Equal(HttpStatusCode.BadRequest, result.Status);
            Assert.Equal("DeploymentInUse", result.ErrorCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(DeploymentPath("embed"))).Status);
        }

        [Fact]
        public async Task DeleteAccount_removes_the_account_at_the_chosen_request()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            server.Faults.Add(new FaultRule { Kind = FaultKind.DeleteAccount, Method = "GET", PathContains = "/deployments", FromRequest = 2, ToRequest = 2, Account = AccountPath() });
            using EmulatorHttp http = EmulatorHttp.For(server);

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Deployments)).Status);
            EmulatorHttp.Reply gone = await http.GetAsync(Deployments);

            Assert.Equal(HttpStatusCode.NotFound, gone.Status);
            Assert.Equal("ResourceNotFound", gone.ErrorCode);
            JArray accounts = (JArray)(await http.GetAsync($"/subscriptions/{Subscription}/providers/Microsoft.CognitiveServices/accounts?{Api}")).Json["value"]!;
            Assert.Equal(new[] { SecondAccount }, accounts.Select(a => (string)a["name"]!));
        }

        [Fact]
        public async Task A_probability_rule_with_a_seed_fires_the_same_way_every_run()
        {
            async Task<string> RunAsync()
            {
                await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
                server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Probability = 0.5, Seed = 42 });
                using EmulatorHttp http = EmulatorHttp.For(server);
                var pattern = new System.Text.StringBuilder();
                for (int i = 0; i < 30; i++)
                {
                    pattern.Append((await http.GetAsync(Deployments)).Status == HttpStatusCode.OK ? '.' : 'X');
                }

                return pattern.ToString();
            }

            string first = await RunAsync();
            string second = await RunAsync();

            Assert.Equal(first, second);
            Assert.Contains('X', first);
            Assert.Contains('.', first);
        }

        [Fact]
        public async Task Rules_can_be_added_and_removed_while_serving()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            string id = server.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(Deployments)).Status);
            Assert.True(server.Faults.Remove(id));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Deployments)).Status);
            Assert.Empty(server.Faults.Rules);
        }

        [Fact]
        public void Invalid_rules_are_refused_when_added()
        {
            var faults = new FaultInjector();

            Assert.ThrowsAny<ArgumentException>(() => faults.Add(new FaultRule { Kind = FaultKind.Throttle, PathRegex = "([" }));
            Assert.ThrowsAny<ArgumentException>(() => faults.Add(new FaultRule { Kind = FaultKind.DeleteAccount }));
            Assert.ThrowsAny<ArgumentException>(() => faults.Add(new FaultRule { Kind = FaultKind.Throttle, Probability = 2 }));
        }

        private static async Task<TimeSpan> Timed(Func<Task> action)
        {
            var watch = Stopwatch.StartNew();
            await action();
            return watch.Elapsed;
        }
    }
}
