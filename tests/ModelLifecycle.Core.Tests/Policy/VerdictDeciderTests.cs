using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Policy;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Policy
{
    /// <summary>The verdict table as data: which rule decides, with what outcome and severity, before any wording.</summary>
    public class VerdictDeciderTests
    {
        private static VerdictDecision D(string model, string version, string asOf, string? sku = "Standard", string? option = null, int warningDays = 90) =>
            VerdictDecider.Decide(Deployment(model, version, sku, option), VerdictTableTests.Fixture, new EvaluationOptions(Date(asOf), warningDays));

        [Theory]
        [InlineData("lonely", "1", "2027-06-01", "Standard", "OnceCurrentVersionExpired", VerdictRule.Retired, UpgradeOutcome.Retired, Severity.Critical)]
        [InlineData("m", "1", "2026-12-02", "Standard", "NoAutoUpgrade", VerdictRule.NoAutoUpgradeOption, UpgradeOutcome.WillStopWorking, Severity.Critical)]
        [InlineData("m", "1", "2026-11-01", "ProvisionedManaged", null, VerdictRule.ProvisionedNotUpgraded, UpgradeOutcome.WillStopWorking, Severity.Warning)]
        [InlineData("m", "1", "2026-11-01", "GlobalBatch", null, VerdictRule.BatchNotUpgraded, UpgradeOutcome.WillStopWorking, Severity.Warning)]
        [InlineData("m", "1", "2026-11-01", "SomethingNew", null, VerdictRule.UnknownTypeNotUpgraded, UpgradeOutcome.WillStopWorking, Severity.Warning)]
        [InlineData("lonely", "1", "2026-11-01", "Standard", null, VerdictRule.NoUpgradeTarget, UpgradeOutcome.WillStopWorking, Severity.Warning)]
        [InlineData("m", "1", "2026-06-01", "Standard", "OnceNewDefaultVersionAvailable", VerdictRule.UpgradeToNewDefault, UpgradeOutcome.AutoUpgradeScheduled, Severity.Info)]
        [InlineData("x", "1", "2026-06-01", "Standard", "OnceNewDefaultVersionAvailable", VerdictRule.UpgradeToNewDefault, UpgradeOutcome.AutoUpgradeScheduled, Severity.Warning)]
        [InlineData("m", "1", "2026-06-01", "Standard", null, VerdictRule.UpgradeAtRetirement, UpgradeOutcome.AutoUpgradeAtRetirement, Severity.Info)]
        [InlineData("forever", "1", "2026-06-01", "Standard", null, VerdictRule.NoRetirementDate, UpgradeOutcome.Current, Severity.None)]
        [InlineData("floor", "1", "2026-06-01", "Standard", null, VerdictRule.NoRetirementDate, UpgradeOutcome.Current, Severity.None)]
        [InlineData("soon", "1", "2027-06-01", "Standard", "NoAutoUpgrade", VerdictRule.FloorPassed, UpgradeOutcome.Current, Severity.Info)]
        [InlineData("nope", "1", "2026-06-01", "Standard", null, VerdictRule.NotInCatalog, UpgradeOutcome.Unknown, Severity.Warning)]
        public void Each_rule_decides_its_outcome_and_severity(string model, string version, string asOf, string? sku, string? option, VerdictRule rule, UpgradeOutcome outcome, Severity severity)
        {
            var v = D(model, version, asOf, sku, option);
            Assert.Equal(rule, v.Rule);
            Assert.Equal(outcome, v.Outcome);
            Assert.Equal(severity, v.Severity);
        }

        [Fact]
        public void An_upgrade_at_retirement_carries_its_target_lead_and_family_as_data()
        {
            var v = D("x", "1", "2026-06-01", option: UpgradeOptionNames.OnceCurrentVersionExpired);
            Assert.Equal("y", v.UpgradeTarget!.Target.ToString());
            Assert.Equal(UpgradeTargetSource.ScheduledUpgrade, v.UpgradeTarget.Source);
            Assert.Equal(7, v.UpgradeTarget.LeadDays);
            Assert.True(v.CrossFamily);
            Assert.Equal(Date("2026-12-25"), v.EffectiveDate);
            Assert.Equal(Date("2027-01-01"), v.RetirementDate);

            var same = D("m", "1", "2026-06-01", option: UpgradeOptionNames.OnceNewDefaultVersionAvailable);
            Assert.Equal(UpgradeTargetSource.NewerDefaultVersion, same.UpgradeTarget!.Source);
            Assert.False(same.CrossFamily);
        }

        [Fact]
        public void Assumptions_are_recorded_as_inferred_facts()
        {
            Assert.Equal(InferredFacts.UpgradeOptionFromUnset, D("m", "1", "2026-06-01", option: null).Inferred);
            Assert.Equal(InferredFacts.UnknownUpgradeOptionAsNoAutoUpgrade, D("m", "1", "2026-06-01", option: "SomeFutureOption").Inferred);
            Assert.Equal(InferredFacts.UpgradeOptionFromUnset | InferredFacts.DeploymentTypeNotUpgraded, D("m", "1", "2026-11-01", "SomethingNew").Inferred);
            Assert.Equal(InferredFacts.None, D("m", "1", "2026-06-01", option: UpgradeOptionNames.NoAutoUpgrade).Inferred);
        }

        [Fact]
        public void A_target_from_the_replacement_column_is_an_inferred_fact()
        {
            var c = FromEntries(@"[
              { ""model"": ""i"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""autoUpgrade"": { ""target"": { ""model"": ""j"" }, ""targetFromReplacement"": true } } ]");
            var v = VerdictDecider.Decide(Deployment("i", "1", option: UpgradeOptionNames.OnceCurrentVersionExpired), c, new EvaluationOptions(Date("2026-06-01")));
            Assert.True(v.UpgradeTarget!.Inferred);
            Assert.Equal(InferredFacts.UpgradeTargetFromReplacementColumn, v.Inferred);
            Assert.False(D("x", "1", "2026-06-01", option: UpgradeOptionNames.OnceCurrentVersionExpired).UpgradeTarget!.Inferred);
        }

        [Fact]
        public void A_stop_another_option_prevents_names_that_option_and_its_target()
        {
            var v = D("x", "1", "2026-11-01", option: UpgradeOptionNames.NoAutoUpgrade);
            Assert.Equal(UpgradeOptionNames.OnceCurrentVersionExpired, v.OptionWouldHelp);
            Assert.Equal("y", v.OptionTarget!.ToString());
            Assert.Null(D("lonely", "1", "2026-11-01", option: UpgradeOptionNames.NoAutoUpgrade).OptionWouldHelp);
        }

        [Fact]
        public void A_retired_deployment_due_an_upgrade_records_the_missed_upgrade()
        {
            var v = D("m", "1", "2027-02-01", option: UpgradeOptionNames.OnceCurrentVersionExpired);
            Assert.Equal(VerdictRule.Retired, v.Rule);
            Assert.Equal("m 2", v.MissedUpgrade!.Target.ToString());
            Assert.Null(D("m", "1", "2027-02-01", option: UpgradeOptionNames.NoAutoUpgrade).MissedUpgrade);
        }

        [Fact]
        public void The_default_migration_target_is_the_upgrade_target_else_the_replacement_chain()
        {
            Assert.Equal("other", D("lonely", "1", "2026-11-01").DefaultMigrationTarget!.ToString());
            Assert.Equal("m 2", D("m", "1", "2026-06-01").DefaultMigrationTarget!.ToString());
            Assert.Null(D("nope", "1", "2026-06-01").DefaultMigrationTarget);
        }

        [Fact]
        public void The_renderer_words_the_decision_it_is_given()
        {
            // The wording follows the decision, not a second look at the catalog: a decision that names
            // another option and target is worded so.
            var d = Deployment("x", "1", option: UpgradeOptionNames.NoAutoUpgrade);
            var o = new EvaluationOptions(Date("2026-11-01"));
            var v = VerdictDecider.Decide(d, VerdictTableTests.Fixture, o);
            v.OptionTarget = new ModelRef("z", "9");
            var text = VerdictRenderer.Render(v, d, VerdictTableTests.Fixture, o);
            Assert.StartsWith("To let it upgrade to z 9 instead, run Set-DeploymentUpgradeOption", text.RecommendedAction);
            Assert.Contains("stops working on 2027-01-01", text.Reason);
        }
    }
}
