using System.Linq;
using ModelLifecycle.Core.Policy;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Policy
{
    /// <summary>The seed cases on the embedded catalog, before and after their dates.</summary>
    public class FieldCaseTests
    {
        [Fact]
        public void Dalle3_set_to_OnceNewDefault_is_not_auto_upgraded_and_stopped_working()
        {
            var a = Assess(Deployment("dall-e-3", "3.0", "Standard", "OnceNewDefaultVersionAvailable"), "2026-11-22");
            Assert.Equal(UpgradeOutcome.Retired, a.OutcomeValue);
            Assert.Equal(Severity.Critical, a.SeverityValue);
            Assert.Null(a.UpgradeTarget);
            // gpt-image-1 itself retired on 2026-10-23 and gpt-image-1.5 retires on 2026-12-16, within
            // 90 days: the advice goes on to gpt-image-1-mini (issue 10 item 14).
            Assert.Contains("Migrate now to gpt-image-1-mini,", a.RecommendedAction);
            Assert.Equal("gpt-image-1, gpt-image-1.5, gpt-image-1-mini", a.Replacement.ToString());
            Assert.Contains(a.Notes, n => n.Contains("The replacement gpt-image-1 has itself retired (2026-10-23)"));
            Assert.DoesNotContain("due to be upgraded", a.Reason);
        }

        [Fact]
        public void Dalle3_reason_spells_its_version_as_the_deployment_does()
        {
            // The catalog writes version "3"; ARM and inventories write "3.0", which the Model column shows.
            var retired = Assess(Deployment("dall-e-3", "3.0", "Standard", "NoAutoUpgrade"), "2026-11-22");
            Assert.StartsWith("dall-e-3 3.0 retired on 2026-03-04", retired.Reason, System.StringComparison.Ordinal);

            var before = Assess(Deployment("dall-e-3", "3.0", "Standard", "NoAutoUpgrade"), "2026-02-01");
            Assert.Contains("dall-e-3 3.0 stops working on 2026-03-04", before.Reason);

            var asInDocs = Assess(Deployment("dall-e-3", "3", "Standard", "NoAutoUpgrade"), "2026-11-22");
            Assert.StartsWith("dall-e-3 3 retired", asInDocs.Reason, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("2026-11-22")]
        [InlineData("2026-11-30")]
        public void Dalle3_advice_passes_over_replacements_that_retire_within_WarningDays_and_says_why(string asOf)
        {
            // Issue 10 item 14: gpt-image-1.5 retires on 2026-12-16; gpt-image-1-mini lasts until 2027-04-07.
            var a = Assess(Deployment("dall-e-3", "3.0", "Standard", "NoAutoUpgrade"), asOf);
            Assert.Contains("Migrate now to gpt-image-1-mini,", a.RecommendedAction);
            Assert.DoesNotContain("gpt-image-1.5", a.RecommendedAction);
            Assert.Contains(a.Notes, n => n.StartsWith("Passed over as migration targets:", System.StringComparison.Ordinal)
                && n.Contains("gpt-image-1 retired on 2026-10-23") && n.Contains("gpt-image-1.5 retires on 2026-12-16, within 90 days")
                && n.Contains("gpt-image-1-mini serves beyond 90 days"));
        }

        [Fact]
        public void Dalle3_before_its_date_will_stop_working_and_points_at_the_replacement()
        {
            var a = Assess(Deployment("dall-e-3", "3.0", "Standard", "OnceNewDefaultVersionAvailable"), "2026-02-01");
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Equal(Severity.Warning, a.SeverityValue);
            Assert.Equal(31, a.DaysUntilRetirement);
            Assert.Contains("No upgrade target is recorded", a.Reason);
            Assert.Contains("Migrate before 2026-03-04 to gpt-image-1 or gpt-image-1.5", a.RecommendedAction);
        }

        [Fact]
        public void Gpt4o_Standard_with_no_policy_auto_upgrades_to_gpt51_at_retirement_then_is_retired()
        {
            var before = Assess(Deployment("gpt-4o", "2024-08-06", "Standard", null), "2026-01-15");
            Assert.Equal(UpgradeOutcome.AutoUpgradeAtRetirement, before.OutcomeValue);
            Assert.Equal("gpt-5.1", before.UpgradeTarget!.Model);
            Assert.Equal(Date("2026-03-31"), before.EffectiveDate);
            Assert.Equal(Severity.Warning, before.SeverityValue);
            Assert.Contains("2026-03-09", before.Reason);
            // The table gives the upgrade's date; gpt-5.1 is only its replacement column (issue 10 item 15).
            Assert.Contains(before.Notes, n => n.StartsWith("The upgrade target gpt-5.1 is inferred:", System.StringComparison.Ordinal) && n.Contains("learn.microsoft.com"));

            var after = Assess(Deployment("gpt-4o", "2024-08-06", "Standard", null), "2026-11-22");
            Assert.Equal(UpgradeOutcome.Retired, after.OutcomeValue);
            Assert.Contains("due to be upgraded to gpt-5.1", after.Reason);
        }

        [Fact]
        public void Gpt4o_ProvisionedManaged_will_stop_working_on_the_later_date()
        {
            var a = Assess(Deployment("gpt-4o", "2024-08-06", "ProvisionedManaged", "OnceNewDefaultVersionAvailable"), "2026-08-01");
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Equal(Date("2026-10-01"), a.RetirementDate);
            Assert.Equal(61, a.DaysUntilRetirement);
            Assert.Equal(Severity.Warning, a.SeverityValue);
        }

        [Fact]
        public void Gpt4o_GlobalStandard_has_no_recorded_upgrade_and_the_gap_is_noted()
        {
            var a = Assess(Deployment("gpt-4o", "2024-08-06", "GlobalStandard", "OnceCurrentVersionExpired"), "2026-08-01");
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Contains(a.Notes, n => n.Contains("applies to Standard deployments; none is recorded for GlobalStandard"));
        }

        [Fact]
        public void Stage_follows_the_deployments_own_date()
        {
            // Standard retired 2026-03-31; GlobalStandard runs until 2026-10-01.
            Assert.Equal("Retired", Assess(Deployment("gpt-4o", "2024-08-06", "Standard", "NoAutoUpgrade"), "2026-05-01").Stage);
            Assert.Equal("Deprecated", Assess(Deployment("gpt-4o", "2024-08-06", "GlobalStandard", "NoAutoUpgrade"), "2026-05-01").Stage);
            // The DALL-E callout (written after the date) says Retired; before the date it was still serving.
            Assert.Equal("Deprecated", Assess(Deployment("dall-e-3", "3.0", "Standard", "NoAutoUpgrade"), "2026-01-15").Stage);
            Assert.Equal("Retired", Assess(Deployment("dall-e-3", "3.0", "Standard", "NoAutoUpgrade"), "2026-03-04").Stage);
        }

        [Fact]
        public void O1_with_NoAutoUpgrade_stopped_working()
        {
            var a = Assess(Deployment("o1", "2024-12-17", "GlobalStandard", "NoAutoUpgrade"), "2026-11-22");
            Assert.Equal(UpgradeOutcome.Retired, a.OutcomeValue);
            // o3 itself retired on 2026-10-16: it is no place to migrate to any more.
            Assert.Contains("Migrate now to a current model (the recorded replacement, o3, has itself retired", a.RecommendedAction);
            Assert.Contains("Migrate before 2026-09-16 to o3,", Assess(Deployment("o1", "2024-12-17", "GlobalStandard", "NoAutoUpgrade"), "2026-08-01").RecommendedAction);
            var earlier = Assess(Deployment("o1", "2024-12-17", "GlobalStandard", "NoAutoUpgrade"), "2026-08-01");
            Assert.Equal(UpgradeOutcome.WillStopWorking, earlier.OutcomeValue);
            Assert.Contains("NoAutoUpgrade", earlier.Reason);
            Assert.Contains(earlier.Notes, n => n.StartsWith("Deprecated since 2025-12-17"));
        }

        [Fact]
        public void Gpt4omini_Standard_uses_the_Standard_date()
        {
            var a = Assess(Deployment("gpt-4o-mini", "2024-07-18", "Standard", "NoAutoUpgrade"), "2026-03-01");
            Assert.Equal(Date("2026-03-31"), a.RetirementDate);
            Assert.Equal(Severity.Critical, a.SeverityValue);
            Assert.Contains(a.Notes, n => n.Contains("ServiceModelDeprecated"));
        }

        [Fact]
        public void Fine_tuned_deployment_uses_the_fine_tuned_schedule()
        {
            var a = Assess(Deployment("gpt-4o-mini-2024-07-18.ft-0a1b2c3d4e", "1", "Standard", "OnceNewDefaultVersionAvailable"), "2026-11-22");
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Equal(Date("2027-10-01"), a.RetirementDate);
            Assert.Contains("Fine-tuned deployments are not auto-upgraded", a.Reason);
            Assert.Equal(Severity.Info, a.SeverityValue);
        }

        [Theory]
        [InlineData("2026-11-22", "retires on 2027-04-01")]
        [InlineData("2027-05-01", "retired on 2027-04-01")]
        public void Fine_tuned_deployment_shows_when_training_retires(string asOf, string said)
        {
            // Issue 10 item 16: training retires six months before the fine-tuned deployment stops.
            var a = Assess(Deployment("gpt-4o-mini-2024-07-18.ft-0a1b2c3d4e", "1", "Standard", "NoAutoUpgrade"), asOf);
            Assert.Equal(Date("2027-04-01"), a.TrainingRetirementDate);
            Assert.Equal(Date("2027-10-01"), a.RetirementDate);
            Assert.Contains(a.Notes, n => n == $"Training (fine-tuning) of gpt-4o-mini 2024-07-18 {said}: no new fine-tuned models or retraining after that date; this deployment keeps serving until 2027-10-01.");
        }

        [Fact]
        public void A_base_model_deployment_has_no_training_retirement_date()
        {
            var a = Assess(Deployment("gpt-4o-mini", "2024-07-18", "GlobalStandard", "NoAutoUpgrade"), "2026-06-01");
            Assert.Null(a.TrainingRetirementDate);
            Assert.DoesNotContain(a.Notes, n => n.StartsWith("Training", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Government_cloud_uses_its_own_schedule()
        {
            var a = UpgradePolicyEvaluator.Evaluate(Deployment("gpt-4o", "2024-11-20", "Standard", "NoAutoUpgrade"), Embedded,
                new EvaluationOptions(Date("2026-11-22"), 90, Core.Catalog.CatalogCloud.AzureUSGovernment));
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Equal(Date("2027-04-14"), a.RetirementDate);
        }
    }
}
