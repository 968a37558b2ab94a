using System;
using System.Linq;
using ModelLifecycle.Core.Migration;
using ModelLifecycle.Core.Policy;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.Migration.MigrationFixture;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>Output shapes, and the rules the plan shares with the assessment.</summary>
    public class MigrationOutputTests
    {
        [Fact]
        public void A_result_carries_the_plans_identity()
        {
            var plan = Plan(Request(Source("m", "1", name: "m-prod"), "next"), Offline());
            var result = new MigrationResult(plan) { StatusValue = MigrationStatus.Skipped };
            Assert.Same(plan, result.Plan);
            Assert.Equal(("00000000-0000-0000-0000-000000000001", "rg", "acct", "westus"), (result.SubscriptionId, result.ResourceGroupName, result.AccountName, result.Location));
            Assert.Equal(("m-prod", "m", "1"), (result.SourceDeployment, result.SourceModel, result.SourceVersion));
            Assert.Equal(("next-prod", "next", "2025-06-01", MigrationMode.SideBySide), (result.TargetDeployment, result.TargetModel, result.TargetVersion, result.ModeValue));
            Assert.Equal("acct/m-prod: Skipped", result.ToString());
        }

        [Fact]
        public void Collections_read_well_in_a_CSV_cell_and_stay_arrays_in_JSON()
        {
            var request = Request(Source("gpt-4o", "2024-08-06"), "o4-mini");
            request.TargetVersion = "2025-04-16";
            var plan = Plan(request, Offline(Embedded));
            Assert.Contains("chat.completions max_tokens: max_tokens -> max_completion_tokens", plan.ParameterChanges.ToString());
            Assert.Contains("chat.completions temperature: remove", plan.ParameterChanges.ToString());
            Assert.StartsWith("SourceFound=Skipped; TargetResolved=Pass; ModeAllowed=Pass", plan.Checks.ToString());

            var json = JObject.FromObject(plan);
            Assert.Equal(8, ((JArray)json["Checks"]!).Count);
            Assert.Equal(JTokenType.Array, json["ParameterChanges"]!.Type);
            Assert.Null(json["Source"]);

            var steps = new MigrationStepList(new[] { new MigrationStep("Create", MigrationStatus.Succeeded, TimeSpan.FromSeconds(12.34), "created") });
            Assert.Equal("Create=Succeeded (12.3s)", steps.ToString());
        }

        [Fact]
        public void A_source_that_names_no_model_cannot_have_a_default_target()
        {
            var src = Source("m", "1");
            src.Model = null;
            var c = Plan(Request(src), Offline()).Check("TargetResolved")!;
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("names no model", c.Detail);
        }

        [Fact]
        public void A_target_the_source_already_runs_says_there_is_nothing_to_change()
        {
            var r = Request(Source("m", "2"), "m");
            r.TargetVersion = "2";
            var plan = Plan(r, Offline());
            Assert.Equal(MigrationMode.InPlace, plan.ModeValue);
            Assert.Contains("already runs", plan.Check("TargetResolved")!.Detail);
        }

        [Fact]
        public void Quota_warns_when_no_capacity_is_known()
        {
            var src = Source("m", "1");
            src.Capacity = null;
            var c = Plan(Request(src), Live(src)).Check("Quota")!;
            Assert.Equal(MigrationCheckStatus.Warn, c.StatusValue);
            Assert.Contains("pass -Capacity", c.Detail);
        }

        [Fact]
        public void The_assessments_RecommendedAction_follows_the_same_chain_as_the_default_target()
        {
            var src = Source("src2", "1");
            src.UpgradeOption = "NoAutoUpgrade";
            var a = UpgradePolicyEvaluator.Evaluate(src, MigrationFixture.Catalog, new EvaluationOptions(Date(AsOf), 90));
            Assert.Contains("Migrate before 2027-01-01 to later,", a.RecommendedAction);
            Assert.Equal("later", Plan(Request(src), Offline()).TargetModel);
        }

        [Fact]
        public async System.Threading.Tasks.Task The_reader_refuses_a_source_without_an_address()
        {
            var session = new Arm.FakeAzureSession(new Uri("http://127.0.0.1:9/"), _ => "tok", TimeSpan.FromHours(1), "00000000-0000-0000-0000-000000000001");
            using var arm = new Core.Arm.ArmClient(session);
            var src = new Deployment { Name = "loose", Model = "m", Version = "1" };
            var e = await Assert.ThrowsAsync<ModelLifecycleException>(() => new MigrationPreflight(arm, MigrationFixture.Catalog, NullOperationSink.Instance).PlanAsync(new MigrationRequest(src, Date(AsOf)), default));
            Assert.Equal("MigrationSourceUnplaced", e.ErrorId);
            Assert.Contains("-PlanOnly -Offline", e.RecommendedAction);
        }
    }
}
