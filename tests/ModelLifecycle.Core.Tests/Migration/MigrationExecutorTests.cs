using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Migration;
using ModelLifecycle.Core.Tests.Arm;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.Migration.MigrationRig;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>
    /// MigrationExecutor against the emulator, planned by MigrationPreflight as Invoke-ModelMigration does:
    /// the write sequences, ARM's refusals, faults in each step, resuming, cancellation, confirmation and
    /// one write at a time per account.
    /// </summary>
    public sealed class MigrationExecutorTests
    {
        private const string Next = "chat-next";

        private static string[] Steps(MigrationResult r) => r.Steps.Select(s => s.Name + "=" + s.Status).ToArray();

        private static MigrationRequest ToGpt41(string name = "chat", bool named = true) =>
            Request(name, "gpt-4.1", "2025-04-14", newName: named ? Next : null);

        // ---- write sequences -------------------------------------------------------------------------

        [Fact]
        public async Task SideBySide_creates_and_verifies_the_new_deployment_and_leaves_the_source_serving()
        {
            await using var rig = await MigrationRig.StartAsync();
            var source = rig.Stored("chat");

            var r = await rig.MigrateAsync(ToGpt41());

            Assert.Equal(MigrationStatus.Succeeded, r.StatusValue);
            Assert.Equal(new[] { "CreateTarget=Succeeded", "VerifyTarget=Succeeded" }, Steps(r));
            Assert.Equal(1, rig.Server.Counters.Count("PUT"));
            Assert.Equal(0, rig.Server.Counters.Count("DELETE"));
            Assert.True(JToken.DeepEquals(source, rig.Stored("chat")), "the source must not be written");
            var created = rig.Stored(Next)!;
            Assert.Equal("gpt-4.1", (string?)created.SelectToken("properties.model.name"));
            Assert.Equal("2025-04-14", (string?)created.SelectToken("properties.model.version"));
            Assert.Equal("GlobalStandard", (string?)created.SelectToken("sku.name"));
            Assert.Equal(50, (int?)created.SelectToken("sku.capacity"));
            Assert.Equal("Succeeded", (string?)created.SelectToken("properties.provisioningState"));
            Assert.Equal(Next, r.Deployment!.Name);
            Assert.Equal("gpt-4.1", r.Deployment.Model);
            Assert.Empty(rig.Sink.Errors);
            var asked = Assert.Single(rig.Asked);
            Assert.False(asked.Destructive);
            Assert.Equal("Deployment 'chat-next' of account 'acct-mig'", asked.Target);
        }

        [Fact]
        public async Task SideBySide_makes_one_GET_one_PUT_and_the_operations_polls_per_deployment()
        {
            var handler = new InterceptingHandler();
            await using var rig = await MigrationRig.StartAsync(handler: _ => handler);
            var plans = await rig.PlanAsync(new[] { ToGpt41() });
            int planned = handler.Sent.Count;

            await rig.RunAsync(plans);

            var run = handler.Sent.Skip(planned).Select(s => s.Method + " " + (s.Url.AbsolutePath.Contains("/operationStatuses/", StringComparison.Ordinal) ? "poll" : s.Url.AbsolutePath.Split('/').Last())).ToArray();
            Assert.Equal(new[] { "GET chat-next", "PUT chat-next", "GET poll", "GET poll", "GET chat-next" }, run);
        }

        [Fact]
        public async Task The_new_deployment_keeps_the_sources_settings_and_an_unknown_property()
        {
            await using var rig = await MigrationRig.StartAsync();
            var source = rig.Stored("chat")!;

            await rig.MigrateAsync(ToGpt41());

            var created = rig.Stored(Next)!;
            foreach (var kept in new[] { "raiPolicyName", "spilloverDeploymentName", "serviceTier", "futureKnob" })
            {
                Assert.True(source["properties"]![kept] is not null, kept + " is in the fleet");
                Assert.True(JToken.DeepEquals(source["properties"]![kept], created["properties"]![kept]), kept);
            }

            Assert.True(JToken.DeepEquals(source["tags"], created["tags"]), "tags");
            Assert.Equal("OnceNewDefaultVersionAvailable", (string?)created.SelectToken("properties.versionUpgradeOption"));
        }

        [Fact]
        public async Task SideBySide_with_RemoveSource_deletes_the_source_only_after_the_new_one_is_verified_and_asks_again()
        {
            var handler = new InterceptingHandler();
            await using var rig = await MigrationRig.StartAsync(handler: _ => handler);

            var r = await rig.MigrateAsync(ToGpt41(), removeSource: true);

            Assert.Equal(MigrationStatus.Succeeded, r.StatusValue);
            Assert.Equal(new[] { "CreateTarget=Succeeded", "VerifyTarget=Succeeded", "RemoveSource=Succeeded", "VerifyRemoved=Succeeded" }, Steps(r));
            Assert.Equal(1, rig.Server.Counters.Count("PUT"));
            Assert.Equal(1, rig.Server.Counters.Count("DELETE"));
            Assert.Null(rig.Stored("chat"));
            Assert.NotNull(rig.Stored(Next));
            var writes = handler.Sent.Where(s => s.Method is "PUT" or "DELETE").Select(s => s.Method + " " + s.Url.AbsolutePath.Split('/').Last()).ToArray();
            Assert.Equal(new[] { "PUT chat-next", "DELETE chat" }, writes);
            var lastTargetGet = handler.Sent.Select((s, i) => (s, i)).Last(x => x.s.Method == "GET" && x.s.Url.AbsolutePath.EndsWith("/" + Next, StringComparison.Ordinal)).i;
            var delete = handler.Sent.Select((s, i) => (s, i)).Single(x => x.s.Method == "DELETE").i;
            Assert.True(lastTargetGet < delete, "the new deployment is verified before the source is deleted");
            Assert.Equal(new[] { false, true }, rig.Asked.Select(a => a.Destructive));
        }

        [Fact]
        public async Task InPlace_version_change_writes_only_properties_model()
        {
            await using var rig = await MigrationRig.StartAsync();
            var before = rig.Stored("chat")!;

            var r = await rig.MigrateAsync(Request("chat", "gpt-4o", "2024-11-20"));

            Assert.Equal(MigrationMode.InPlace, r.ModeValue);
            Assert.Equal(MigrationStatus.Succeeded, r.StatusValue);
            Assert.Equal(new[] { "ChangeModel=Succeeded", "VerifyModel=Succeeded" }, Steps(r));
            Assert.Equal(1, rig.Server.Counters.Count("PUT"));
            var expected = WithoutStamps(before)!;
            expected["properties"]!["model"]!["version"] = "2024-11-20";
            Assert.True(JToken.DeepEquals(expected, WithoutStamps(rig.Stored("chat"))), "expected:\n" + expected + "\nstored:\n" + rig.Stored("chat"));
            Assert.Equal("2024-11-20", r.Deployment!.Version);
            Assert.Empty(rig.Sink.Errors);
            Assert.DoesNotContain(rig.Sink.Warnings, w => w.Contains("after the write", StringComparison.Ordinal));
        }

        [Fact]
        public async Task InPlace_family_change_on_a_provisioned_deployment()
        {
            await using var rig = await MigrationRig.StartAsync();

            var r = await rig.MigrateAsync(Request("ptu", "gpt-4.1", "2025-04-14"));

            Assert.Equal(MigrationMode.InPlace, r.ModeValue);
            Assert.Equal(MigrationStatus.Succeeded, r.StatusValue);
            Assert.Equal(new[] { "ChangeModel=Succeeded", "VerifyModel=Succeeded" }, Steps(r));
            Assert.Equal(1, rig.Server.Counters.Count("PUT"));
            Assert.Equal("gpt-4.1", (string?)rig.Stored("ptu")!.SelectToken("properties.model.name"));
            Assert.Equal(100, (int?)rig.Stored("ptu")!.SelectToken("sku.capacity"));
        }

        [Fact]
        public async Task InPlace_with_a_capacity_change_is_two_PUTs_never_model_and_capacity_in_one()
        {
            var handler = new InterceptingHandler();
            await using var rig = await MigrationRig.StartAsync(handler: _ => handler);

            var r = await rig.MigrateAsync(Request("chat", "gpt-4o", "2024-11-20", capacity: 80));

            Assert.Equal(MigrationStatus.Succeeded, r.StatusValue);
            Assert.Equal(new[] { "ChangeModel=Succeeded", "VerifyModel=Succeeded", "ChangeCapacity=Succeeded" }, Steps(r));
            var puts = handler.Sent.Where(s => s.Method == "PUT").Select(s => JObject.Parse(s.Body!)).ToList();
            Assert.Equal(2, puts.Count);
            Assert.Equal(("2024-11-20", 50), ((string?)puts[0].SelectToken("properties.model.version"), (int?)puts[0].SelectToken("sku.capacity")));
            Assert.Equal(("2024-11-20", 80), ((string?)puts[1].SelectToken("properties.model.version"), (int?)puts[1].SelectToken("sku.capacity")));
            Assert.Equal(80, (int?)rig.Stored("chat")!.SelectToken("sku.capacity"));
            Assert.Equal(80, r.Deployment!.Capacity);
        }

        [Fact]
        public async Task InPlace_upgrade_option_is_its_own_PUT_and_SideBySide_sends_it_with_the_create()
        {
            await using (var rig = await MigrationRig.StartAsync())
            {
                var r = await rig.MigrateAsync(Request("chat", "gpt-4o", "2024-11-20", upgradeOption: "NoAutoUpgrade"));

                Assert.Equal(new[] { "ChangeModel=Succeeded", "VerifyModel=Succeeded", "SetUpgradeOption=Succeeded" }, Steps(r));
                Assert.Equal(2, rig.Server.Counters.Count("PUT"));
                Assert.Equal("NoAutoUpgrade", (string?)rig.Stored("chat")!.SelectToken("properties.versionUpgradeOption"));
                Assert.Equal("NoAutoUpgrade", r.Deployment!.UpgradeOption);
            }

            await using (var rig = await MigrationRig.StartAsync())
            {
                var r = await rig.MigrateAsync(Request("chat", "gpt-4.1", "2025-04-14", newName: Next, upgradeOption: "NoAutoUpgrade"));

                Assert.Equal(new[] { "CreateTarget=Succeeded", "VerifyTarget=Succeeded" }, Steps(r));
                Assert.Equal(1, rig.Server.Counters.Count("PUT"));
                Assert.Equal("NoAutoUpgrade", (string?)rig.Stored(Next)!.SelectToken("properties.versionUpgradeOption"));
                Assert.Equal("OnceNewDefaultVersionAvailable", (string?)rig.Stored("chat")!.SelectToken("properties.versionUpgradeOption"));
            }
        }

        // ---- ARM refusals ----------------------------------------------------------------------------

        public static IEnumerable<object[]> Refusals() => new[]
        {
            new object[] { "InsufficientQuota", "quota" },
            new object[] { "DeploymentModelNotSupported", "retired" },
            new object[] { "ServiceModelDeprecated", "deprecated" },
            new object[] { "SpecialFeatureOrQuotaIdRequired", "https://aka.ms/oai/access" },
            new object[] { "CannotChangeDeploymentModel", "-Mode SideBySide" },
        };

        [Theory]
        [MemberData(nameof(Refusals))]
        public async Task Each_ARM_refusal_is_one_error_with_ARMs_code_and_what_to_do(string code, string advice)
        {
            await using var rig = await MigrationRig.StartAsync();
            MigrationRequest request;
            string step;
            switch (code)
            {
                case "InsufficientQuota":
                    request = ToGpt41();
                    step = MigrationStepNames.CreateTarget;
                    break;
                case "DeploymentModelNotSupported":
                    request = Request("chat", "gpt-35-turbo", "0125", newName: Next);
                    step = MigrationStepNames.CreateTarget;
                    break;
                case "ServiceModelDeprecated":
                    request = Request("chat", "gpt-4o-mini", "2024-07-18", newName: Next);
                    step = MigrationStepNames.CreateTarget;
                    break;
                case "SpecialFeatureOrQuotaIdRequired":
                    request = Request("chat", "gpt-5", "2025-08-07", newName: Next);
                    step = MigrationStepNames.CreateTarget;
                    break;
                default:
                    request = Request("chat", "gpt-4o", "2024-11-20");
                    step = MigrationStepNames.ChangeModel;
                    break;
            }

            var plans = await rig.PlanAsync(new[] { request });
            Assert.True(plans[0].Ready, plans[0].Checks.ToString());

            // What changes in Azure between planning and writing, so that ARM refuses a plan that was Ready.
            switch (code)
            {
                case "InsufficientQuota":
                    rig.Server.State.SetQuota(MigrationFleets.Location, new FleetQuota { UsageName = "OpenAI.GlobalStandard.gpt-4.1", Limit = 10 });
                    break;
                case "DeploymentModelNotSupported":
                    rig.Server.State.SetModel(MigrationFleets.Location, MigrationFleets.Model("gpt-35-turbo", "0125", "Deprecated", true, "gpt-35-turbo"));
                    break;
                case "CannotChangeDeploymentModel":
                    // Someone replaced "chat" with a deployment of another model after the plan was made.
                    var chat = AzureResourceId.ForDeployment(MigrationFleets.Subscription, MigrationFleets.Group, MigrationFleets.Account, "chat");
                    await rig.H.Client.DeleteDeploymentAsync(chat, CancellationToken.None);
                    await rig.H.Client.PutDeploymentAsync(chat, ArmEmulator.TestFleets.DeploymentBody("gpt-4.1", "2025-04-14", "GlobalStandard", 50), CancellationToken.None);
                    rig.Server.Counters.Reset();
                    break;
            }

            var before = rig.Stored("chat");
            var r = Assert.Single(await rig.RunAsync(plans, force: true));

            Assert.Equal(MigrationStatus.Failed, r.StatusValue);
            Assert.Equal(step + "=Failed", Steps(r).Last());
            var error = Assert.Single(rig.Sink.Errors);
            Assert.Equal(code, error.ErrorId);
            Assert.Contains(advice, error.RecommendedAction, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("'chat'", error.Message, StringComparison.Ordinal);
            Assert.True(JToken.DeepEquals(before, rig.Stored("chat")), "the source is untouched");
            Assert.Null(rig.Stored(Next));
            Assert.Equal(1, rig.Server.Counters.Count("PUT"));
        }

        [Fact]
        public void Advice_for_model_and_capacity_in_one_write_and_for_an_unknown_code()
        {
            var plan = new MigrationPlan { SourceDeployment = "chat", AccountName = "a", TargetModel = "gpt-4o", TargetVersion = "2024-11-20", DeploymentType = "Standard", Capacity = 5 };
            Assert.Contains("two writes", MigrationErrorAdvice.For("BadRequest", "Cannot change capacity and model at the same time for deployment.", plan), StringComparison.Ordinal);
            Assert.Contains("-Mode SideBySide", MigrationErrorAdvice.For("CannotChangeDeploymentModel", "The model of deployment cannot be changed.", plan), StringComparison.Ordinal);
            Assert.Contains("resumes", MigrationErrorAdvice.For("SomethingNew", "?", plan), StringComparison.Ordinal);

            var wrapped = MigrationErrorAdvice.Wrap(new ArmException(ArmErrorIds.OperationFailed, ErrorKind.InvalidOperation, "x failed.", "t", armCode: "ProvisioningFailed"), plan, MigrationStepNames.CreateTarget);
            Assert.Equal("ProvisioningFailed", wrapped.ErrorId);
            Assert.Contains("step CreateTarget", wrapped.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_operation_that_ends_Failed_without_a_code_is_OperationFailed_not_Failed()
        {
            var plan = new MigrationPlan { SourceDeployment = "chat", AccountName = "a", TargetModel = "gpt-4.1", TargetVersion = "2025-04-14", DeploymentType = "GlobalStandard", Capacity = 5 };

            // OperationPoller passes the status as the code when the operation's error names none.
            var wrapped = MigrationErrorAdvice.Wrap(new ArmException(ArmErrorIds.OperationFailed, ErrorKind.InvalidOperation, "Updating deployment failed: the operation ended Failed.", "t", armCode: "Failed"), plan, MigrationStepNames.CreateTarget);

            Assert.Equal(ArmErrorIds.OperationFailed, wrapped.ErrorId);
            Assert.Contains("run the same command again", wrapped.RecommendedAction, StringComparison.Ordinal);
        }

        // ---- faults: the source stays as it was, the result names the step ----------------------------

        public static IEnumerable<object[]> Faults() => new[]
        {
            new object[] { "put-500", MigrationStepNames.CreateTarget, false },
            new object[] { "put-lro-failed", MigrationStepNames.CreateTarget, false },
            new object[] { "verify-get", MigrationStepNames.CreateTarget, false },
            new object[] { "delete-lro-failed", MigrationStepNames.RemoveSource, true },
            new object[] { "delete-403", MigrationStepNames.RemoveSource, true },
        };

        private static FaultRule FaultFor(string fault) => fault switch
        {
            "put-500" => new FaultRule { Kind = FaultKind.InternalServerError, Method = "PUT" },
            "put-lro-failed" => new FaultRule { Kind = FaultKind.LroFailed, Method = "PUT", ErrorCode = "ProvisioningFailed", ErrorMessage = "Could not provision." },
            // GETs of the new deployment: 1 = does it exist (404), 2 = after the operation, the body that is verified.
            // The PUT was accepted by then, so the create step fails and a rerun finds the deployment made.
            "verify-get" => new FaultRule { Kind = FaultKind.InternalServerError, Method = "GET", PathContains = "/deployments/" + Next + "?", FromRequest = 2, StatusCode = 403, ErrorCode = "AuthorizationFailed", ErrorMessage = "No." },
            "delete-lro-failed" => new FaultRule { Kind = FaultKind.LroFailed, Method = "DELETE", StatusCode = 409, ErrorCode = "DeploymentInUse", ErrorMessage = "In use." },
            _ => new FaultRule { Kind = FaultKind.InternalServerError, Method = "DELETE", StatusCode = 403, ErrorCode = "AuthorizationFailed", ErrorMessage = "No." },
        };

        [Theory]
        [MemberData(nameof(Faults))]
        public async Task A_fault_in_a_step_leaves_the_source_untouched_and_fails_that_step(string fault, string step, bool removeSource)
        {
            await using var rig = await MigrationRig.StartAsync();
            var before = rig.Stored("chat");
            rig.Server.Faults.Add(FaultFor(fault));

            var r = await rig.MigrateAsync(ToGpt41(), removeSource);

            Assert.Equal(MigrationStatus.Failed, r.StatusValue);
            Assert.Equal(step, r.Steps.Single(s => s.StatusValue == MigrationStatus.Failed).Name);
            Assert.Equal(step, r.Steps.Last().Name);
            Assert.True(JToken.DeepEquals(WithoutStamps(before), WithoutStamps(rig.Stored("chat"))), "the source is untouched:\n" + rig.Stored("chat"));
            var error = Assert.Single(rig.Sink.Errors);
            Assert.Contains("step " + step, error.Message, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(error.RecommendedAction));
        }

        [Fact]
        public async Task A_new_deployment_that_does_not_verify_fails_VerifyTarget_keeps_the_source_and_a_rerun_resumes()
        {
            var handler = new InterceptingHandler();
            await using var rig = await MigrationRig.StartAsync(handler: _ => handler);
            var before = rig.Stored("chat");
            handler.OnResponse = async (request, response) =>
            {
                // ARM answers the operation Succeeded, but the deployment reads back Failed.
                if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/" + Next, StringComparison.Ordinal) && response.IsSuccessStatusCode)
                {
                    var body = JObject.Parse(await response.Content.ReadAsStringAsync());
                    body["properties"]!["provisioningState"] = "Failed";
                    response.Content = new StringContent(body.ToString(), System.Text.Encoding.UTF8, "application/json");
                }

                return response;
            };

            var r = await rig.MigrateAsync(ToGpt41(), removeSource: true);

            Assert.Equal(MigrationStatus.Failed, r.StatusValue);
            Assert.Equal(new[] { "CreateTarget=Succeeded", "VerifyTarget=Failed" }, Steps(r));
            Assert.Equal("DeploymentProvisioningFailed", Assert.Single(rig.Sink.Errors).ErrorId);
            Assert.Equal(0, rig.Server.Counters.Count("DELETE"));
            Assert.True(JToken.DeepEquals(before, rig.Stored("chat")));

            handler.OnResponse = null;
            var again = await rig.MigrateAsync(ToGpt41(), removeSource: true);
            Assert.Equal(new[] { "CreateTarget=AlreadyDone", "VerifyTarget=Succeeded", "RemoveSource=Succeeded", "VerifyRemoved=Succeeded" }, Steps(again));
            Assert.Equal(1, rig.Server.Counters.Count("PUT"));
        }

        [Fact]
        public async Task A_fault_in_the_in_place_write_leaves_the_deployment_as_it_was()
        {
            await using var rig = await MigrationRig.StartAsync();
            var before = rig.Stored("chat");
            rig.Server.Faults.Add(new FaultRule { Kind = FaultKind.LroFailed, Method = "PUT", ErrorCode = "ProvisioningFailed", ErrorMessage = "Could not move." });

            var r = await rig.MigrateAsync(Request("chat", "gpt-4o", "2024-11-20"));

            Assert.Equal(MigrationStatus.Failed, r.StatusValue);
            Assert.Equal(new[] { "ChangeModel=Failed" }, Steps(r));
            Assert.Equal("ProvisioningFailed", Assert.Single(rig.Sink.Errors).ErrorId);
            Assert.True(JToken.DeepEquals(WithoutStamps(before), WithoutStamps(rig.Stored("chat"))));
        }

        // ---- resume ----------------------------------------------------------------------------------

        [Theory]
        [MemberData(nameof(Faults))]
        public async Task A_rerun_after_a_fault_resumes_without_repeating_done_steps(string fault, string step, bool removeSource)
        {
            await using var rig = await MigrationRig.StartAsync();
            var rule = FaultFor(fault);
            rule.ToRequest = fault switch { "verify-get" => 2, "put-500" => 6, _ => 1 }; // 6: every attempt of the first run's PUT
            rig.Server.Faults.Add(rule);
            var first = await rig.MigrateAsync(ToGpt41(), removeSource);
            Assert.Equal(MigrationStatus.Failed, first.StatusValue);
            long puts = rig.Server.Counters.Count("PUT");
            bool created = step != MigrationStepNames.CreateTarget || fault == "verify-get";

            var again = await rig.MigrateAsync(ToGpt41(), removeSource);

            Assert.True(again.StatusValue is MigrationStatus.Succeeded or MigrationStatus.AlreadyDone, string.Join("; ", Steps(again)) + " " + string.Join(" | ", rig.Sink.Errors.Select(e => e.Message)));
            Assert.Equal(created ? "CreateTarget=AlreadyDone" : "CreateTarget=Succeeded", Steps(again)[0]);
            Assert.Equal(created ? puts : puts + 1, rig.Server.Counters.Count("PUT"));
            Assert.Equal("gpt-4.1", (string?)rig.Stored(Next)!.SelectToken("properties.model.name"));
            Assert.Equal("Succeeded", (string?)rig.Stored(Next)!.SelectToken("properties.provisioningState"));
            Assert.Equal(removeSource, rig.Stored("chat") is null);
        }

        [Fact]
        public async Task A_rerun_after_a_finished_side_by_side_move_is_AlreadyDone_and_writes_nothing()
        {
            await using var rig = await MigrationRig.StartAsync();
            Assert.Equal(MigrationStatus.Succeeded, (await rig.MigrateAsync(ToGpt41(named: false))).StatusValue);
            rig.Server.Counters.Reset();

            var again = await rig.MigrateAsync(ToGpt41(named: false));

            Assert.Equal(MigrationStatus.AlreadyDone, again.StatusValue);
            Assert.Equal(new[] { "CreateTarget=AlreadyDone", "VerifyTarget=Succeeded" }, Steps(again));
            Assert.Equal(0, rig.Server.Counters.Writes);
            Assert.Empty(rig.Sink.Errors);
        }

        [Fact]
        public async Task A_rerun_after_a_move_with_RemoveSource_finds_the_source_gone_and_is_AlreadyDone()
        {
            await using var rig = await MigrationRig.StartAsync();
            Assert.Equal(MigrationStatus.Succeeded, (await rig.MigrateAsync(ToGpt41(named: false), removeSource: true)).StatusValue);
            Assert.Null(rig.Stored("chat"));
            rig.Server.Counters.Reset();

            var again = await rig.MigrateAsync(ToGpt41(named: false), removeSource: true);

            Assert.Empty(rig.Sink.Errors);
            Assert.Equal(MigrationStatus.AlreadyDone, again.StatusValue);
            Assert.Equal(MigrationMode.SideBySide, again.ModeValue);
            Assert.Equal(new[] { "CreateTarget=AlreadyDone", "VerifyTarget=Succeeded", "RemoveSource=AlreadyDone", "VerifyRemoved=Succeeded" }, Steps(again));
            Assert.Equal(0, rig.Server.Counters.Writes);
        }

        [Fact]
        public async Task A_rerun_for_a_source_that_never_existed_still_fails_SourceFound()
        {
            await using var rig = await MigrationRig.StartAsync();

            var r = await rig.MigrateAsync(Request("no-such", "gpt-4.1", "2025-04-14"), force: true);

            Assert.Equal(MigrationStatus.Skipped, r.StatusValue);
            Assert.Equal(MigrationCheckStatus.Fail, r.Plan.Check(MigrationCheckNames.SourceFound)!.StatusValue);
            Assert.Equal(0, rig.Server.Counters.Writes);
        }

        [Fact]
        public async Task An_in_place_rerun_after_the_change_failed_warns_about_the_Failed_state_and_retries_with_Force()
        {
            await using var rig = await MigrationRig.StartAsync();
            rig.Server.Faults.Add(new FaultRule { Kind = FaultKind.LroFailed, Method = "PUT", ToRequest = 1, ErrorCode = "ProvisioningFailed", ErrorMessage = "Could not move." });
            Assert.Equal(MigrationStatus.Failed, (await rig.MigrateAsync(Request("chat", "gpt-4o", "2024-11-20"))).StatusValue);
            Assert.Equal("Failed", (string?)rig.Stored("chat")!.SelectToken("properties.provisioningState"));

            var warned = await rig.MigrateAsync(Request("chat", "gpt-4o", "2024-11-20"));
            Assert.Equal(MigrationCheckStatus.Warn, warned.Plan.Check(MigrationCheckNames.SourceFound)!.StatusValue);
            Assert.Equal(MigrationStatus.Skipped, warned.StatusValue);
            Assert.Equal(1, rig.Server.Counters.Count("PUT"));

            var forced = await rig.MigrateAsync(Request("chat", "gpt-4o", "2024-11-20"), force: true);
            Assert.Equal(MigrationStatus.Succeeded, forced.StatusValue);
            Assert.Equal(new[] { "ChangeModel=Succeeded", "VerifyModel=Succeeded" }, Steps(forced));
            Assert.Equal(2, rig.Server.Counters.Count("PUT"));
            Assert.Equal("Succeeded", (string?)rig.Stored("chat")!.SelectToken("properties.provisioningState"));
        }

        [Fact]
        public async Task An_in_place_rerun_after_the_capacity_step_failed_repeats_only_that_step()
        {
            await using var rig = await MigrationRig.StartAsync();
            rig.Server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Method = "PUT", FromRequest = 2, ToRequest = 2, StatusCode = 400, ErrorCode = "BadRequest", ErrorMessage = "Not now." });
            var first = await rig.MigrateAsync(Request("chat", "gpt-4o", "2024-11-20", capacity: 80));
            Assert.Equal(new[] { "ChangeModel=Succeeded", "VerifyModel=Succeeded", "ChangeCapacity=Failed" }, Steps(first));
            Assert.Equal(2, rig.Server.Counters.Count("PUT"));

            var again = await rig.MigrateAsync(Request("chat", "gpt-4o", "2024-11-20", capacity: 80));

            Assert.Equal(MigrationStatus.Succeeded, again.StatusValue);
            Assert.Equal(new[] { "ChangeModel=AlreadyDone", "VerifyModel=Succeeded", "ChangeCapacity=Succeeded" }, Steps(again));
            Assert.Equal(3, rig.Server.Counters.Count("PUT"));
            Assert.Equal(80, (int?)rig.Stored("chat")!.SelectToken("sku.capacity"));

            rig.Server.Counters.Reset();
            var third = await rig.MigrateAsync(Request("chat", "gpt-4o", "2024-11-20", capacity: 80));
            Assert.Equal(MigrationStatus.AlreadyDone, third.StatusValue);
            Assert.Equal(0, rig.Server.Counters.Writes);
        }

        // ---- cancellation ----------------------------------------------------------------------------

        [Fact]
        public async Task Cancelling_mid_write_throws_says_what_may_be_half_written_and_a_rerun_resumes()
        {
            using var cts = new CancellationTokenSource();
            var handler = new InterceptingHandler
            {
                OnResponse = (request, response) =>
                {
                    if (request.Method == HttpMethod.Put)
                    {
                        cts.Cancel();
                    }

                    return Task.FromResult(response);
                },
            };
            // Operations end on the emulator's clock, as ARM's do, whether or not anyone polls them.
            await using var rig = await MigrationRig.StartAsync(emulator: new EmulatorOptions { LroInProgressPolls = -1, LroDuration = TimeSpan.FromMilliseconds(200) }, handler: _ => handler);
            var plans = await rig.PlanAsync(new[] { ToGpt41() });
            var results = new List<MigrationResult>();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => results.AddRange(await rig.RunAsync(plans, removeSource: true, token: cts.Token)));

            Assert.Empty(results);
            Assert.Equal(1, rig.Server.Counters.Count("PUT"));
            Assert.Equal(0, rig.Server.Counters.Count("DELETE"));
            Assert.Contains(rig.Sink.Warnings, w => w.Contains("'chat'", StringComparison.Ordinal) && w.Contains(MigrationStepNames.CreateTarget, StringComparison.Ordinal) && w.Contains("again", StringComparison.Ordinal));
            Assert.NotNull(rig.Stored("chat"));

            handler.OnResponse = null;
            for (int i = 0; i < 500 && (string?)rig.Stored(Next)?.SelectToken("properties.provisioningState") != "Succeeded"; i++)
            {
                await Task.Delay(20); // the abandoned create finishes on ARM's side
            }

            var again = await rig.MigrateAsync(ToGpt41(), removeSource: true);
            Assert.Equal(MigrationStatus.Succeeded, again.StatusValue);
            Assert.Null(rig.Stored("chat"));
        }

        [Fact]
        public async Task A_token_cancelled_before_the_run_writes_nothing()
        {
            await using var rig = await MigrationRig.StartAsync();
            var plans = await rig.PlanAsync(new[] { ToGpt41() });
            using var cts = new CancellationTokenSource();
            cts.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.RunAsync(plans, token: cts.Token));

            Assert.Equal(0, rig.Server.Counters.Writes);
        }

        // ---- confirmation and checks -----------------------------------------------------------------

        [Theory]
        [InlineData("chat", "gpt-4.1", "2025-04-14")]
        [InlineData("chat", "gpt-4o", "2024-11-20")]
        public async Task A_declined_confirmation_writes_nothing_and_is_Skipped(string name, string model, string version)
        {
            await using var rig = await MigrationRig.StartAsync();
            rig.Answer = _ => false;

            var r = await rig.MigrateAsync(Request(name, model, version, newName: model == "gpt-4.1" ? Next : null), removeSource: model == "gpt-4.1");

            Assert.Equal(MigrationStatus.Skipped, r.StatusValue);
            Assert.Equal(0, rig.Server.Counters.Writes);
            Assert.Single(rig.Asked);
            Assert.Equal(MigrationStatus.Skipped, r.Steps.Last().StatusValue);
            Assert.Empty(rig.Sink.Errors);
        }

        [Fact]
        public async Task Declining_only_the_removal_keeps_the_source_and_is_Skipped()
        {
            await using var rig = await MigrationRig.StartAsync();
            rig.Answer = c => !c.Destructive;

            var r = await rig.MigrateAsync(ToGpt41(), removeSource: true);

            Assert.Equal(MigrationStatus.Skipped, r.StatusValue);
            Assert.Equal(new[] { "CreateTarget=Succeeded", "VerifyTarget=Succeeded", "RemoveSource=Skipped" }, Steps(r));
            Assert.NotNull(rig.Stored("chat"));
            Assert.Equal(0, rig.Server.Counters.Count("DELETE"));
        }

        [Fact]
        public async Task A_failed_check_writes_nothing_even_with_Force()
        {
            await using var rig = await MigrationRig.StartAsync();

            var r = await rig.MigrateAsync(Request("chat", "gpt-4.1", "2025-04-14", capacity: 200000), force: true);

            Assert.Equal(MigrationCheckStatus.Fail, r.Plan.Check(MigrationCheckNames.Quota)!.StatusValue);
            Assert.Equal(MigrationStatus.Skipped, r.StatusValue);
            Assert.Equal(new[] { "Preflight=Skipped" }, Steps(r));
            Assert.Equal("MigrationCheckFailed", Assert.Single(rig.Sink.Errors).ErrorId);
            Assert.Equal(0, rig.Server.Counters.Writes);
            Assert.Empty(rig.Asked);
        }

        [Fact]
        public async Task A_warning_check_writes_nothing_without_Force_and_goes_ahead_with_it()
        {
            await using var rig = await MigrationRig.StartAsync();
            rig.Server.State.SetLimitedAccessGranted(MigrationFleets.Subscription, new[] { "gpt-5" });

            var r = await rig.MigrateAsync(Request("chat", "gpt-5", "2025-08-07", newName: Next));

            Assert.Equal(MigrationCheckStatus.Warn, r.Plan.Check(MigrationCheckNames.LimitedAccess)!.StatusValue);
            Assert.Equal(MigrationStatus.Skipped, r.StatusValue);
            Assert.Equal("MigrationCheckWarning", Assert.Single(rig.Sink.Errors).ErrorId);
            Assert.Equal(0, rig.Server.Counters.Writes);

            var forced = await rig.MigrateAsync(Request("chat", "gpt-5", "2025-08-07", newName: Next), force: true);
            Assert.Equal(MigrationStatus.Succeeded, forced.StatusValue);
            Assert.Contains(rig.Sink.Warnings, w => w.StartsWith("Going ahead with -Force", StringComparison.Ordinal));
        }

        // ---- one write at a time per account ---------------------------------------------------------

        [Fact]
        public async Task Many_plans_on_many_accounts_never_meet_a_RequestConflict()
        {
            const int Accounts = 6;
            const int PerAccount = 4;
            // A little latency per request makes the accounts' requests overlap even on a loaded machine.
            await using var rig = await MigrationRig.StartAsync(MigrationFleets.Build(Accounts, PerAccount), new EmulatorOptions { LroInProgressPolls = 2, Latency = TimeSpan.FromMilliseconds(30) });
            var requests = Enumerable.Range(0, Accounts).SelectMany(a => Enumerable.Range(1, PerAccount).Select(i =>
                Request("chat-" + i, "gpt-4.1", "2025-04-14", account: MigrationFleets.AccountName(a)))).ToList();
            var plans = await rig.PlanAsync(requests);

            var results = await rig.RunAsync(plans, removeSource: true);

            Assert.Equal(Accounts * PerAccount, results.Count);
            Assert.All(results, r => Assert.Equal(MigrationStatus.Succeeded, r.StatusValue));
            Assert.Empty(rig.Sink.Errors);
            Assert.DoesNotContain(rig.Sink.Verbose, v => v.Contains("RequestConflict", StringComparison.Ordinal));
            Assert.Equal(Accounts * PerAccount, rig.Server.Counters.Count("PUT"));
            Assert.Equal(Accounts * PerAccount, rig.Server.Counters.Count("DELETE"));
            Assert.True(rig.Server.Counters.MaxInFlight > 1, "accounts run in parallel");
            Assert.Equal(Accounts * PerAccount, rig.Sink.Progress.Count(p => p.Activity == "Migrating deployments"));
        }
    }
}
