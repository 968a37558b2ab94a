using System;
using System.Collections.Generic;
using System.Linq;
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
    /// <summary>
    /// What a migration asks of the client: create, delete, quota and model lists, and ARM's refusals
    /// reaching the caller with ARM's own code.
    /// </summary>
    public sealed class ArmClientMigrationTests
    {
        private static JObject Stored(ArmHarness h, string name) =>
            h.Server.State.FindDeployment(TestFleets.Subscription, TestFleets.Group, TestFleets.Account, name)!;

        [Fact]
        public async Task A_PUT_creates_a_deployment_and_follows_its_operation()
        {
            var putStatuses = new List<int>();
            var handler = new InterceptingHandler
            {
                OnResponse = (request, response) =>
                {
                    if (request.Method == System.Net.Http.HttpMethod.Put)
                    {
                        putStatuses.Add((int)response.StatusCode);
                    }

                    return Task.FromResult(response);
                },
            };
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Migration(), handler: _ => handler);

            JObject created = await h.Client.PutDeploymentAsync(Deployment("chat-next"), TestFleets.DeploymentBody("gpt-4o", "2024-11-20", "GlobalStandard", 20), CancellationToken.None);

            Assert.Equal("Succeeded", (string?)created["properties"]!["provisioningState"]);
            Assert.Equal("2024-11-20", (string?)created["properties"]!["model"]!["version"]);
            Assert.Equal(20, (int?)created["sku"]!["capacity"]);
            Assert.Equal(new[] { 201 }, putStatuses);
            Assert.Equal(2, handler.Sent.Count(r => r.Url.AbsolutePath.Contains("/operationStatuses/", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_delete_follows_the_location_URL_until_the_deployment_is_gone()
        {
            var handler = new InterceptingHandler();
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Migration(), new EmulatorOptions { LroInProgressPolls = 2, RetryAfterSeconds = 1 }, handler: _ => handler);

            bool deleted = await h.Client.DeleteDeploymentAsync(Deployment("embed"), CancellationToken.None);

            Assert.True(deleted);
            Assert.Null(Stored(h, "embed"));
            Assert.Equal(new[] { "DELETE", "GET", "GET", "GET" }, handler.Sent.Select(r => r.Method));
            Assert.All(handler.Sent.Skip(1), r => Assert.Contains("/operationResults/", r.Url.AbsolutePath, StringComparison.Ordinal));
            Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) }, h.Waits);
        }

        [Fact]
        public async Task Deleting_a_deployment_that_is_not_there_is_false_not_an_error()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Migration());

            Assert.False(await h.Client.DeleteDeploymentAsync(Deployment("never-was"), CancellationToken.None));
            Assert.Equal(1, h.Server.Counters.Count("DELETE"));
        }

        [Fact]
        public async Task A_404_DeploymentNotFound_on_delete_is_already_gone_but_a_missing_account_is_an_error()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Migration());
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Method = "DELETE", PathContains = "/deployments/embed", ToRequest = 1, StatusCode = 404, ErrorCode = "DeploymentNotFound", ErrorMessage = "The specified deployment 'embed' does not exist." });

            Assert.False(await h.Client.DeleteDeploymentAsync(Deployment("embed"), CancellationToken.None));

            AzureResourceId elsewhere = AzureResourceId.ForDeployment(TestFleets.Subscription, TestFleets.Group, "no-such-account", "embed");
            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.DeleteDeploymentAsync(elsewhere, CancellationToken.None));
            Assert.Equal(ArmErrorIds.AccountNotFound, e.ErrorId);
        }

        [Fact]
        public async Task A_delete_waits_out_409_RequestConflict()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Migration());
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.Conflict, Method = "DELETE", ToRequest = 2 });

            Assert.True(await h.Client.DeleteDeploymentAsync(Deployment("embed"), CancellationToken.None));

            Assert.Equal(3, h.Server.Counters.Count("DELETE"));
            Assert.Equal(2, h.Sink.Verbose.Count(v => v.StartsWith("Deleting deployment 'embed' of account 'acct-one': 409 RequestConflict", StringComparison.Ordinal)));
            Assert.Null(Stored(h, "embed"));
        }

        [Fact]
        public async Task A_delete_waits_for_another_operation_on_the_account()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(
                TestFleets.Migration(),
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
                // Someone else starts deleting "chat" and does not wait for it.
                Assert.Equal(System.Net.HttpStatusCode.Accepted, (await raw.SendAsync(System.Net.Http.HttpMethod.Delete, TestFleets.DeploymentPath("chat"))).Status);
            }

            Assert.True(await h.Client.DeleteDeploymentAsync(Deployment("embed"), CancellationToken.None));

            Assert.True(h.Server.Counters.Count("DELETE") >= 3, "the client's DELETE should have met at least one 409");
            Assert.Null(Stored(h, "embed"));
            Assert.Null(Stored(h, "chat"));
        }

        [Fact]
        public async Task A_delete_whose_operation_fails_is_OperationFailed_with_the_code()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Migration());
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.LroFailed, Method = "DELETE", StatusCode = 409, ErrorCode = "DeploymentInUse", ErrorMessage = "In use." });

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.DeleteDeploymentAsync(Deployment("embed"), CancellationToken.None));

            Assert.Equal(ArmErrorIds.OperationFailed, e.ErrorId);
            Assert.Equal("DeploymentInUse", e.ArmCode);
            Assert.Equal("In use.", e.ArmMessage);
            Assert.StartsWith("Deleting deployment 'embed' of account 'acct-one' failed: the operation ended Failed: DeploymentInUse", e.Message, StringComparison.Ordinal);
            Assert.NotNull(Stored(h, "embed"));
        }

        public static IEnumerable<object[]> Refusals() => new[]
        {
            new object[] { "chat", "gpt-4.1", "2025-04-14", "GlobalStandard", 50, "CannotChangeDeploymentModel" },
            new object[] { "chat", "gpt-4o", "2024-11-20", "GlobalStandard", 60, "BadRequest" },
            new object[] { "new", "gpt-35-turbo", "0125", "Standard", 10, "DeploymentModelNotSupported" },
            new object[] { "new", "gpt-4o-mini", "2024-07-18", "GlobalStandard", 10, "ServiceModelDeprecated" },
            new object[] { "new", "gpt-5", "2025-08-07", "GlobalStandard", 10, "SpecialFeatureOrQuotaIdRequired" },
            new object[] { "new", "gpt-4o", "2024-11-20", "GlobalStandard", 51, "InsufficientQuota" },
        };

        [Theory]
        [MemberData(nameof(Refusals))]
        public async Task Each_refusal_reaches_the_caller_with_ARMs_code(string deployment, string model, string version, string sku, int capacity, string code)
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Migration());
            JObject before = Stored(h, "chat");

            ArmException e = await Assert.ThrowsAsync<ArmException>(
                () => h.Client.PutDeploymentAsync(Deployment(deployment), TestFleets.DeploymentBody(model, version, sku, capacity), CancellationToken.None));

            Assert.Equal(code, e.ErrorId);
            Assert.Equal(code, e.ArmCode);
            Assert.Equal(400, e.HttpStatus);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.False(string.IsNullOrEmpty(e.ArmMessage));
            Assert.Contains(e.ArmMessage!, e.Message, StringComparison.Ordinal);
            Assert.Equal(1, h.Server.Counters.Count("PUT")); // a refusal is not retried
            Assert.True(JToken.DeepEquals(before, Stored(h, "chat")));
            Assert.Null(Stored(h, "new"));
        }

        [Fact]
        public async Task Provisioning_that_ends_Failed_is_OperationFailed_and_leaves_a_Failed_deployment()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Migration());
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.LroFailed, Method = "PUT", ErrorCode = "ProvisioningFailed", ErrorMessage = "The deployment could not be provisioned." });

            ArmException e = await Assert.ThrowsAsync<ArmException>(
                () => h.Client.PutDeploymentAsync(Deployment("chat-next"), TestFleets.DeploymentBody("gpt-4o", "2024-11-20", "GlobalStandard", 20), CancellationToken.None));

            Assert.Equal(ArmErrorIds.OperationFailed, e.ErrorId);
            Assert.Equal("ProvisioningFailed", e.ArmCode);
            Assert.Equal("The deployment could not be provisioned.", e.ArmMessage);
            JObject failed = await h.Client.GetDeploymentAsync(Deployment("chat-next"), CancellationToken.None);
            Assert.Equal("Failed", (string?)failed["properties"]!["provisioningState"]);
        }

        [Fact]
        public async Task Usages_and_models_of_a_location_serve_a_quota_check()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Migration());
            await h.Client.PutDeploymentAsync(Deployment("chat-next"), TestFleets.DeploymentBody("gpt-4o", "2024-11-20", "GlobalStandard", 20), CancellationToken.None);

            IReadOnlyList<JObject> models = await h.Client.ListModelsAsync(TestFleets.Subscription, "eastus", CancellationToken.None);
            IReadOnlyList<JObject> usages = await h.Client.ListUsagesAsync(TestFleets.Subscription, "eastus", CancellationToken.None);

            JObject target = models.Select(m => (JObject)m["model"]!).Single(m => (string?)m["name"] == "gpt-4o" && (string?)m["version"] == "2024-11-20");
            Assert.False((bool)target["isDefaultVersion"]!);
            Assert.Equal("GenerallyAvailable", (string?)target["lifecycleStatus"]);
            string usageName = (string)target["skus"]!.Single(s => (string?)s["name"] == "GlobalStandard")["usageName"]!;
            JObject usage = usages.Single(u => (string?)u["name"]!["value"] == usageName);
            Assert.Equal(70m, (decimal)usage["currentValue"]!);
            Assert.Equal(100m, (decimal)usage["limit"]!);
            Assert.True((bool)models.Select(m => m["model"]!).Single(m => (string?)m["name"] == "gpt-4o-mini")["isDefaultVersion"]!);
        }
    }
}
