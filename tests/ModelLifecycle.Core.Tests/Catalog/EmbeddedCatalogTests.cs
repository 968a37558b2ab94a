using System;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Tests.Support;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Catalog
{
    /// <summary>The embedded snapshot answers the seed models correctly (issue: catalog core).</summary>
    public class EmbeddedCatalogTests
    {
        private static CatalogEntry Get(string model, string? version, CatalogCloud cloud = CatalogCloud.AzureCloud, ModelKind kind = ModelKind.Base) =>
            Embedded.Find(cloud, model, version, kind) ?? throw new Xunit.Sdk.XunitException($"{model} {version} ({cloud}) not in the catalog");

        [Fact]
        public void Snapshot_is_dated_by_its_newest_source_and_large()
        {
            Assert.Equal(Date("2026-07-07"), Embedded.SnapshotDate);
            Assert.True(Embedded.Entries.Count > 250, $"only {Embedded.Entries.Count} entries");
        }

        [Fact]
        public void Notes_name_sources_by_page_and_date_not_by_internal_ids()
        {
            var ids = Embedded.Sources.Select(s => s.Name).ToList();
            Assert.Contains("tabbed-2026-04", ids);
            foreach (var e in Embedded.Entries)
            {
                foreach (var note in e.Notes)
                {
                    Assert.DoesNotContain("historical snapshot", note);
                    foreach (var wording in InternalWording)
                    {
                        Assert.False(note.IndexOf(wording, StringComparison.OrdinalIgnoreCase) >= 0, $"{e}: the note speaks of how the data was curated ('{wording}'): {note}");
                    }
                    Assert.False(ids.Any(id => note.Contains(id)), $"{e}: the note names a source by its id: {note}");
                    Assert.False(note.StartsWith("the ", StringComparison.Ordinal), $"{e}: the note does not start a sentence: {note}");
                }
            }

            var gpt4o = Get("gpt-4o", "2024-08-06").Notes;
            Assert.Contains(gpt4o, n => n.Contains("the model retirements page of 2025-12-16"));
        }

        /// <summary>How the reference notes spoke about their own reading: nothing a user can check or act on.</summary>
        private static readonly string[] InternalWording =
        {
            "not confirmed", "Confidence:", "stored statement", "this session", "third-party", "spybara", "not seen", "inferred from repo path", "(historical",
        };

        [Fact]
        public void Sources_give_a_page_a_user_can_open_and_no_remarks_about_it()
        {
            var sources = Embedded.Sources.Concat(Embedded.Entries.SelectMany(e => e.Sources)).ToList();
            foreach (var s in sources)
            {
                if (s.Url is string url)
                {
                    Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !url.Contains(" "), $"{s.Name}: not a plain https address: {url}");
                }

                foreach (var wording in InternalWording)
                {
                    Assert.False((s.Url ?? string.Empty).IndexOf(wording, StringComparison.OrdinalIgnoreCase) >= 0, $"{s.Name}: the address carries a remark ('{wording}'): {s.Url}");
                }
            }

            Assert.Contains(Get("dall-e-3", "3").Notes, n => n.Contains("retirement notice on Microsoft Learn's DALL-E pages (as of 2026-03-18)"));
        }

        [Theory]
        [InlineData("3")]
        [InlineData("3.0")]
        public void Dalle3_retired_with_both_replacements_in_docs_and_ARM_spelling(string version)
        {
            var e = Get("dall-e-3", version);
            Assert.Equal(Date("2026-03-04"), e.RetirementDate);
            Assert.Equal(LifecycleStage.Retired, e.Stage);
            // The callout's two, then gpt-image-1-mini from OpenAI's deprecations page (catalog/curation.json).
            Assert.Equal(new[] { "gpt-image-1", "gpt-image-1.5", "gpt-image-1-mini" }, e.Replacements.Select(r => r.Model));
            Assert.Contains(e.Sources, s => s.Name == "openai-deprecations" && s.Fields.Contains("replacements"));
            Assert.Contains(e.Notes, n => n.Contains("gpt-image-1-mini"));
            Assert.Null(e.AutoUpgrade);
        }

        [Fact]
        public void A_dated_upgrade_whose_target_is_the_replacement_column_says_so()
        {
            // The table row gives "auto-upgrades scheduled to start on 2026-03-09" and a replacement, no target version.
            Assert.True(Get("gpt-4o", "2024-08-06").AutoUpgrade!.TargetFromReplacement);
            Assert.True(Get("gpt-4o-mini", "2024-07-18").AutoUpgrade!.TargetFromReplacement);
        }

        [Fact]
        public void Old_docs_spelling_dalle3_finds_the_same_entry()
        {
            Assert.Same(Get("dall-e-3", "3"), Embedded.Find(CatalogCloud.AzureCloud, "dalle-3", "3"));
        }

        [Theory]
        [InlineData("gpt-4o", "2024-05-13", "gpt-5.1")]
        [InlineData("gpt-4o", "2024-08-06", "gpt-5.1")]
        [InlineData("gpt-4o-mini", "2024-07-18", "gpt-4.1-mini")]
        public void Dates_differ_by_deployment_type_with_a_Standard_auto_upgrade(string model, string version, string replacement)
        {
            var e = Get(model, version);
            Assert.Equal(Date("2026-03-31"), e.RetirementDateFor("Standard"));
            foreach (var type in new[] { "GlobalStandard", "DataZoneStandard", "ProvisionedManaged", "GlobalProvisionedManaged", "DataZoneProvisionedManaged" })
            {
                Assert.Equal(Date("2026-10-01"), e.RetirementDateFor(type));
            }

            Assert.Equal(Date("2026-03-31"), e.EarliestRetirementDate);
            Assert.Equal(Date("2026-10-01"), e.RetirementDate);
            Assert.Equal(replacement, e.Replacements.Single().Model);
            Assert.Equal(replacement, e.AutoUpgrade!.Target.Model);
            Assert.Equal(Date("2026-03-09"), e.AutoUpgrade.StartDate);
            Assert.Equal(new[] { "Standard" }, e.AutoUpgrade.AppliesToDeploymentTypes);
            Assert.Contains(e.Notes, n => n.Contains("2026-10-01 for every type"));
        }

        [Fact]
        public void Gpt4o_2024_11_20_has_one_date_and_2024_08_06_is_the_default()
        {
            var e = Get("gpt-4o", "2024-11-20");
            Assert.Equal(Date("2026-10-01"), e.RetirementDate);
            Assert.Empty(e.RetirementByDeploymentType);
            Assert.Equal(Date("2025-11-20"), e.DeprecationDate);
            Assert.True(Get("gpt-4o", "2024-08-06").IsDefaultVersion);
            Assert.False(e.IsDefaultVersion);
        }

        [Theory]
        [InlineData("gpt-4.1")]
        [InlineData("gpt-4.1-mini")]
        [InlineData("gpt-4.1-nano")]
        public void Gpt41_family_retires_2026_10_14(string model)
        {
            var e = Get(model, "2025-04-14");
            Assert.Equal(Date("2026-10-14"), e.RetirementDate);
            Assert.Equal(LifecycleStage.Deprecated, e.Stage);
        }

        [Fact]
        public void O1_keeps_o3_from_the_older_table_and_notes_the_other_date()
        {
            var e = Get("o1", "2024-12-17");
            Assert.Equal(Date("2026-09-16"), e.RetirementDate);
            Assert.Equal("o3", e.Replacements.Single().Model);
            Assert.Contains(e.Notes, n => n.Contains("2026-07-15"));
            Assert.Contains(e.Sources, s => s.Name == "schedule-2026-07" && s.Fields.Contains("retirementDate"));
            Assert.Contains(e.Sources, s => s.Name == "tabbed-2026-04" && s.Fields.Contains("replacements"));
        }

        [Fact]
        public void O3mini_is_replaced_by_o4mini()
        {
            var e = Get("o3-mini", "2025-01-31");
            Assert.Equal("o4-mini", e.Replacements.Single().Model);
            Assert.Equal(Date("2026-10-01"), e.RetirementDate);
        }

        [Fact]
        public void Dalle2_on_the_OpenAI_platform_shuts_down_2026_05_12()
        {
            var e = Get("dall-e-2", null, CatalogCloud.OpenAI);
            Assert.Equal(Date("2026-05-12"), e.RetirementDate);
            Assert.Equal(new[] { "gpt-image-1", "gpt-image-1-mini" }, e.Replacements.Select(r => r.Model));
        }

        [Fact]
        public void Azure_Government_is_kept_apart()
        {
            var gov = Get("gpt-4o", "2024-11-20", CatalogCloud.AzureUSGovernment);
            var pub = Get("gpt-4o", "2024-11-20");
            Assert.Equal(Date("2027-04-14"), gov.RetirementDate);
            Assert.Equal("gpt-4.1", gov.Replacements.Single().Model);
            Assert.Equal(Date("2026-10-01"), pub.RetirementDate);
        }

        [Fact]
        public void Fine_tuned_models_have_their_own_deployment_retirement()
        {
            var ft = Get("gpt-4o", "2024-08-06", kind: ModelKind.FineTuned);
            Assert.Equal(Date("2027-10-01"), ft.RetirementDate);
            Assert.Equal(Date("2027-04-01"), ft.TrainingRetirementDate);
        }

        [Fact]
        public void Every_entry_says_where_it_came_from()
        {
            foreach (var e in Embedded.Entries)
            {
                Assert.NotEmpty(e.Sources);
                if (e.Cloud != CatalogCloud.OpenAI)
                {
                    Assert.All(e.Sources.Where(s => s.Name != "openai-deprecations"), s => Assert.NotNull(s.Url));
                }
            }

            Assert.All(Embedded.Sources.Where(s => s.Name.Contains("20")), s => Assert.Matches("^[0-9a-f]{40}$", s.Commit));
        }
    }
}
