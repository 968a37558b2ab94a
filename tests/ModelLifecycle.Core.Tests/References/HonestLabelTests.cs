using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Policy;
using ModelLifecycle.Core.References;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>
    /// Labels that stay true after replacements retire: a retired replacement is followed to its own
    /// replacements or dropped, and undated preview versions do not hide that a model's dated versions retired.
    /// </summary>
    public class HonestLabelTests
    {
        // As of 2026-11-30: older -> middle (retired) -> newest (live); dead -> end (retired, names none);
        // loop-a -> loop-b -> loop-a, both retired; previews has dated versions retired and undated previews.
        private static readonly LifecycleCatalog Catalog = FromEntries(@"[
          { ""model"": ""older"", ""version"": ""1"", ""retirementDate"": ""2026-10-01"", ""replacements"": [ { ""model"": ""middle"", ""version"": ""1"" } ] },
          { ""model"": ""middle"", ""version"": ""1"", ""retirementDate"": ""2026-10-14"", ""replacements"": [ { ""model"": ""newest"" } ] },
          { ""model"": ""newest"", ""version"": ""1"", ""retirementDate"": ""2027-02-06"" },
          { ""model"": ""dead"", ""version"": ""1"", ""retirementDate"": ""2026-09-16"", ""replacements"": [ { ""model"": ""end"" } ] },
          { ""model"": ""end"", ""version"": ""1"", ""retirementDate"": ""2026-10-16"" },
          { ""model"": ""loop-a"", ""version"": ""1"", ""retirementDate"": ""2026-01-01"", ""replacements"": [ { ""model"": ""loop-b"" } ] },
          { ""model"": ""loop-b"", ""version"": ""1"", ""retirementDate"": ""2026-02-01"", ""replacements"": [ { ""model"": ""loop-a"" } ] },
          { ""model"": ""previews"", ""version"": ""0613"", ""retirementDate"": ""2025-06-06"", ""replacements"": [ { ""model"": ""older"" } ] },
          { ""model"": ""previews"", ""version"": ""turbo"", ""retirementDate"": ""2025-09-01"", ""retirementQualifier"": ""NoEarlierThan"", ""replacements"": [ { ""model"": ""older"" } ] },
          { ""model"": ""previews"", ""version"": ""1106-preview"" },
          { ""model"": ""previews"", ""version"": ""vision-preview"" }
        ]");

        private const string AsOf = "2026-11-30";

        private static LifecycleAnnotation ForId(string id, LifecycleCatalog? catalog = null) =>
            LifecycleAnnotator.ForModelId(catalog ?? Catalog, new EvaluationOptions(Date(AsOf)), id);

        private static string Replacements(LifecycleAnnotation a) => string.Join(", ", a.Replacement.Select(r => r.ToString()));

        [Fact]
        public void A_retired_replacement_is_followed_to_its_own_live_replacement()
        {
            Assert.Equal("newest", Replacements(ForId("older")));
        }

        [Fact]
        public void When_every_replacement_has_retired_and_names_none_there_is_no_replacement()
        {
            LifecycleAnnotation a = ForId("dead");

            Assert.Equal("Retired", a.Stage);
            Assert.Empty(a.Replacement);
            Assert.Empty(ForId("loop-a").Replacement);
        }

        [Fact]
        public void Undated_preview_versions_do_not_hide_that_the_dated_versions_retired()
        {
            LifecycleAnnotation a = ForId("previews");

            // turbo's "no earlier than 2025-09-01" is a floor that passed, not a retirement (issue 10, item 13).
            Assert.NotEqual("Retired", a.Stage);
            Assert.True(a.RetirementDateIsTentative);
            Assert.Equal(Date("2025-09-01"), a.RetirementDate);
            Assert.Null(a.DaysUntilRetirement); // no count of days past a floor
            Assert.Equal("newest", Replacements(a));
        }

        [Fact]
        public void The_label_names_the_verdicts_migration_target_for_dall_e_3()
        {
            // As of 2026-11-30: gpt-image-1 retired on 2026-10-23, gpt-image-1.5 retires on 2026-12-16
            // (within 90 days), gpt-image-1-mini on 2027-04-07.
            var options = new EvaluationOptions(Date(AsOf));
            LifecycleAnnotation label = LifecycleAnnotator.ForModelId(Embedded, options, "dall-e-3");
            VerdictDecision verdict = VerdictDecider.Decide(Deployment("dall-e-3", "3"), Embedded, options);

            Assert.Equal("gpt-image-1-mini", Replacements(label));
            Assert.Equal(verdict.DefaultMigrationTarget, Assert.Single(label.Replacement));
            Assert.Equal(verdict.Migration!.Candidates, label.Replacement);
        }

        [Fact]
        public void A_replacement_that_retires_within_WarningDays_is_passed_over_as_in_the_verdict()
        {
            // As of 2026-11-30: brief retires 2027-01-10 (41 days), lasting 2028-06-01.
            LifecycleCatalog catalog = FromEntries(@"[
              { ""model"": ""going"", ""version"": ""1"", ""retirementDate"": ""2026-12-20"", ""replacements"": [ { ""model"": ""brief"" }, { ""model"": ""lasting"" } ] },
              { ""model"": ""brief"", ""version"": ""1"", ""retirementDate"": ""2027-01-10"" },
              { ""model"": ""lasting"", ""version"": ""1"", ""retirementDate"": ""2028-06-01"" }
            ]");

            foreach (var (warningDays, expected) in new[] { (90, "lasting"), (30, "brief, lasting") })
            {
                var options = new EvaluationOptions(Date(AsOf), warningDays);
                LifecycleAnnotation label = LifecycleAnnotator.ForModelId(catalog, options, "going");
                VerdictDecision verdict = VerdictDecider.Decide(Deployment("going", "1"), catalog, options);

                Assert.Equal(expected, Replacements(label));
                Assert.Equal(verdict.Migration!.Candidates, label.Replacement);
                Assert.Equal(verdict.DefaultMigrationTarget, label.Replacement[0]);
            }
        }

        [Fact]
        public void The_real_catalog_no_longer_recommends_retired_models()
        {
            // As of 2026-11-30: o3 retired 2026-10-16, gpt-4.1-mini 2026-10-14, gpt-4o 2026-10-01.
            Assert.Empty(ForId("o1", Embedded).Replacement);
            Assert.Equal("gpt-5-mini", Replacements(ForId("gpt-4o-mini", Embedded)));
            Assert.Equal("gpt-5-mini", Replacements(ForId("gpt-35-turbo", Embedded)));

            LifecycleAnnotation gpt4 = ForId("gpt-4", Embedded);
            // gpt-4 turbo-2024-04-09 retires "no earlier than 2025-09-01": a floor, not a retirement (item 13).
            Assert.NotEqual("Retired", gpt4.Stage);
            Assert.True(gpt4.RetirementDateIsTentative);
            Assert.NotNull(gpt4.RetirementDate);
            Assert.Equal("gpt-5.1", Replacements(gpt4));
        }
    }
}
