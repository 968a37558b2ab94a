using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Policy;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Policy
{
    /// <summary>Every verdict rule (the outcomes in docs/en-US/Test-DeploymentUpgradePolicy.md), on small catalogs that isolate each rule.</summary>
    public class VerdictTableTests
    {
        // "m" 1 retires 2027-01-01; 2 is the default and lives longer; "x" 1 has a scheduled cross-family upgrade.
        internal static readonly LifecycleCatalog Fixture = FromEntries(@"[
          { ""model"": ""m"", ""version"": ""1"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""m"", ""version"": ""2"" } ] },
          { ""model"": ""m"", ""version"": ""2"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2028-01-01"", ""isDefaultVersion"": true },
          { ""model"": ""x"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""y"" } ],
            ""autoUpgrade"": { ""target"": { ""model"": ""y"" }, ""startDate"": ""2026-12-01"", ""leadDays"": 7 } },
          { ""model"": ""y"", ""version"": ""1"", ""retirementDate"": ""2029-01-01"" },
          { ""model"": ""lonely"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""other"" } ] },
          { ""model"": ""forever"", ""version"": ""1"", ""stage"": ""GenerallyAvailable"" },
          { ""model"": ""soon"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""retirementQualifier"": ""NoEarlierThan"" },
          { ""model"": ""floor"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""retirementQualifier"": ""NotBefore"" }
        ]");

        private static UpgradePolicyAssessment A(string model, string version, string asOf, string? sku = "Standard", string? option = null, int warningDays = 90) =>
            Assess(Deployment(model, version, sku, option), asOf, Fixture, warningDays);

        [Theory]
        [InlineData("2027-01-01")] // on the day: retired
        [InlineData("2027-06-01")]
        public void Past_retirement_is_Retired_and_Critical(string asOf)
        {
            var a = A("lonely", "1", asOf, option: UpgradeOptionNames.OnceCurrentVersionExpired);
            Assert.Equal(UpgradeOutcome.Retired, a.OutcomeValue);
            Assert.Equal(Severity.Critical, a.SeverityValue);
            Assert.Contains("HTTP 410", a.Reason);
            Assert.Contains("Migrate now to other", a.RecommendedAction);
        }

        [Theory]
        [InlineData("2026-12-31", 1, Severity.Critical)]
        [InlineData("2026-12-02", 30, Severity.Critical)]
        [InlineData("2026-12-01", 31, Severity.Warning)]
        [InlineData("2026-10-03", 90, Severity.Warning)]
        [InlineData("2026-10-02", 91, Severity.Info)]
        [InlineData("2026-01-01", 365, Severity.Info)]
        [InlineData("2025-12-31", 366, Severity.None)]
        public void NoAutoUpgrade_stops_working_with_severity_by_days_left(string asOf, int days, Severity severity)
        {
            var a = A("m", "1", asOf, option: "NoAutoUpgrade");
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Equal(days, a.DaysUntilRetirement);
            Assert.Equal(severity, a.SeverityValue);
            Assert.Equal(Date("2027-01-01"), a.EffectiveDate);
            Assert.Contains("Set-DeploymentUpgradeOption -ResourceId '/subscriptions/", a.RecommendedAction);
            Assert.Contains("-UpgradeOption OnceCurrentVersionExpired", a.RecommendedAction);
        }

        [Fact]
        public void WarningDays_moves_the_warning_boundary()
        {
            Assert.Equal(Severity.Info, A("m", "1", "2026-09-01", option: "NoAutoUpgrade").SeverityValue);
            Assert.Equal(Severity.Warning, A("m", "1", "2026-09-01", option: "NoAutoUpgrade", warningDays: 180).SeverityValue);
            Assert.Equal(Severity.Critical, A("m", "1", "2026-12-15", option: "NoAutoUpgrade", warningDays: 0).SeverityValue);
        }

        [Theory]
        [InlineData("ProvisionedManaged", "ProvisionedManaged deployments are not auto-upgraded")]
        [InlineData("GlobalProvisionedManaged", "GlobalProvisionedManaged deployments are not auto-upgraded")]
        [InlineData("DataZoneProvisionedManaged", "DataZoneProvisionedManaged deployments are not auto-upgraded")]
        [InlineData("GlobalBatch", "Batch deployments are not auto-upgraded")]
        [InlineData("DataZoneBatch", "Batch deployments are not auto-upgraded")]
        [InlineData("SomethingNew", "is not known to be auto-upgraded")]
        [InlineData(null, "is not known to be auto-upgraded")]
        public void Types_that_are_not_auto_upgraded_stop_working_whatever_the_option(string? sku, string reason)
        {
            var a = A("m", "1", "2026-11-01", sku, UpgradeOptionNames.OnceNewDefaultVersionAvailable);
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Contains(reason, a.Reason);
            Assert.Null(a.UpgradeTarget);
            Assert.Equal(Severity.Warning, a.SeverityValue);
        }

        [Fact]
        public void Provisioned_migration_advice_mentions_in_place_and_quota()
        {
            Assert.Contains("in place or side by side (check quota", A("m", "1", "2026-11-01", "ProvisionedManaged").RecommendedAction);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("OnceNewDefaultVersionAvailable")]
        [InlineData("OnceCurrentVersionExpired")]
        public void No_target_means_it_stops_working_and_the_replacement_is_recommended(string? option)
        {
            var a = A("lonely", "1", "2026-11-01", option: option);
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Contains("No upgrade target is recorded", a.Reason);
            Assert.Contains("other", a.Reason);
            Assert.Contains("Migrate before 2027-01-01 to other", a.RecommendedAction);
            Assert.Equal("other", a.Replacement.ToString());
        }

        [Fact]
        public void OnceNewDefault_with_a_newer_default_is_scheduled_and_Info_when_same_family()
        {
            var a = A("m", "1", "2026-06-01", option: "OnceNewDefaultVersionAvailable");
            Assert.Equal(UpgradeOutcome.AutoUpgradeScheduled, a.OutcomeValue);
            Assert.Equal(Severity.Info, a.SeverityValue);
            Assert.Equal("m 2", a.UpgradeTarget!.ToString());
            Assert.Null(a.EffectiveDate);
            Assert.Contains("within two weeks", a.Reason);
        }

        [Fact]
        public void OnceNewDefault_with_a_scheduled_cross_family_replacement_is_a_Warning_from_its_start_date()
        {
            var a = A("x", "1", "2026-06-01", option: "OnceNewDefaultVersionAvailable");
            Assert.Equal(UpgradeOutcome.AutoUpgradeScheduled, a.OutcomeValue);
            Assert.Equal(Severity.Warning, a.SeverityValue);
            Assert.Equal(Date("2026-12-01"), a.EffectiveDate);
            Assert.Contains("another model family", a.Reason);
            Assert.Contains("Find-ModelReference -Model x", a.RecommendedAction);
        }

        [Fact]
        public void Unset_option_behaves_as_OnceCurrentVersionExpired_and_says_the_sources_disagree()
        {
            var a = A("m", "1", "2026-06-01", option: null);
            Assert.Null(a.UpgradeOption);
            Assert.Equal(UpgradeOptionNames.OnceCurrentVersionExpired, a.EffectiveUpgradeOption);
            Assert.Equal(UpgradeOutcome.AutoUpgradeAtRetirement, a.OutcomeValue);
            Assert.Equal(Severity.Info, a.SeverityValue);
            Assert.Equal(Date("2027-01-01"), a.EffectiveDate);
            Assert.Contains(a.Notes, n => n.Contains("versionUpgradeOption is not set") && n.Contains("stop working"));
        }

        [Fact]
        public void At_retirement_upgrade_is_a_Warning_inside_WarningDays()
        {
            Assert.Equal(Severity.Warning, A("m", "1", "2026-11-01", option: "OnceCurrentVersionExpired").SeverityValue);
        }

        [Fact]
        public void At_retirement_upgrade_honours_lead_days_and_warns_across_families()
        {
            var a = A("x", "1", "2026-06-01", option: "OnceCurrentVersionExpired");
            Assert.Equal(UpgradeOutcome.AutoUpgradeAtRetirement, a.OutcomeValue);
            Assert.Equal(Date("2026-12-25"), a.EffectiveDate);
            Assert.Contains("7 days before retirement", a.Reason);
            Assert.Equal(Severity.Warning, a.SeverityValue);
        }

        [Fact]
        public void No_retirement_date_is_Current()
        {
            var a = A("forever", "1", "2026-06-01");
            Assert.Equal(UpgradeOutcome.Current, a.OutcomeValue);
            Assert.Equal(Severity.None, a.SeverityValue);
            Assert.Null(a.RetirementDate);
        }

        [Fact]
        public void A_not_before_floor_is_not_a_retirement()
        {
            var a = A("floor", "1", "2026-06-01");
            Assert.Equal(UpgradeOutcome.Current, a.OutcomeValue);
            Assert.Contains(a.Notes, n => n.Contains("will not retire before 2027-01-01"));
        }

        [Fact]
        public void Unknown_model_is_a_Warning()
        {
            var a = A("nope", "1", "2026-06-01");
            Assert.Equal(UpgradeOutcome.Unknown, a.OutcomeValue);
            Assert.Equal(Severity.Warning, a.SeverityValue);
            Assert.Contains("-Live", a.RecommendedAction);
        }

        [Fact]
        public void Unknown_version_of_a_known_model_is_Unknown()
        {
            Assert.Equal(UpgradeOutcome.Unknown, A("m", "9", "2026-06-01").OutcomeValue);
        }

        [Fact]
        public void Deployment_without_a_model_is_Unknown()
        {
            var a = Assess(new Deployment { Name = "empty" }, "2026-06-01", Fixture);
            Assert.Equal(UpgradeOutcome.Unknown, a.OutcomeValue);
            Assert.Contains("names no model", a.Reason);
        }

        [Fact]
        public void Tentative_dates_are_flagged()
        {
            var a = A("soon", "1", "2026-06-01", option: "NoAutoUpgrade");
            Assert.True(a.RetirementDateIsTentative);
            Assert.Contains(a.Notes, n => n.Contains("tentative") && n.Contains("no earlier than 2027-01-01"));
        }

        [Theory]
        [InlineData("2027-01-01", "NoAutoUpgrade")] // on the floor's day
        [InlineData("2027-06-01", "NoAutoUpgrade")]
        [InlineData("2027-06-01", null)]
        public void A_passed_no_earlier_than_date_is_a_floor_not_a_retirement(string asOf, string? option)
        {
            // Issue 10 item 13: "no earlier than" says when a retirement may come, not that it came.
            var a = A("soon", "1", asOf, option: option);
            Assert.Equal(UpgradeOutcome.Current, a.OutcomeValue);
            Assert.Equal(Severity.Info, a.SeverityValue);
            Assert.DoesNotContain("410", a.Reason);
            Assert.DoesNotContain("retired on", a.Reason);
            Assert.Contains("not announced yet", a.Reason);
            Assert.Contains("still work", a.Reason);
            Assert.NotEqual("Retired", a.Stage);
            Assert.Null(a.DaysUntilRetirement);
            Assert.Null(a.EffectiveDate);
            Assert.True(a.RetirementDateIsTentative);
            Assert.Contains(a.Notes, n => n.Contains("no earlier than 2027-01-01"));
            Assert.Contains("Get-ModelRetirement", a.RecommendedAction);
        }

        [Fact]
        public void A_no_earlier_than_date_ahead_is_still_the_date_to_plan_for()
        {
            var a = A("soon", "1", "2026-12-31", option: "NoAutoUpgrade");
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Equal(1, a.DaysUntilRetirement);
        }

        [Theory]
        [InlineData("m", "NoAutoUpgrade", "OnceCurrentVersionExpired", "m 2")]
        [InlineData("x", "NoAutoUpgrade", "OnceCurrentVersionExpired", "y")]
        [InlineData("m", "SomeFutureOption", "OnceCurrentVersionExpired", "m 2")]
        public void A_stop_that_another_option_prevents_names_that_option(string model, string option, string helps, string target)
        {
            // Issue 10 item 11: say whether changing versionUpgradeOption changes the outcome, and to which option.
            var a = A(model, "1", "2026-11-01", option: option);
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Equal(helps, a.OptionWouldHelp);
            Assert.Contains($"To let it upgrade to {target} instead, run Set-DeploymentUpgradeOption -ResourceId '/subscriptions/", a.RecommendedAction);
            Assert.Contains($"-UpgradeOption {helps}; or migrate before 2027-01-01.", a.RecommendedAction);
        }

        [Theory]
        [InlineData("m", "ProvisionedManaged", "OnceNewDefaultVersionAvailable", "2026-11-01")] // never auto-upgraded
        [InlineData("m", "GlobalBatch", null, "2026-11-01")]
        [InlineData("lonely", "Standard", "NoAutoUpgrade", "2026-11-01")] // no target: a replacement of another family
        [InlineData("lonely", "Standard", null, "2026-11-01")]
        [InlineData("m", "Standard", "NoAutoUpgrade", "2027-02-01")] // already retired
        [InlineData("m", "Standard", "OnceCurrentVersionExpired", "2026-11-01")] // keeps working: nothing to change
        [InlineData("forever", "Standard", "NoAutoUpgrade", "2026-11-01")]
        public void No_option_helps_where_no_option_changes_what_happens(string model, string sku, string? option, string asOf)
        {
            var a = A(model, "1", asOf, sku, option);
            Assert.Null(a.OptionWouldHelp);
            if (a.OutcomeValue == UpgradeOutcome.WillStopWorking)
            {
                Assert.Contains("No upgrade option would keep it working.", a.RecommendedAction);
                Assert.DoesNotContain("Set-DeploymentUpgradeOption", a.RecommendedAction);
            }
        }

        [Fact]
        public void A_fine_tuned_deployment_has_no_option_that_helps()
        {
            // The embedded catalog: gpt-4o-mini fine-tuned deployments retire on their own date.
            var a = Assess(Deployment("gpt-4o-mini-2024-07-18.ft-0a1b2c3d4e", "1", "Standard", "NoAutoUpgrade"), "2026-11-22");
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Null(a.OptionWouldHelp);
        }

        [Fact]
        public void An_unknown_option_value_is_treated_as_NoAutoUpgrade_and_said()
        {
            var a = A("m", "1", "2026-06-01", option: "SomeFutureOption");
            Assert.Equal("SomeFutureOption", a.UpgradeOption);
            Assert.Equal(UpgradeOptionNames.NoAutoUpgrade, a.EffectiveUpgradeOption);
            Assert.Equal(UpgradeOutcome.WillStopWorking, a.OutcomeValue);
            Assert.Contains(a.Notes, n => n.Contains("'SomeFutureOption'"));
        }

        [Fact]
        public void Option_case_is_normalised()
        {
            Assert.Equal(UpgradeOptionNames.NoAutoUpgrade, A("m", "1", "2026-06-01", option: "noautoupgrade").EffectiveUpgradeOption);
        }

        [Fact]
        public void Live_retired_stage_wins_over_a_future_date()
        {
            var live = CatalogReader.Read(
                "{ \"formatVersion\": 1, \"entries\": [ { \"model\": \"m\", \"version\": \"1\", \"stage\": \"Retired\", \"retirementDate\": \"2027-01-01\" } ] }",
                "live", CatalogOrigin.Live);
            var a = Assess(Deployment("m", "1"), "2026-06-01", Fixture.WithOverlay(live));
            Assert.Equal(UpgradeOutcome.Retired, a.OutcomeValue);
        }

        [Fact]
        public void A_target_that_retires_first_is_no_target()
        {
            var c = FromEntries(@"[
              { ""model"": ""a"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""autoUpgrade"": { ""target"": { ""model"": ""b"" } } },
              { ""model"": ""b"", ""version"": ""1"", ""retirementDate"": ""2026-12-01"" } ]");
            Assert.Equal(UpgradeOutcome.WillStopWorking, Assess(Deployment("a", "1"), "2026-06-01", c).OutcomeValue);
        }

        [Fact]
        public void An_upgrade_restricted_to_OnceNewDefault_does_not_apply_to_OnceCurrentVersionExpired()
        {
            var c = FromEntries(@"[
              { ""model"": ""a"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""autoUpgrade"": { ""target"": { ""model"": ""a"", ""version"": ""2"" }, ""appliesToOptions"": [""OnceNewDefaultVersionAvailable""] } } ]");
            Assert.Equal(UpgradeOutcome.AutoUpgradeScheduled, Assess(Deployment("a", "1", option: "OnceNewDefaultVersionAvailable"), "2026-06-01", c).OutcomeValue);
            Assert.Equal(UpgradeOutcome.WillStopWorking, Assess(Deployment("a", "1", option: "OnceCurrentVersionExpired"), "2026-06-01", c).OutcomeValue);
        }

        [Fact]
        public void Undated_versions_use_retirement_dates_to_tell_which_is_newer()
        {
            var c = FromEntries(@"[
              { ""model"": ""t"", ""version"": ""1106"", ""retirementDate"": ""2026-01-01"" },
              { ""model"": ""t"", ""version"": ""0125"", ""retirementDate"": ""2027-01-01"", ""isDefaultVersion"": true } ]");
            var a = Assess(Deployment("t", "1106", option: "OnceNewDefaultVersionAvailable"), "2025-06-01", c);
            Assert.Equal("t 0125", a.UpgradeTarget!.ToString());
            var reverse = Assess(Deployment("t", "0125", option: "OnceNewDefaultVersionAvailable"), "2025-06-01", c);
            Assert.Equal(UpgradeOutcome.WillStopWorking, reverse.OutcomeValue);
            Assert.Null(reverse.UpgradeTarget);
        }

        // "a" -> "b" (retires within 90 days of 2026-11-01) -> "c" (lasts); "p" -> "q" (retires soon, nothing after it).
        private static readonly LifecycleCatalog Chain = FromEntries(@"[
          { ""model"": ""a"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""b"" } ] },
          { ""model"": ""b"", ""version"": ""1"", ""retirementDate"": ""2026-12-01"", ""replacements"": [ { ""model"": ""c"" } ] },
          { ""model"": ""c"", ""version"": ""1"", ""retirementDate"": ""2029-01-01"" },
          { ""model"": ""p"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""q"" } ] },
          { ""model"": ""q"", ""version"": ""1"", ""retirementDate"": ""2026-12-15"" } ]");

        [Fact]
        public void Migration_advice_follows_the_chain_past_a_replacement_that_retires_within_WarningDays()
        {
            // Issue 10 item 14: never advise a model that retires within WarningDays when a lasting one is known.
            var a = Assess(Deployment("a", "1", option: "NoAutoUpgrade"), "2026-11-01", Chain);
            Assert.Contains("Migrate before 2027-01-01 to c,", a.RecommendedAction);
            Assert.DoesNotContain(" to b", a.RecommendedAction);
            Assert.Contains(a.Notes, n => n == "Passed over as migration targets: b retires on 2026-12-01, within 90 days. c serves beyond 90 days.");

            // With a shorter horizon b lasts long enough and is advised first.
            Assert.Contains("Migrate before 2027-01-01 to b,", Assess(Deployment("a", "1", option: "NoAutoUpgrade"), "2026-11-01", Chain, warningDays: 20).RecommendedAction);
        }

        [Fact]
        public void When_no_replacement_lasts_the_advice_says_so()
        {
            var a = Assess(Deployment("p", "1", option: "NoAutoUpgrade"), "2026-11-01", Chain);
            Assert.Contains("Migrate before 2027-01-01 to q,", a.RecommendedAction);
            Assert.Contains("q itself retires within 90 days and no recorded replacement lasts longer", a.RecommendedAction);
            Assert.Contains(a.Notes, n => n == "No recorded replacement serves beyond 90 days: q retires on 2026-12-15, within 90 days.");
        }

        // "i" has a dated upgrade whose target is only the docs table's replacement column.
        private static readonly LifecycleCatalog Inferred = FromEntries(@"[
          { ""model"": ""i"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""j"" } ],
            ""autoUpgrade"": { ""target"": { ""model"": ""j"" }, ""targetFromReplacement"": true, ""startDate"": ""2026-12-01"" } },
          { ""model"": ""j"", ""version"": ""1"", ""retirementDate"": ""2029-01-01"" } ]");

        [Theory]
        [InlineData("OnceCurrentVersionExpired", "2026-06-01")]
        [InlineData("OnceNewDefaultVersionAvailable", "2026-06-01")]
        [InlineData("OnceCurrentVersionExpired", "2027-02-01")] // retired: the upgrade it was due is inferred too
        public void An_upgrade_target_taken_from_the_replacement_column_is_labelled_inferred_with_the_docs_that_contradict_it(string option, string asOf)
        {
            // Issue 10 item 15.
            var a = Assess(Deployment("i", "1", option: option), asOf, Inferred);
            var note = Assert.Single(a.Notes, n => n.StartsWith("The upgrade target j is inferred:", System.StringComparison.Ordinal));
            Assert.Contains("replacement column", note);
            Assert.Contains("\"automatically upgrades to the current default version\"", note);
            Assert.Contains("https://learn.microsoft.com/azure/foundry/openai/how-to/working-with-models", note);
            Assert.Contains("\"If no new version exists and current expires, model becomes unusable\"", note);
            Assert.DoesNotContain("shared", note);
        }

        [Fact]
        public void A_recorded_upgrade_target_is_not_labelled_inferred()
        {
            Assert.DoesNotContain(A("x", "1", "2026-06-01", option: "OnceCurrentVersionExpired").Notes, n => n.Contains("is inferred"));
            Assert.DoesNotContain(A("m", "1", "2026-06-01", option: "OnceNewDefaultVersionAvailable").Notes, n => n.Contains("is inferred"));
        }

        [Fact]
        public void Every_assessment_names_what_to_do()
        {
            foreach (var model in new[] { "m", "x", "lonely", "forever", "soon", "floor", "nope" })
            {
                foreach (var option in new[] { null, "NoAutoUpgrade", "OnceNewDefaultVersionAvailable", "OnceCurrentVersionExpired" })
                {
                    var a = A(model, "1", "2026-06-01", option: option);
                    Assert.False(string.IsNullOrWhiteSpace(a.Reason));
                    Assert.False(string.IsNullOrWhiteSpace(a.RecommendedAction));
                }
            }
        }
    }
}
