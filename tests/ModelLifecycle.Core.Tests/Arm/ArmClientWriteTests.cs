using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Tests.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.Arm.ArmClientReadTests;

namespace ModelLifecycle.Core.Tests.Arm
{
    /// <summary>PUT: the read-modify-write round trip, long-running operations, conflicts on a busy account.</summary>
    public sealed class ArmClientWriteTests
    {
        /// <summary>Members ARM rewrites on every write; everything else must come back as it was.</summary>
        private static JObject WithoutServerStamps(JObject deployment)
        {
            var copy = (JObject)deployment.DeepClone();
            copy.Remove("etag");
            ((JObject)copy["systemData"]!).Remove("lastModifiedAt");
            return copy;
        }

        [Fact]
        public async Task A_PUT_round_trip_changes_only_what_was_changed()
        {
            var handler = new InterceptingHandler();
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), handler: _ => handler);
            AzureResourceId chat = Deployment("chat");
            JObject before = await h.Client.GetDeploymentAsync(chat, CancellationToken.None);
            Assert.NotNull(before["properties"]!["futureKnob"]); // a member this code has never heard of
            var body = (JObject)before.DeepClone();
            body["properties"]!["versionUpgradeOption"] = "NoAutoUpgrade";

            JObject after = await h.Client.PutDeploymentAsync(chat, body, CancellationToken.None);

            // What was sent is exactly what was read, with the one change.
            JObject sent = JsonText.ParseObject(handler.Sent.Single(r => r.Method == "PUT").Body!);
            var expectedSent = (JObject)before.DeepClone();
            expectedSent["properties"]!["versionUpgradeOption"] = "NoAutoUpgrade";
            Assert.True(JToken.DeepEquals(expectedSent, sent), sent.ToString());

            // What ARM has now is what it had, with the one change (and its own stamps).
            Assert.Equal("NoAutoUpgrade", (string?)after["properties"]!["versionUpgradeOption"]);
            Assert.Equal("Succeeded", (string?)after["properties"]!["provisioningState"]);
            var expected = WithoutServerStamps(before);
            expected["properties"]!["versionUpgradeOption"] = "NoAutoUpgrade";
            Assert.True(JToken.DeepEquals(expected, WithoutServerStamps(after)), "before:\n" + expected + "\nafter:\n" + after);
            foreach (string kept in new[] { "spilloverDeploymentName", "serviceTier", "deploymentState", "capacitySettings", "futureKnob" })
            {
                Assert.True(JToken.DeepEquals(before["properties"]![kept], after["properties"]![kept]), kept);
            }

            Assert.Equal("team-a", (string?)after["tags"]!["owner"]);
            Assert.NotEqual((string?)before["etag"], (string?)after["etag"]);
            JObject stored = h.Server.State.FindDeployment(TestFleets.Subscription, TestFleets.Group, TestFleets.Account, "chat")!;
            Assert.True(JToken.DeepEquals(WithoutServerStamps(after), WithoutServerStamps(stored)));

            // PUT, one status poll (InProgress), one more (Succeeded), then the GET of the result.
            Assert.Equal(new[] { "GET", "PUT", "GET", "GET", "GET" }, handler.Sent.Select(r => r.Method));
            Assert.Contains("/operationStatuses/", handler.Sent[2].Url.AbsolutePath, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_operation_that_fails_is_OperationFailed_with_its_error_code()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            h.Server.Faults.Add(new FaultRule
            {
                Kind = FaultKind.LroFailed,
                Method = "PUT",
                ErrorCode = "InsufficientQuota",
                ErrorMessage = "This operation require 120 new capacity in quota Tokens Per Minute (thousands) - gpt-4o, which is bigger than the current available capacity 0.",
            });
            AzureResourceId chat = Deployment("chat");
            JObject body = await h.Client.GetDeploymentAsync(chat, CancellationToken.None);
            body["sku"]!["capacity"] = 170;

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.PutDeploymentAsync(chat, body, CancellationToken.None));

            Assert.Equal(ArmErrorIds.OperationFailed, e.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, e.Kind);
            Assert.Equal("InsufficientQuota", e.ArmCode);
            Assert.StartsWith("Updating deployment 'chat' of account 'acct-one' failed: the operation ended Failed: InsufficientQuota: This operation require 120", e.Message, StringComparison.Ordinal);
            Assert.Equal(chat.DeploymentId, e.Target);
            Assert.Equal(50, (int?)h.Server.State.FindDeployment(TestFleets.Subscription, TestFleets.Group, TestFleets.Account, "chat")!["sku"]!["capacity"]);
        }

        [Fact]
        public async Task A_409_RequestConflict_is_waited_out_and_the_PUT_retried()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.Conflict, Method = "PUT", ToRequest = 2 });
            AzureResourceId embed = Deployment("embed");
            JObject body = await h.Client.GetDeploymentAsync(embed, CancellationToken.None);
            body["properties"]!["versionUpgradeOption"] = "OnceCurrentVersionExpired";

            JObject after = await h.Client.PutDeploymentAsync(embed, body, CancellationToken.None);

            Assert.Equal("OnceCurrentVersionExpired", (string?)after["properties"]!["versionUpgradeOption"]);
            Assert.Equal(3, h.Server.Counters.Count("PUT"));
            Assert.Equal(2, h.Sink.Verbose.Count(v => v.Contains("409 RequestConflict (another operation is running on the account); retrying in", StringComparison.Ordinal)));
            Assert.Contains(h.Sink.Verbose, v => v.EndsWith("(conflict 2 of 10)", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_write_waits_for_another_operation_on_the_account_to_finish()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(
                TestFleets.Small(),
                new EmulatorOptions { LroInProgressPolls = -1, LroDuration = TimeSpan.FromMilliseconds(300) },
                o =>
                {
                    // Ten conflict retries with these waits take well over the 300 ms the other operation runs.
                    o.BaseDelay = TimeSpan.FromMilliseconds(50);
                    o.MaxDelay = TimeSpan.FromMilliseconds(300);
                });
            h.WaitCap = null;
            using (EmulatorHttp raw = EmulatorHttp.For(h.Server))
            {
                // Someone else starts a change of "embed" and does not wait for it.
                EmulatorHttp.Reply started = await raw.SendAsync(HttpMethod.Put, TestFleets.DeploymentPath("embed"), JObject.Parse((await raw.GetAsync(TestFleets.DeploymentPath("embed"))).Text));
                Assert.Equal(System.Net.HttpStatusCode.OK, started.Status);
            }

            AzureResourceId chat = Deployment("chat");
            JObject body = await h.Client.GetDeploymentAsync(chat, CancellationToken.None);
            body["properties"]!["versionUpgradeOption"] = "NoAutoUpgrade";
            JObject after = await h.Client.PutDeploymentAsync(chat, body, CancellationToken.None);

            Assert.Equal("NoAutoUpgrade", (string?)after["properties"]!["versionUpgradeOption"]);
            Assert.True(h.Server.Counters.Count("PUT") >= 3, "the client's PUT should have met at least one 409");
            Assert.Contains(h.Sink.Verbose, v => v.Contains("409 RequestConflict", StringComparison.Ordinal));
        }

        [Fact]
        public async Task An_account_that_stays_busy_is_one_RequestConflict_error()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), configure: o => o.ConflictRetryLimit = 3);
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.Conflict, Method = "PUT" });
            AzureResourceId chat = Deployment("chat");
            JObject body = await h.Client.GetDeploymentAsync(chat, CancellationToken.None);

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.PutDeploymentAsync(chat, body, CancellationToken.None));

            Assert.Equal(ArmErrorIds.RequestConflict, e.ErrorId);
            Assert.Equal(ErrorKind.ResourceBusy, e.Kind);
            Assert.Equal(409, e.HttpStatus);
            Assert.Contains("3 retries", e.Message, StringComparison.Ordinal);
            Assert.Equal(4, h.Server.Counters.Count("PUT"));
        }

        [Fact]
        public async Task An_operation_that_never_finishes_is_OperationTimeout()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(
                TestFleets.Small(),
                new EmulatorOptions { LroInProgressPolls = -1 },
                o => o.LroTimeout = TimeSpan.FromMilliseconds(500));
            AzureResourceId chat = Deployment("chat");
            JObject body = await h.Client.GetDeploymentAsync(chat, CancellationToken.None);

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.PutDeploymentAsync(chat, body, CancellationToken.None));

            Assert.Equal(ArmErrorIds.OperationTimeout, e.ErrorId);
            Assert.Equal(ErrorKind.OperationTimeout, e.Kind);
            Assert.Contains("did not finish within 0.5 s", e.Message, StringComparison.Ordinal);
            // It gave up while polling, not before: how many polls fit in the time depends on the machine's load.
            Assert.True(h.Server.Counters.Count("GET", "/operationStatuses/") >= 1);
        }

        [Fact]
        public async Task Polls_wait_Retry_After_but_never_less_than_the_minimum()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(
                TestFleets.Small(),
                new EmulatorOptions { LroInProgressPolls = 2, RetryAfterSeconds = 2 },
                o => o.MinimumPollInterval = TimeSpan.FromMilliseconds(5));
            AzureResourceId chat = Deployment("chat");
            JObject body = await h.Client.GetDeploymentAsync(chat, CancellationToken.None);

            await h.Client.PutDeploymentAsync(chat, body, CancellationToken.None);

            Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) }, h.Waits);
        }

        [Fact]
        public async Task Without_Azure_AsyncOperation_the_Location_URL_is_polled()
        {
            var handler = new InterceptingHandler { OnResponse = (request, response) => Task.FromResult(AsyncOperationToLocation(response)) };
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), new EmulatorOptions { LroInProgressPolls = 2 }, handler: _ => handler);
            AzureResourceId chat = Deployment("chat");
            JObject body = await h.Client.GetDeploymentAsync(chat, CancellationToken.None);
            body["properties"]!["versionUpgradeOption"] = "NoAutoUpgrade";

            JObject after = await h.Client.PutDeploymentAsync(chat, body, CancellationToken.None);

            Assert.Equal("NoAutoUpgrade", (string?)after["properties"]!["versionUpgradeOption"]);
            Assert.Equal(3, handler.Sent.Count(r => r.Url.AbsolutePath.Contains("/operationResults/", StringComparison.Ordinal)));
            Assert.DoesNotContain(handler.Sent, r => r.Url.AbsolutePath.Contains("/operationStatuses/", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_failure_reported_through_the_Location_URL_is_OperationFailed()
        {
            var handler = new InterceptingHandler { OnResponse = (request, response) => Task.FromResult(AsyncOperationToLocation(response)) };
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), handler: _ => handler);
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.LroFailed, Method = "PUT", ErrorCode = "DeploymentModelNotSupported", ErrorMessage = "Not supported." });
            AzureResourceId chat = Deployment("chat");
            JObject body = await h.Client.GetDeploymentAsync(chat, CancellationToken.None);

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.PutDeploymentAsync(chat, body, CancellationToken.None));

            Assert.Equal(ArmErrorIds.OperationFailed, e.ErrorId);
            Assert.Equal("DeploymentModelNotSupported", e.ArmCode);
            Assert.Contains("Not supported.", e.Message, StringComparison.Ordinal);
            // One InProgress (202), then the failure (500 with the operation's error), which is not retried.
            Assert.Equal(2, handler.Sent.Count(r => r.Url.AbsolutePath.Contains("/operationResults/", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task Without_any_operation_header_the_deployment_itself_is_polled()
        {
            var handler = new InterceptingHandler
            {
                OnResponse = (request, response) =>
                {
                    response.Headers.Remove("Azure-AsyncOperation");
                    return Task.FromResult(response);
                },
            };
            await using ArmHarness h = await ArmHarness.StartAsync(
                TestFleets.Small(),
                new EmulatorOptions { LroInProgressPolls = -1, LroDuration = TimeSpan.FromMilliseconds(100) },
                handler: _ => handler);
            h.WaitCap = null;
            AzureResourceId chat = Deployment("chat");
            JObject body = await h.Client.GetDeploymentAsync(chat, CancellationToken.None);
            body["properties"]!["raiPolicyName"] = "Microsoft.Nil";

            JObject after = await h.Client.PutDeploymentAsync(chat, body, CancellationToken.None);

            Assert.Equal("Succeeded", (string?)after["properties"]!["provisioningState"]);
            Assert.Equal("Microsoft.Nil", (string?)after["properties"]!["raiPolicyName"]);
            Assert.True(handler.Sent.Count(r => r.Method == "GET" && r.Url.AbsolutePath.EndsWith("/deployments/chat", StringComparison.Ordinal)) >= 3);
        }

        /// <summary>Turns an Azure-AsyncOperation (operationStatuses) header into a Location (operationResults) one.</summary>
        private static HttpResponseMessage AsyncOperationToLocation(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("Azure-AsyncOperation", out var values))
            {
                string status = values.Single();
                response.Headers.Remove("Azure-AsyncOperation");
                response.Headers.Location = new Uri(status.Replace("/operationStatuses/", "/operationResults/", StringComparison.Ordinal));
            }

            return response;
        }
    }
}
