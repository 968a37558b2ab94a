using System.Linq;
using ModelLifecycle.Core.Migration;
using Xunit;
using static ModelLifecycle.Core.Tests.Migration.MigrationFixture;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>Every preflight check of Invoke-ModelMigration's plan (CMDLETS.md), Pass, Warn, Fail and Skipped.</summary>
    public class MigrationPlannerTests
    {
        private static MigrationCheck Check(MigrationPlan plan, string name) => plan.Check(name) ?? throw new Xunit.Sdk.XunitException("no check " + name);

        // ---- shape ----

        [Fact]
        public void A_plan_lists_every_named_check_once_in_order()
        {
            var src = Source("m", "1");
            var plan = Plan(Request(src), Live(src));
            Assert.Equal(MigrationCheckNames.All, plan.Checks.Select(c => c.Name).ToArray());
            Assert.Equal(new[] { "SourceFound", "TargetResolved", "ModeAllowed", "TargetOffered", "TargetLifecycle", "Quota", "NameAvailable", "LimitedAccess" }, MigrationCheckNames.All);
            Assert.All(plan.Checks, c => Assert.False(string.IsNullOrWhiteSpace(c.Detail)));
            Assert.Equal("acct", plan.AccountName);
            Assert.Equal("rg", plan.ResourceGroupName);
            Assert.Equal("westus", plan.Location);
            Assert.Equal("dep", plan.SourceDeployment);
            Assert.Equal("m", plan.SourceModel);
            Assert.Equal("1", plan.SourceVersion);
            Assert.Equal("Standard", plan.DeploymentType);
            Assert.Equal(20, plan.Capacity);
            Assert.StartsWith("SourceFound=Pass; TargetResolved=Pass", plan.Checks.ToString());
        }

        [Fact]
        public void Ready_means_no_check_failed_and_warnings_do_not_block_it()
        {
            var src = Source("m", "1");
            Assert.True(Plan(Request(src), Live(src)).Ready);

            var preview = Plan(Request(src, "pre"), Offline());
            Assert.Equal(MigrationCheckStatus.Warn, Check(preview, "TargetLifecycle").StatusValue);
            Assert.True(preview.Ready);

            var p = Plan(new MigrationRequest(src, Date(AsOf)) { Capacity = 50 }, Live(src, usages: Usages(mUsed: 90, limit: 100)));
            Assert.Equal(MigrationCheckStatus.Fail, Check(p, "Quota").StatusValue);
            Assert.False(p.Ready);
        }

        [Fact]
        public void Size_capacity_and_upgrade_option_default_to_the_sources_and_can_be_overridden()
        {
            var src = Source("m", "1");
            src.UpgradeOption = null;
            var plan = Plan(Request(src), Offline());
            Assert.Equal("OnceNewDefaultVersionAvailable", plan.UpgradeOption);
            Assert.Equal(20, plan.Capacity);

            var over = Plan(new MigrationRequest(src, Date(AsOf)) { TargetModel = "next", SkuName = "GlobalStandard", Capacity = 5, UpgradeOption = "noautoupgrade" }, Offline());
            Assert.Equal("GlobalStandard", over.DeploymentType);
            Assert.Equal(5, over.Capacity);
            Assert.Equal("NoAutoUpgrade", over.UpgradeOption);
        }

        // ---- SourceFound ----

        [Fact]
        public void SourceFound_passes_when_listed_and_Succeeded()
        {
            var src = Source("m", "1");
            var c = Check(Plan(Request(src), Live(src)), "SourceFound");
            Assert.Equal(MigrationCheckStatus.Pass, c.StatusValue);
            Assert.Contains("m 1", c.Detail);
        }

        [Fact]
        public void SourceFound_fails_when_the_account_has_no_such_deployment()
        {
            var src = Source("m", "1");
            var ctx = Live(src);
            ctx.AccountDeployments = new[] { Other("another", "m", "1") };
            var c = Check(Plan(Request(src), ctx), "SourceFound");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("no deployment 'dep'", c.Detail);
        }

        [Fact]
        public void A_rerun_after_the_source_was_removed_finds_the_migration_finished()
        {
            var src = Source("m", "1", name: "m-prod");
            var ctx = Live(src);
            ctx.AccountDeployments = new[] { Other("next-prod", "next", "2025-06-01") };
            var plan = Plan(Request(src, "next"), ctx);
            var c = Check(plan, "SourceFound");
            Assert.Equal(MigrationCheckStatus.Pass, c.StatusValue);
            Assert.Contains("previous run finished", c.Detail);
            Assert.Equal("next-prod", plan.TargetDeployment);

            // Gone, with nothing of the target in its place: still a failure.
            ctx.AccountDeployments = new[] { Other("next-prod", "whisper", "001") };
            Assert.Equal(MigrationCheckStatus.Fail, Check(Plan(Request(src, "next"), ctx), "SourceFound").StatusValue);
        }

        [Theory]
        [InlineData("Updating")]
        [InlineData("Creating")]
        [InlineData("Failed")]
        public void SourceFound_fails_while_the_source_is_not_Succeeded(string state)
        {
            var src = Source("m", "1");
            var ctx = Live(src);
            ctx.AccountDeployments = new[] { Other("dep", "m", "1", state) };
            var plan = Plan(Request(src), ctx);
            var c = Check(plan, "SourceFound");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("provisioningState " + state, c.Detail);
            Assert.False(plan.Ready);
        }

        [Fact]
        public void Offline_skips_every_check_that_needs_Azure_and_says_so()
        {
            var src = Source("m", "1");
            var request = Request(src, "next");
            request.Offline = true;
            // Even with live data at hand, -Offline means none of it is used.
            var plan = Plan(request, Live(src));
            foreach (var name in new[] { "SourceFound", "TargetOffered", "Quota", "NameAvailable" })
            {
                var c = Check(plan, name);
                Assert.Equal(MigrationCheckStatus.Skipped, c.StatusValue);
                Assert.Contains("offline", c.Detail);
            }

            Assert.Equal(MigrationCheckStatus.Pass, Check(plan, "TargetResolved").StatusValue);
            Assert.Equal(MigrationCheckStatus.Pass, Check(plan, "TargetLifecycle").StatusValue);
            Assert.True(plan.Ready);
        }

        // ---- TargetResolved and the default-target rule ----

        [Fact]
        public void The_assessments_upgrade_target_comes_first()
        {
            var src = Source("m", "1");
            var plan = Plan(Request(src), Offline());
            Assert.Equal("m", plan.TargetModel);
            Assert.Equal("2", plan.TargetVersion);
            Assert.Contains("upgrade target", plan.TargetReason);
            Assert.Equal(MigrationCheckStatus.Pass, Check(plan, "TargetResolved").StatusValue);
        }

        [Fact]
        public void A_replacement_that_has_itself_retired_is_passed_over_for_its_own_replacement()
        {
            var plan = Plan(Request(Source("old", "1")), Offline());
            Assert.Equal("next", plan.TargetModel);
            Assert.Equal("2025-06-01", plan.TargetVersion);
            Assert.Contains("gone retired on 2026-06-01", plan.TargetReason);
            Assert.Contains("next is the recorded replacement of old 1", plan.TargetReason);
        }

        [Fact]
        public void A_replacement_retiring_within_WarningDays_is_passed_over_too()
        {
            var plan = Plan(Request(Source("src2", "1")), Offline());
            Assert.Equal("later", plan.TargetModel);
            Assert.Contains("soon retires on 2026-12-15, within 90 days", plan.TargetReason);

            // With a shorter horizon "soon" is good enough.
            var shortHorizon = Request(Source("src2", "1"));
            shortHorizon.WarningDays = 30;
            Assert.Equal("soon", Plan(shortHorizon, Offline()).TargetModel);
        }

        [Fact]
        public void When_the_chain_ends_in_a_soon_retiring_model_it_is_chosen_and_the_lifecycle_check_warns()
        {
            var plan = Plan(Request(Source("src3", "1")), Offline());
            Assert.Equal("last", plan.TargetModel);
            Assert.Contains("best there is", plan.TargetReason);
            var c = Check(plan, "TargetLifecycle");
            Assert.Equal(MigrationCheckStatus.Warn, c.StatusValue);
            Assert.Contains("retires on 2026-12-15, in 44 days", c.Detail);
        }

        [Theory]
        [InlineData("lonely", "no upgrade target or replacement is recorded")]
        [InlineData("src4", "has retired")]
        [InlineData("unheard-of", "is not in the AzureCloud catalog")]
        public void No_default_target_fails_and_says_pass_TargetModel(string model, string why)
        {
            var plan = Plan(Request(Source(model, "1")), Offline());
            var c = Check(plan, "TargetResolved");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("Pass -TargetModel", c.Detail);
            Assert.Contains(why, c.Detail);
            Assert.Null(plan.TargetModel);
            Assert.False(plan.Ready);
            Assert.All(new[] { "TargetOffered", "TargetLifecycle", "Quota", "NameAvailable", "LimitedAccess" }, n => Assert.Equal(MigrationCheckStatus.Skipped, Check(plan, n).StatusValue));
        }

        [Fact]
        public void TargetModel_wins_over_the_default()
        {
            var plan = Plan(Request(Source("m", "1"), "later"), Offline());
            Assert.Equal("later", plan.TargetModel);
            Assert.Contains("-TargetModel", plan.TargetReason);
        }

        [Fact]
        public void A_target_with_no_known_version_warns()
        {
            var plan = Plan(Request(Source("m", "1"), "brand-new"), Offline());
            Assert.Null(plan.TargetVersion);
            var c = Check(plan, "TargetResolved");
            Assert.Equal(MigrationCheckStatus.Warn, c.StatusValue);
            Assert.Contains("-TargetVersion", c.Detail);
        }

        [Fact]
        public void On_the_embedded_catalog_dalle3_goes_past_the_retired_and_the_soon_retiring_to_gpt_image_1_mini()
        {
            // gpt-image-1 retired on 2026-10-23; gpt-image-1.5 retires on 2026-12-16, within 90 days;
            // gpt-image-1-mini (2027-04-07) is the replacement that lasts (issue 10 item 14).
            var src = Source("dall-e-3", "3.0");
            var plan = Plan(Request(src, asOf: "2026-11-30"), Offline(Embedded));
            Assert.Equal("gpt-image-1-mini", plan.TargetModel);
            Assert.Equal("2025-10-06", plan.TargetVersion);
            Assert.Contains("gpt-image-1 retired on 2026-10-23", plan.TargetReason);
            Assert.Contains("gpt-image-1.5 retires on 2026-12-16, within 90 days", plan.TargetReason);
            Assert.Equal(MigrationMode.SideBySide, plan.ModeValue);
            // gpt-image-1-mini lasts, but is deprecated since 2026-10-06: the lifecycle check says so.
            var lifecycle = Check(plan, "TargetLifecycle");
            Assert.Equal(MigrationCheckStatus.Warn, lifecycle.StatusValue);
            Assert.Contains("is deprecated", lifecycle.Detail);
            Assert.DoesNotContain("itself retires", lifecycle.Detail);
            Assert.Equal(MigrationCheckStatus.Pass, Check(plan, "LimitedAccess").StatusValue);
            Assert.Contains(plan.ParameterChanges, c => c.Parameter == "size" && c.From == "1792x1024" && c.To == "1536x1024");
        }

        // ---- default version ----

        [Fact]
        public void The_version_is_the_regions_default_for_the_sku()
        {
            var src = Source("m", "1");
            var plan = Plan(Request(src, "next"), Live(src));
            // 2025-09-01 is the default only for GlobalStandard; for Standard the catalog's newest GA wins.
            Assert.Equal("2025-06-01", plan.TargetVersion);
            Assert.Contains("newest generally available", plan.TargetReason);

            var gs = Source("m", "1", "GlobalStandard");
            var plan2 = Plan(Request(gs, "next"), Live(gs));
            Assert.Equal("2025-09-01", plan2.TargetVersion);
            Assert.Contains("default version of next for GlobalStandard", plan2.TargetReason);
        }

        [Fact]
        public void Offline_the_version_is_the_catalogs_newest_generally_available_one()
        {
            var plan = Plan(Request(Source("m", "1"), "next"), Offline());
            Assert.Equal("2025-06-01", plan.TargetVersion); // 2025-09-01 is a preview
        }

        [Fact]
        public void TargetVersion_wins()
        {
            var r = Request(Source("m", "1"), "next");
            r.TargetVersion = "2025-01-01";
            var plan = Plan(r, Offline());
            Assert.Equal("2025-01-01", plan.TargetVersion);
            Assert.Contains("-TargetVersion", plan.TargetReason);
        }

        // ---- ModeAllowed and the Auto rule ----

        [Fact]
        public void Auto_same_model_is_InPlace_and_keeps_the_name()
        {
            var src = Source("m", "1");
            var plan = Plan(Request(src), Live(src));
            Assert.Equal(MigrationMode.InPlace, plan.ModeValue);
            Assert.Equal("dep", plan.TargetDeployment);
            Assert.Equal(MigrationCheckStatus.Pass, Check(plan, "ModeAllowed").StatusValue);
            Assert.Contains("Auto chose InPlace", Check(plan, "ModeAllowed").Detail);
        }

        [Theory]
        [InlineData("Standard")]
        [InlineData("GlobalStandard")]
        [InlineData("DataZoneStandard")]
        [InlineData("GlobalBatch")]
        [InlineData("ProvisionedManaged-ish")]
        public void Auto_another_model_is_SideBySide(string sku)
        {
            var plan = Plan(Request(Source("m", "1", sku), "next"), Offline());
            Assert.Equal(MigrationMode.SideBySide, plan.ModeValue);
            Assert.NotEqual("dep", plan.TargetDeployment);
            Assert.Equal(MigrationCheckStatus.Pass, Check(plan, "ModeAllowed").StatusValue);
        }

        [Theory]
        [InlineData("ProvisionedManaged")]
        [InlineData("GlobalProvisionedManaged")]
        [InlineData("DataZoneProvisionedManaged")]
        [InlineData("globalprovisionedmanaged")]
        public void Auto_another_model_on_a_provisioned_type_changes_in_place(string sku)
        {
            var plan = Plan(Request(Source("m", "1", sku), "next"), Offline());
            Assert.Equal(MigrationMode.InPlace, plan.ModeValue);
            Assert.Equal("dep", plan.TargetDeployment);
            var c = Check(plan, "ModeAllowed");
            Assert.Equal(MigrationCheckStatus.Pass, c.StatusValue);
            Assert.Contains("20-30 minutes", c.Detail);
        }

        [Fact]
        public void InPlace_of_another_family_on_a_non_provisioned_type_fails_as_ARM_would()
        {
            var plan = Plan(Request(Source("m", "1"), "next", MigrationMode.InPlace), Offline());
            var c = Check(plan, "ModeAllowed");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("CannotChangeDeploymentModel", c.Detail);
            Assert.False(plan.Ready);
        }

        [Fact]
        public void InPlace_refuses_a_new_name_or_another_sku()
        {
            var r = Request(Source("m", "1"), null, MigrationMode.InPlace);
            r.NewDeploymentName = "elsewhere";
            Assert.Contains("-NewDeploymentName applies to -Mode SideBySide", Check(Plan(r, Offline()), "ModeAllowed").Detail);

            var r2 = Request(Source("m", "1"), null, MigrationMode.InPlace);
            r2.SkuName = "GlobalStandard";
            var c = Check(Plan(r2, Offline()), "ModeAllowed");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("keeps the deployment type Standard", c.Detail);
        }

        [Fact]
        public void InPlace_with_a_capacity_change_says_it_is_a_second_write()
        {
            var r = Request(Source("m", "1"));
            r.Capacity = 30;
            Assert.Contains("second write", Check(Plan(r, Offline()), "ModeAllowed").Detail);
        }

        [Fact]
        public void SideBySide_can_be_asked_for_the_same_model()
        {
            var src = Source("m", "1");
            var plan = Plan(Request(src, null, MigrationMode.SideBySide), Live(src));
            Assert.Equal(MigrationMode.SideBySide, plan.ModeValue);
            Assert.Equal("dep-2", plan.TargetDeployment);
            Assert.Equal(MigrationCheckStatus.Pass, Check(plan, "NameAvailable").StatusValue);
        }

        // ---- TargetOffered ----

        [Fact]
        public void TargetOffered_passes_and_names_the_usage()
        {
            var src = Source("m", "1");
            var c = Check(Plan(Request(src), Live(src)), "TargetOffered");
            Assert.Equal(MigrationCheckStatus.Pass, c.StatusValue);
            Assert.Contains("OpenAI.Standard.m", c.Detail);
        }

        [Fact]
        public void TargetOffered_matches_the_apis_Provisioned_to_ProvisionedManaged()
        {
            var src = Source("m", "1", "ProvisionedManaged", 100);
            Assert.Equal(MigrationCheckStatus.Pass, Check(Plan(Request(src), Live(src)), "TargetOffered").StatusValue);
        }

        [Fact]
        public void TargetOffered_fails_for_a_model_the_location_does_not_list()
        {
            var src = Source("m", "1");
            var c = Check(Plan(Request(src, "later"), Live(src)), "TargetOffered");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("does not list later", c.Detail);
        }

        [Fact]
        public void TargetOffered_fails_for_a_version_the_location_does_not_list_and_names_those_it_does()
        {
            var src = Source("m", "1");
            var r = Request(src, "next");
            r.TargetVersion = "2024-01-01";
            var c = Check(Plan(r, Live(src)), "TargetOffered");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("2025-01-01, 2025-06-01, 2025-09-01", c.Detail);
        }

        [Fact]
        public void TargetOffered_fails_for_another_sku_and_names_the_skus_that_offer_it()
        {
            var src = Source("m", "1", "DataZoneStandard");
            var r = Request(src, "next");
            r.TargetVersion = "2025-01-01";
            var plan = Plan(r, Live(src));
            var c = Check(plan, "TargetOffered");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("with Standard, GlobalStandard, not DataZoneStandard", c.Detail);
            Assert.Equal(MigrationCheckStatus.Skipped, Check(plan, "Quota").StatusValue);
        }

        // ---- TargetLifecycle ----

        [Fact]
        public void TargetLifecycle_passes_for_a_GA_target_and_gives_its_date()
        {
            var c = Check(Plan(Request(Source("m", "1"), "later"), Offline()), "TargetLifecycle");
            Assert.Equal(MigrationCheckStatus.Pass, c.StatusValue);
            Assert.Contains("retires on 2029-01-01", c.Detail);
        }

        [Fact]
        public void TargetLifecycle_fails_for_a_retired_target()
        {
            var plan = Plan(Request(Source("m", "1"), "dead"), Offline());
            var c = Check(plan, "TargetLifecycle");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("retired on 2026-01-01", c.Detail);
            Assert.False(plan.Ready);
        }

        [Fact]
        public void TargetLifecycle_fails_when_the_live_Models_API_says_retired()
        {
            var src = Source("m", "1");
            var models = Models();
            models.Add(Model("later", "1", true, ("Standard", "OpenAI.Standard.later")));
            models.Last()["model"]!["lifecycleStatus"] = "Deprecated"; // the API's word for retired
            var c = Check(Plan(Request(src, "later"), Live(src, models: models)), "TargetLifecycle");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
        }

        [Theory]
        [InlineData("dep", "deprecated")]
        [InlineData("pre", "preview")]
        [InlineData("soon", "retires on 2026-12-15, in 44 days (within -WarningDays 90)")]
        [InlineData("mystery", "not in the AzureCloud catalog")]
        public void TargetLifecycle_warns(string target, string detail)
        {
            var c = Check(Plan(Request(Source("m", "1"), target), Offline()), "TargetLifecycle");
            Assert.Equal(MigrationCheckStatus.Warn, c.StatusValue);
            Assert.Contains(detail, c.Detail);
        }

        // ---- Quota ----

        [Fact]
        public void Quota_SideBySide_needs_the_whole_capacity_on_top_of_current_use()
        {
            var src = Source("m", "1");
            var r = Request(src, "next");
            r.TargetVersion = "2025-06-01";
            var pass = Check(Plan(r, Live(src, usages: Usages(nextUsed: 80))), "Quota");
            Assert.Equal(MigrationCheckStatus.Pass, pass.StatusValue);
            Assert.Contains("OpenAI.Standard.next: 80 in use + 20 for the target = 100 of a limit of 100", pass.Detail);

            var fail = Check(Plan(r, Live(src, usages: Usages(nextUsed: 81))), "Quota");
            Assert.Equal(MigrationCheckStatus.Fail, fail.StatusValue);
            Assert.Contains("= 101 of a limit of 100: 1 over", fail.Detail);
            Assert.Contains("at most 19", fail.Detail);
            Assert.Contains("https://aka.ms/oai/quotaincrease", fail.Detail);
        }

        [Fact]
        public void Quota_InPlace_counts_the_sources_capacity_as_freed_when_the_usage_name_is_the_same()
        {
            var src = Source("m", "1");
            var r = Request(src);
            r.Capacity = 30;
            // 100 in use (the source's 20 among them): 100 - 20 + 30 = 110 > 100 fails; 90 - 20 + 30 = 100 passes.
            var fail = Check(Plan(r, Live(src, usages: Usages(mUsed: 100))), "Quota");
            Assert.Equal(MigrationCheckStatus.Fail, fail.StatusValue);
            Assert.Contains("100 in use + 30 for the target - 20 the source frees = 110", fail.Detail);
            var pass = Check(Plan(r, Live(src, usages: Usages(mUsed: 90))), "Quota");
            Assert.Equal(MigrationCheckStatus.Pass, pass.StatusValue);
        }

        [Fact]
        public void Quota_InPlace_frees_nothing_when_the_usage_name_differs()
        {
            // A version change whose new version counts against another usage name than the source's.
            var src = Source("next", "2025-01-01");
            var r = Request(src, "next");
            r.TargetVersion = "2025-06-01";
            var models = Models();
            models[3]["model"]!["skus"]![0]!["usageName"] = "OpenAI.Standard.next-new";
            var usages = Usages(nextUsed: 90);
            usages.Add(Usage("OpenAI.Standard.next-new", 90, 100));
            var c = Check(Plan(r, Live(src, models: models, usages: usages)), "Quota");
            Assert.Equal(MigrationMode.InPlace, Plan(r, Live(src, models: models, usages: usages)).ModeValue);
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("counts against OpenAI.Standard.next, so it frees nothing here", c.Detail);
            Assert.Contains("= 110", c.Detail);
        }

        [Fact]
        public void Quota_provisioned_in_place_family_change_frees_the_shared_PTU_usage()
        {
            var src = Source("old", "1", "ProvisionedManaged", 100);
            var r = Request(src, "m");
            r.TargetVersion = "2";
            var plan = Plan(r, Live(src, usages: Usages()));
            Assert.Equal(MigrationMode.InPlace, plan.ModeValue);
            var c = Check(plan, "Quota");
            Assert.Equal(MigrationCheckStatus.Pass, c.StatusValue);
            Assert.Contains("OpenAI.Provisioned.Class1: 100 in use + 100 for the target - 100 the source frees = 100 of a limit of 300", c.Detail);
        }

        [Fact]
        public void Quota_warns_when_the_usages_have_no_row_for_the_usage_name()
        {
            var src = Source("m", "1");
            var usages = Usages();
            usages.RemoveAll(u => (string?)u["name"]!["value"] == "OpenAI.Standard.m");
            var c = Check(Plan(Request(src), Live(src, usages: usages)), "Quota");
            Assert.Equal(MigrationCheckStatus.Warn, c.StatusValue);
            Assert.Contains("no row for OpenAI.Standard.m", c.Detail);
        }

        [Fact]
        public void Quota_is_skipped_when_usages_were_not_read()
        {
            var src = Source("m", "1");
            var ctx = Live(src);
            ctx.Usages = null;
            var c = Check(Plan(Request(src), ctx), "Quota");
            Assert.Equal(MigrationCheckStatus.Skipped, c.StatusValue);
            Assert.Contains("not read from Azure", c.Detail);
        }

        // ---- NameAvailable and the default name ----

        [Fact]
        public void NameAvailable_passes_for_a_free_derived_name()
        {
            var src = Source("m", "1", name: "m-prod");
            var r = Request(src, "next");
            var plan = Plan(r, Live(src));
            Assert.Equal("next-prod", plan.TargetDeployment);
            Assert.Equal(MigrationCheckStatus.Pass, Check(plan, "NameAvailable").StatusValue);
        }

        [Fact]
        public void The_derived_name_steps_past_a_taken_name()
        {
            var src = Source("m", "1", name: "m-prod");
            var plan = Plan(Request(src, "next"), Live(src, others: new[] { Other("next-prod", "whisper", "001"), Other("NEXT-PROD-2", "whisper", "001") }));
            Assert.Equal("next-prod-3", plan.TargetDeployment);
            Assert.Equal(MigrationCheckStatus.Pass, Check(plan, "NameAvailable").StatusValue);
        }

        [Fact]
        public void A_name_taken_by_a_deployment_of_the_target_is_the_one_a_previous_run_made()
        {
            var src = Source("m", "1", name: "m-prod");
            var plan = Plan(Request(src, "next"), Live(src, others: Other("next-prod", "next", "2025-06-01")));
            Assert.Equal("next-prod", plan.TargetDeployment);
            var c = Check(plan, "NameAvailable");
            Assert.Equal(MigrationCheckStatus.Pass, c.StatusValue);
            Assert.Contains("resumes", c.Detail);
        }

        [Fact]
        public void NameAvailable_fails_for_a_given_name_that_is_taken()
        {
            var src = Source("m", "1");
            var r = Request(src, "next");
            r.NewDeploymentName = "busy";
            var c = Check(Plan(r, Live(src, others: Other("busy", "whisper", "001"))), "NameAvailable");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains("already has a deployment 'busy'", c.Detail);
        }

        [Theory]
        [InlineData("bad name", "' '")]
        [InlineData("x/y", "'/'")]
        [InlineData("dep", "other than the source's")]
        public void NameAvailable_fails_for_a_name_ARM_refuses(string name, string detail)
        {
            var r = Request(Source("m", "1"), "next");
            r.NewDeploymentName = name;
            var c = Check(Plan(r, Offline()), "NameAvailable");
            Assert.Equal(MigrationCheckStatus.Fail, c.StatusValue);
            Assert.Contains(detail, c.Detail);
        }

        [Fact]
        public void NameAvailable_fails_for_a_name_longer_than_64()
        {
            var r = Request(Source("m", "1"), "next");
            r.NewDeploymentName = new string('a', 65);
            Assert.Contains("at most 64", Check(Plan(r, Offline()), "NameAvailable").Detail);
        }

        [Fact]
        public void NameAvailable_offline_is_skipped_but_the_name_is_still_validated()
        {
            var plan = Plan(Request(Source("m", "1"), "next"), Offline());
            Assert.Equal("dep-next", plan.TargetDeployment);
            var c = Check(plan, "NameAvailable");
            Assert.Equal(MigrationCheckStatus.Skipped, c.StatusValue);
            Assert.Contains("is valid for ARM", c.Detail);
        }

        [Fact]
        public void NameAvailable_InPlace_keeps_the_name()
        {
            var src = Source("m", "1");
            var c = Check(Plan(Request(src), Live(src)), "NameAvailable");
            Assert.Equal(MigrationCheckStatus.Pass, c.StatusValue);
            Assert.Contains("keeps the name 'dep'", c.Detail);
        }

        // ---- LimitedAccess ----

        [Fact]
        public void LimitedAccess_warns_for_a_target_that_needs_registration()
        {
            var plan = Plan(Request(Source("m", "1"), "gpt-image-1.5"), Offline());
            var c = Check(plan, "LimitedAccess");
            Assert.Equal(MigrationCheckStatus.Warn, c.StatusValue);
            Assert.Contains("SpecialFeatureOrQuotaIdRequired", c.Detail);
            Assert.Contains("https://learn.microsoft.com/", c.Detail);
        }

        [Fact]
        public void LimitedAccess_passes_for_other_models_and_for_a_version_change_of_the_same_model()
        {
            Assert.Equal(MigrationCheckStatus.Pass, Check(Plan(Request(Source("m", "1"), "next"), Offline()), "LimitedAccess").StatusValue);
            var same = Check(Plan(Request(Source("gpt-image-1.5", "2025-04-15"), "gpt-image-1.5"), Offline()), "LimitedAccess");
            Assert.Equal(MigrationCheckStatus.Pass, same.StatusValue);
            Assert.Contains("already deploys it", same.Detail);
        }

        // ---- parameter changes in the plan ----

        [Fact]
        public void The_plan_carries_the_parameter_changes_of_the_pair()
        {
            var plan = Plan(Request(Source("dall-e-2", "2")), Offline());
            Assert.Equal("gpt-image-1-mini", plan.TargetModel);
            Assert.Contains(plan.ParameterChanges, c => c.Parameter == "size" && c.From == "512x512" && c.To == "1024x1024");
            Assert.Contains(plan.ParameterChanges, c => c.Parameter == "response_format");
            Assert.DoesNotContain("No parameter changes are recorded", plan.TargetReason);
        }

        [Fact]
        public void An_unknown_pair_has_no_changes_and_the_reason_says_so()
        {
            var plan = Plan(Request(Source("m", "1"), "next"), Offline());
            Assert.Empty(plan.ParameterChanges);
            Assert.Contains("No parameter changes are recorded for m -> next", plan.TargetReason);
        }

        [Fact]
        public void A_version_change_has_no_changes_and_no_note()
        {
            var plan = Plan(Request(Source("m", "1")), Offline());
            Assert.Empty(plan.ParameterChanges);
            Assert.DoesNotContain("No parameter changes", plan.TargetReason);
        }
    }
}
