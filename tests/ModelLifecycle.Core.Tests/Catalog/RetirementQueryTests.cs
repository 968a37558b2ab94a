using System;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Catalog
{
    public class RetirementQueryTests
    {
        private static ModelRetirement[] Query(Action<RetirementFilter> set, string asOf = "2026-11-22")
        {
            var f = new RetirementFilter { AsOf = Date(asOf) };
            set(f);
            return RetirementQuery.Find(Embedded, f).ToArray();
        }

        [Fact]
        public void Default_lists_what_is_not_retired_soonest_first()
        {
            var all = Query(_ => { });
            Assert.NotEmpty(all);
            Assert.DoesNotContain(all, r => r.Stage == "Retired");
            var dated = all.Where(r => r.RetirementDate is not null).Select(r => r.RetirementDate!.Value).ToList();
            Assert.Equal(dated.OrderBy(d => d), dated);
            Assert.All(all, r => Assert.Equal("AzureCloud", r.Cloud));
        }

        [Fact]
        public void Every_date_of_a_record_is_a_UTC_day_including_the_per_type_dates()
        {
            // A file's dates are read without a kind; the output makes them UTC days, so JSON carries one offset.
            var c = FromEntries("[ { \"model\": \"m\", \"version\": \"1\", \"deprecationDate\": \"2026-06-01\", \"retirementDate\": \"2027-06-01\", \"retirementByDeploymentType\": { \"Standard\": \"2027-03-01\" } } ]");
            var r = RetirementQuery.Find(c, new RetirementFilter { AsOf = Date("2026-11-22") }).Single();
            var dates = new[] { r.AsOf, r.DeprecationDate!.Value, r.RetirementDate!.Value }.Concat(r.RetirementByDeploymentType.Values).ToList();
            Assert.Equal(4, dates.Count);
            Assert.All(dates, d => Assert.Equal(DateTimeKind.Utc, d.Kind));
            Assert.Equal(Date("2027-03-01"), r.RetirementByDeploymentType["Standard"]);
        }

        [Fact]
        public void Naming_a_model_exactly_shows_it_even_when_retired()
        {
            var r = Query(f => f.Names = new[] { "dall-e-3" }).Single();
            Assert.Equal("Retired", r.Stage);
            Assert.Equal(-263, r.DaysUntilRetirement);
            Assert.Equal("gpt-image-1, gpt-image-1.5, gpt-image-1-mini", r.Replacement.ToString());
        }

        [Fact]
        public void A_fine_tuned_record_shows_when_training_retires()
        {
            // Issue 10 item 16.
            var rows = Query(f => { f.Names = new[] { "gpt-4o-mini" }; f.Version = "2024-07-18"; }, "2026-11-22");
            Assert.Equal(Date("2027-04-01"), rows.Single(r => r.Kind == "FineTuned").TrainingRetirementDate);
            Assert.Null(rows.Single(r => r.Kind == "Base").TrainingRetirementDate);
        }

        [Theory]
        [InlineData("gpt-3.5-turbo", CatalogCloud.AzureCloud, "gpt-35-turbo")]
        [InlineData("GPT-3.5-Turbo*", CatalogCloud.AzureCloud, "gpt-35-turbo")]
        [InlineData("gpt-35-turbo", CatalogCloud.OpenAI, "gpt-3.5-turbo")]
        public void The_openai_and_azure_spellings_name_the_same_model(string name, CatalogCloud cloud, string listedAs)
        {
            var filter = new RetirementFilter { Names = new[] { name }, Cloud = cloud, AsOf = Date("2026-11-22"), IncludeRetired = true };
            var found = RetirementQuery.Find(Embedded, filter).ToArray();
            Assert.Contains(found, r => r.Model == listedAs);
            Assert.Empty(RetirementQuery.NamesNotInCatalog(Embedded, filter));
            Assert.NotNull(Embedded.Find(cloud, name.TrimEnd('*'), "0125"));
        }

        [Fact]
        public void An_exact_name_not_in_the_clouds_catalog_is_one_named_error_and_a_wildcard_is_none()
        {
            var filter = new RetirementFilter { Names = new[] { "gpt-4o", "no-such-model", "nothing-like-this*" }, Cloud = CatalogCloud.AzureCloud };
            var error = Assert.Single(RetirementQuery.NamesNotInCatalog(Embedded, filter));
            Assert.Equal("ModelNotInCatalog", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
            Assert.Equal("no-such-model", error.Target);
            Assert.Equal($"No model named 'no-such-model' is in the AzureCloud catalog (snapshot {Embedded.SnapshotDate:yyyy-MM-dd}).", error.Summary);
            Assert.EndsWith(error.RecommendedAction!, error.Message);
            Assert.NotNull(error.RecommendedAction);
        }

        [Fact]
        public void Wildcards_match_and_hide_retired_unless_asked()
        {
            var open = Query(f => f.Names = new[] { "gpt-4o*" });
            Assert.All(open, r => Assert.StartsWith("gpt-4o", r.Model));
            Assert.DoesNotContain(open, r => r.Stage == "Retired");
            var withRetired = Query(f => { f.Names = new[] { "gpt-4o*" }; f.IncludeRetired = true; });
            Assert.Contains(withRetired, r => r.Model == "gpt-4o" && r.Version == "2024-08-06" && r.Stage == "Retired");
        }

        [Fact]
        public void RetiringWithinDays_and_RetiringBefore_bound_the_date()
        {
            var within = Query(f => f.RetiringWithinDays = 60, "2026-09-01");
            Assert.NotEmpty(within);
            Assert.All(within, r => Assert.InRange(r.RetirementDate!.Value, Date("2026-09-01"), Date("2026-10-31")));
            Assert.Contains(within, r => r.Model == "gpt-4.1" && r.Version == "2025-04-14");

            var before = Query(f => f.RetiringBefore = Date("2026-10-14"), "2026-09-01");
            Assert.DoesNotContain(before, r => r.Model == "gpt-4.1");
            Assert.Contains(before, r => r.Model == "o3-mini");
        }

        [Fact]
        public void A_version_retired_for_some_types_shows_its_next_retirement()
        {
            var may = Query(f => { f.Names = new[] { "gpt-4o-mini" }; f.Version = "2024-07-18"; }, "2026-05-01").First(r => r.Kind == "Base");
            Assert.Equal(Date("2026-10-01"), may.RetirementDate);
            Assert.Equal("Deprecated", may.Stage);
            var january = Query(f => { f.Names = new[] { "gpt-4o-mini" }; f.Version = "2024-07-18"; }, "2026-01-15").First(r => r.Kind == "Base");
            Assert.Equal(Date("2026-03-31"), january.RetirementDate);
            var after = Query(f => { f.Names = new[] { "gpt-4o-mini" }; f.Version = "2024-07-18"; }, "2026-11-22").First(r => r.Kind == "Base");
            Assert.Equal(Date("2026-10-01"), after.RetirementDate);
            Assert.Equal("Retired", after.Stage);
        }

        [Fact]
        public void Stage_filter_uses_the_stage_as_of_the_date()
        {
            var retired = Query(f => f.Stages = new[] { LifecycleStage.Retired });
            Assert.NotEmpty(retired);
            Assert.All(retired, r => Assert.Equal("Retired", r.Stage));
            Assert.Contains(retired, r => r.Model == "o1");
            var deprecatedBefore = Query(f => { f.Names = new[] { "o1" }; }, "2026-01-01").Single();
            Assert.Equal("Deprecated", deprecatedBefore.Stage);
        }

        [Fact]
        public void Version_filter_accepts_the_ARM_spelling()
        {
            Assert.Equal("3", Query(f => { f.Names = new[] { "dall-e-3" }; f.Version = "3.0"; }).Single().Version);
        }

        [Fact]
        public void Cloud_selects_the_schedule()
        {
            var openAi = Query(f => { f.Cloud = CatalogCloud.OpenAI; f.Names = new[] { "dall-e-2" }; }).Single();
            Assert.Equal(Date("2026-05-12"), openAi.RetirementDate);
            var gov = Query(f => { f.Cloud = CatalogCloud.AzureUSGovernment; f.Names = new[] { "gpt-4o" }; f.Version = "2024-11-20"; }, "2026-11-01").Single();
            Assert.Equal(Date("2027-04-14"), gov.RetirementDate);
        }

        [Fact]
        public void A_passed_no_earlier_than_date_is_not_Retired()
        {
            // computer-use-preview: "no earlier than 2026-04-14"; months later no retirement is announced.
            var r = Query(f => f.Names = new[] { "computer-use-preview" }, "2026-11-30").Single();
            Assert.Equal("NoEarlierThan", r.RetirementQualifier);
            Assert.NotEqual("Retired", r.Stage);
            Assert.DoesNotContain(Query(f => f.RetiringWithinDays = 60, "2026-11-30"), x => x.Model == "computer-use-preview");

            // No days are counted past a floor, as the verdict and Find-ModelReference do; before it, they are.
            Assert.Null(r.DaysUntilRetirement);
            Assert.Equal(Date("2026-04-14"), r.RetirementDate);
            Assert.Equal(14, Query(f => f.Names = new[] { "computer-use-preview" }, "2026-03-31").Single().DaysUntilRetirement);
        }

        [Fact]
        public void Tentative_dates_are_flagged_and_provenance_is_shown()
        {
            var r = Query(f => f.IncludeRetired = true, "2024-01-01").First(x => x.RetirementQualifier == "NoEarlierThan");
            Assert.True(r.RetirementDateIsTentative);
            var o1 = Query(f => f.Names = new[] { "o1" }).Single();
            Assert.Contains(o1.Sources, s => s.StartsWith("schedule-2026-07 (2026-07-07) https://learn.microsoft.com/", StringComparison.Ordinal));
            Assert.Equal(Date("2026-07-07"), o1.SourceDate);
        }

        [Fact]
        public void A_replacement_that_itself_retires_within_a_year_is_noted()
        {
            var c = FromEntries(@"[
              { ""model"": ""old"", ""version"": ""1"", ""retirementDate"": ""2026-06-01"", ""replacements"": [ { ""model"": ""new"" } ] },
              { ""model"": ""new"", ""version"": ""1"", ""retirementDate"": ""2026-12-01"" } ]");
            var r = RetirementQuery.Project(c.Find(CatalogCloud.AzureCloud, "old", "1")!, c, Date("2026-03-01"));
            Assert.Contains(r.Notes, n => n.Contains("The replacement new itself retires on 2026-12-01"));
            var later = RetirementQuery.Project(c.Find(CatalogCloud.AzureCloud, "old", "1")!, c, Date("2025-06-01"));
            Assert.DoesNotContain(later.Notes, n => n.Contains("itself retire"));
            var after = RetirementQuery.Project(c.Find(CatalogCloud.AzureCloud, "old", "1")!, c, Date("2027-01-01"));
            Assert.Contains(after.Notes, n => n.Contains("The replacement new has itself retired (2026-12-01)"));
        }
    }
}
