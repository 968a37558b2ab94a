using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Migration;
using ModelLifecycle.Core.Policy;
using ModelLifecycle.Core.References;
using ModelLifecycle.Core.Reporting;
using ModelLifecycle.Core.Tests.References;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Catalog
{
    /// <summary>Staleness belongs to the data an answer used, not to the newest file laid over the catalog.</summary>
    public class DataAgeTests
    {
        // A small user file, newer than the embedded snapshot (2026-07-07), that speaks for o1 alone.
        private static LifecycleCatalog WithSmallNewFile() =>
            Embedded.WithOverlay(FromEntries("[ { \"model\": \"o1\", \"version\": \"2024-12-17\", \"retirementDate\": \"2027-01-31\" } ]", "2026-11-01"));

        [Fact]
        public void Each_entry_carries_the_date_of_the_data_it_came_from()
        {
            var merged = WithSmallNewFile();
            Assert.Equal(Date("2026-11-01"), merged.Find(CatalogCloud.AzureCloud, "o1", "2024-12-17")!.DataDate);
            Assert.Equal(Date("2026-07-07"), merged.Find(CatalogCloud.AzureCloud, "gpt-4o", "2024-08-06")!.DataDate);
            Assert.Equal(Date("2026-07-07"), merged.OldestDataDate);
        }

        [Fact]
        public void A_small_newer_file_does_not_silence_the_warning_for_the_rest_of_the_catalog()
        {
            var merged = WithSmallNewFile();
            Assert.Equal(Date("2026-11-01"), merged.SnapshotDate);

            var warning = new DataAgeCheck(Date("2026-11-22")).CheckOldest(merged.Entries);

            Assert.NotNull(warning);
            Assert.Contains("2026-07-07", warning);
        }

        [Fact]
        public void The_warning_is_decided_from_the_entries_an_answer_used_once_per_data_date()
        {
            var merged = WithSmallNewFile();
            var ages = new DataAgeCheck(Date("2026-11-22"));

            Assert.Null(ages.Check(merged.Find(CatalogCloud.AzureCloud, "o1", "2024-12-17")));
            var first = ages.Check(merged.Find(CatalogCloud.AzureCloud, "gpt-4o", "2024-08-06"));
            Assert.NotNull(first);
            Assert.Contains("gpt-4o 2024-08-06", first);
            Assert.Contains("2026-07-07", first);
            Assert.Contains("138 days", first);
            Assert.Null(ages.Check(merged.Find(CatalogCloud.AzureCloud, "o3-mini", "2025-01-31")));
        }

        [Fact]
        public void Retirement_records_carry_their_data_date_for_the_same_decision()
        {
            var merged = WithSmallNewFile();
            var filter = new RetirementFilter { Names = new[] { "o1" }, Version = "2024-12-17", AsOf = Date("2026-11-22") };
            var record = RetirementQuery.Find(merged, filter).Single();

            Assert.Equal(Date("2026-11-01"), record.DataDate);
            Assert.Null(new DataAgeCheck(Date("2026-11-22")).Check(record));
            var old = RetirementQuery.Find(Embedded, filter).Single();
            Assert.NotNull(new DataAgeCheck(Date("2026-11-22")).Check(old));
        }

        [Fact]
        public void Offline_assessments_warn_only_when_a_deployment_was_judged_on_stale_data()
        {
            var merged = WithSmallNewFile();
            var options = new EvaluationOptions(Date("2026-11-22"));

            var fresh = new RecordingSink();
            Assert.Single(new OfflineAssessor(merged, options).Assess(new[] { InputItem.ForDeployment(Deployment("o1", "2024-12-17")) }, fresh).ToList());
            Assert.Empty(fresh.Warnings);

            var stale = new RecordingSink();
            var both = new[] { InputItem.ForDeployment(Deployment("o1", "2024-12-17")), InputItem.ForDeployment(Deployment("gpt-4o", "2024-08-06", name: "a")), InputItem.ForDeployment(Deployment("gpt-4o", "2024-11-20", name: "b")) };
            Assert.Equal(3, new OfflineAssessor(merged, options).Assess(both, stale).Count());
            Assert.Contains("2026-07-07", Assert.Single(stale.Warnings));
        }

        // A newer file that speaks for both ends of a migration: o1 to o3-mini.
        private static LifecycleCatalog WithNewFileForBothEnds() =>
            Embedded.WithOverlay(FromEntries(
                "[ { \"model\": \"o1\", \"version\": \"2024-12-17\", \"retirementDate\": \"2027-01-31\" }, { \"model\": \"o3-mini\", \"version\": \"2025-01-31\", \"retirementDate\": \"2027-08-01\" } ]",
                "2026-11-01"));

        private static async Task<List<string>> PlanWarnings(LifecycleCatalog catalog, string targetModel, string targetVersion)
        {
            var sink = new RecordingSink();
            var source = Deployment("o1", "2024-12-17", "GlobalStandard", name: "reasoning-prod");
            source.SubscriptionId = "00000000-0000-0000-0000-000000000001";
            source.ResourceGroupName = "rg";
            source.AccountName = "acct";
            var plans = await new MigrationPreflight(null, catalog, sink).PlanAllAsync(
                DeploymentSelection.Of(new[] { InputItem.ForDeployment(source) }, null),
                null,
                d => new MigrationRequest(d, Date("2026-11-22")) { TargetModel = targetModel, TargetVersion = targetVersion, Offline = true },
                _ => { },
                CancellationToken.None);
            Assert.Single(plans);
            return sink.Warnings;
        }

        [Fact]
        public async Task A_migration_plan_warns_only_when_its_source_or_target_entry_is_stale()
        {
            Assert.Empty(await PlanWarnings(WithNewFileForBothEnds(), "o3-mini", "2025-01-31"));

            var warning = Assert.Single(await PlanWarnings(WithNewFileForBothEnds(), "gpt-4.1", "2025-04-14"));
            Assert.Contains("gpt-4.1 2025-04-14", warning);
            Assert.Contains("2026-07-07", warning);
        }

        private static List<string> ReferenceWarnings(LifecycleCatalog catalog, params Deployment[] deployments)
        {
            using var tree = new TempTree();
            tree.Write("app.py", string.Join("\n", deployments.Select(d => "client.chat(deployment='" + d.Name + "')")) + "\n");
            var request = new ModelReferenceRequest { AsOf = Date("2026-11-22") };
            foreach (var d in deployments)
            {
                request.Deployments.Add(d);
            }

            var sink = new RecordingSink();
            var options = new ReferenceScanOptions { Paths = new List<string> { tree.Root } };
            Assert.Equal(deployments.Length, ModelReferenceFinder.Find(catalog, request, options, sink).Count());
            return sink.Warnings;
        }

        [Fact]
        public void References_warn_only_when_the_model_they_name_was_labelled_from_stale_data()
        {
            Assert.Empty(ReferenceWarnings(WithSmallNewFile(), Deployment("o1", "2024-12-17", name: "reasoning-prod")));

            var warning = Assert.Single(ReferenceWarnings(
                WithSmallNewFile(),
                Deployment("o1", "2024-12-17", name: "reasoning-prod"),
                Deployment("gpt-4o", "2024-08-06", name: "chat-prod-a"),
                Deployment("gpt-4o", "2024-11-20", name: "chat-prod-b")));
            Assert.Contains("2026-07-07", warning);
        }

        private static UpgradePolicyAssessment Assessed(string model, string version) =>
            new UpgradePolicyAssessment { DeploymentName = model, Model = model, Version = version, AsOf = Date("2026-11-22") };

        [Fact]
        public void A_report_warns_only_when_a_row_stands_on_stale_data()
        {
            var fresh = new ReportBuilder(WithSmallNewFile());
            fresh.Add(Assessed("o1", "2024-12-17"));
            Assert.Null(fresh.Build(null, null, DateTimeOffset.UtcNow).StalenessWarning);

            var mixed = new ReportBuilder(WithSmallNewFile());
            mixed.Add(Assessed("o1", "2024-12-17"));
            mixed.Add(Assessed("gpt-4o", "2024-08-06"));
            var warning = mixed.Build(null, null, DateTimeOffset.UtcNow).StalenessWarning;
            Assert.NotNull(warning);
            Assert.Contains("gpt-4o 2024-08-06", warning);
            Assert.Contains("2026-07-07", warning);
        }

        [Fact]
        public void The_offline_warning_names_the_version_as_the_deployment_spells_it()
        {
            // The catalog writes dall-e-3's version "3", ARM and the sample inventory "3.0"; the Model column shows "3.0".
            var sink = new RecordingSink();
            new OfflineAssessor(Embedded, new EvaluationOptions(Date("2026-11-22"))).Assess(new[] { InputItem.ForDeployment(Deployment("dall-e-3", "3.0")) }, sink).ToList();

            var warning = Assert.Single(sink.Warnings);
            Assert.Contains("dall-e-3 3.0 (", warning);
        }
    }
}
