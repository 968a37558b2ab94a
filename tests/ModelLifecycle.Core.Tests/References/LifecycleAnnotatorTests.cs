using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Policy;
using ModelLifecycle.Core.References;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>Which catalog entry labels a match, and what the label says (LifecycleAnnotator's rules).</summary>
    public class LifecycleAnnotatorTests
    {
        private static readonly LifecycleCatalog Catalog = ReferenceCatalog.Instance;

        private static LifecycleAnnotation ForId(string id, string asOf = ReferenceCatalog.AsOf, CatalogCloud cloud = CatalogCloud.AzureCloud) =>
            LifecycleAnnotator.ForModelId(Catalog, new EvaluationOptions(Date(asOf), cloud: cloud), id);

        private static LifecycleAnnotation ForDeployment(string? model, string? version, string? type = "Standard", string asOf = ReferenceCatalog.AsOf) =>
            LifecycleAnnotator.ForDeployment(Catalog, new EvaluationOptions(Date(asOf)), Deployment(model!, version, type));

        private static string Replacements(LifecycleAnnotation a) => string.Join(", ", a.Replacement.Select(r => r.ToString()));

        [Fact]
        public void A_model_id_takes_the_soonest_retirement_among_versions_not_yet_retired()
        {
            // alpha 1 retired on 2026-03-01; 2 retires 2026-09-01, 3 on 2026-12-01, 4 has no date.
            LifecycleAnnotation a = ForId("alpha");

            Assert.Equal("alpha", a.Model);
            Assert.Null(a.Version);
            Assert.Equal(Date("2026-09-01"), a.RetirementDate);
            Assert.Equal(92, a.DaysUntilRetirement);
            Assert.False(a.RetirementDateIsTentative);
        }

        [Fact]
        public void As_versions_retire_the_label_moves_to_the_next_one_and_an_undated_live_version_beats_a_retired_one()
        {
            Assert.Equal(Date("2026-12-01"), ForId("alpha", "2026-10-01").RetirementDate);

            LifecycleAnnotation allDatedGone = ForId("alpha", "2027-01-15");
            Assert.Null(allDatedGone.RetirementDate);
            Assert.NotEqual("Retired", allDatedGone.Stage);
        }

        [Fact]
        public void Replacements_that_have_retired_themselves_are_not_recommended()
        {
            // alpha 2 names gone (retired 2026-01-01) and beta.
            Assert.Equal("beta", Replacements(ForId("alpha")));
        }

        [Fact]
        public void When_every_version_has_retired_the_last_one_to_retire_speaks()
        {
            LifecycleAnnotation a = ForId("history");

            Assert.Equal("Retired", a.Stage);
            Assert.Equal(Date("2025-06-01"), a.RetirementDate);
            Assert.Equal(-365, a.DaysUntilRetirement);
            Assert.Equal("beta", Replacements(a));
        }

        [Fact]
        public void A_retired_stage_without_a_date_is_still_retired()
        {
            LifecycleAnnotation a = ForId("ended");

            Assert.Equal("Retired", a.Stage);
            Assert.Null(a.RetirementDate);
            Assert.Null(a.DaysUntilRetirement);
        }

        [Fact]
        public void A_not_before_floor_ranks_after_a_scheduled_date_but_is_reported_when_it_is_all_there_is()
        {
            Assert.Equal(Date("2026-08-01"), ForId("floor").RetirementDate);

            LifecycleAnnotation only = ForId("onlyfloor");
            Assert.Equal(Date("2026-07-01"), only.RetirementDate);
            Assert.True(only.RetirementDateIsTentative);
            Assert.True(ForId("vague").RetirementDateIsTentative, "no earlier than");
        }

        [Fact]
        public void An_id_the_catalog_does_not_know_keeps_its_name_and_has_no_lifecycle()
        {
            LifecycleAnnotation a = ForId("my-own-model");

            Assert.Equal("my-own-model", a.Model);
            Assert.Null(a.Stage);
            Assert.Null(a.RetirementDate);
            Assert.Empty(a.Replacement);
            Assert.Null(ForId("gov-only").RetirementDate);
            Assert.Equal(Date("2026-07-01"), ForId("gov-only", cloud: CatalogCloud.AzureUSGovernment).RetirementDate);
        }

        [Fact]
        public void A_deployment_gets_its_own_version_and_the_date_for_its_deployment_type()
        {
            LifecycleAnnotation standard = ForDeployment("alpha", "2", "Standard");
            LifecycleAnnotation global = ForDeployment("alpha", "2", "GlobalStandard");
            LifecycleAnnotation three = ForDeployment("alpha", "3");

            Assert.Equal(("alpha", "2"), (standard.Model, standard.Version));
            Assert.Equal(Date("2026-09-01"), standard.RetirementDate);
            Assert.Equal(Date("2027-01-01"), global.RetirementDate);
            Assert.Equal(Date("2026-12-01"), three.RetirementDate);
        }

        [Fact]
        public void A_deployment_type_that_retires_later_is_deprecated_not_retired_meanwhile()
        {
            // split 1: Standard retired on 2026-03-31, ProvisionedManaged runs until 2026-10-01.
            LifecycleAnnotation ptu = ForDeployment("split", "1", "ProvisionedManaged");
            LifecycleAnnotation standard = ForDeployment("split", "1", "Standard");

            Assert.Equal("Deprecated", ptu.Stage);
            Assert.Equal(122, ptu.DaysUntilRetirement);
            Assert.Equal("Retired", standard.Stage);
            Assert.Equal("Retired", ForDeployment("split", "1", "ProvisionedManaged", "2026-10-02").Stage);
        }

        [Fact]
        public void A_version_the_catalog_does_not_know_gives_no_dates_rather_than_another_versions()
        {
            LifecycleAnnotation a = ForDeployment("alpha", "9");

            Assert.Equal(("alpha", "9"), (a.Model, a.Version));
            Assert.Null(a.Stage);
            Assert.Null(a.RetirementDate);
        }

        [Fact]
        public void A_deployment_without_a_version_is_labelled_like_the_model_id_and_one_without_a_model_is_unlabelled()
        {
            Assert.Equal(Date("2026-09-01"), ForDeployment("alpha", null).RetirementDate);

            LifecycleAnnotation none = ForDeployment(null, null);
            Assert.Null(none.Model);
            Assert.Null(none.Stage);
        }

        [Fact]
        public void A_fine_tuned_model_name_finds_its_base_models_fine_tuned_schedule()
        {
            Assert.Equal(Date("2027-10-01"), ForId("alpha.ft-0123abcd").RetirementDate);
            Assert.Equal(Date("2027-10-01"), ForDeployment("alpha.ft-0123abcd", "1").RetirementDate);
            Assert.Equal("alpha.ft-0123abcd", ForId("alpha.ft-0123abcd").Model);
        }

        [Fact]
        public void The_real_catalog_labels_gpt_4o_in_code_with_its_last_live_version_and_dall_e_3_as_retired()
        {
            LifecycleAnnotation gpt4o = LifecycleAnnotator.ForModelId(Embedded, new EvaluationOptions(Date("2026-06-01")), "gpt-4o");
            LifecycleAnnotation dalle = LifecycleAnnotator.ForModelId(Embedded, new EvaluationOptions(Date("2026-06-01")), "dall-e-3");

            // 2024-05-13 and 2024-08-06 retire (Standard) on 2026-03-31; 2024-11-20 on 2026-10-01.
            Assert.Equal(Date("2026-10-01"), gpt4o.RetirementDate);
            Assert.Equal("Retired", dalle.Stage);
            Assert.Contains(dalle.Replacement, r => r.Model == "gpt-image-1.5");
        }
    }
}
