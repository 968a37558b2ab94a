using System;
using System.IO;
using System.Linq;
using ModelLifecycle.CatalogGen;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Tests.Support;
using ModelLifecycle.Core.Tests.TestSupport;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Catalog
{
    /// <summary>The catalog format: strict reading with precise errors, writing, overlays.</summary>
    public class CatalogFileTests
    {
        private const string Head = "{ \"format\": \"ModelLifecycle.Catalog\", \"formatVersion\": 1, \"entries\": [";

        private static CatalogFormatException ReadBad(string json) =>
            Assert.Throws<CatalogFormatException>(() => CatalogReader.Read(json, "my.json", CatalogOrigin.File));

        [Fact]
        public void Malformed_json_names_file_line_and_position()
        {
            var ex = ReadBad(Head + "\n  { \"model\": \"gpt-4o\", }\n  {\n] }");
            Assert.Equal("my.json", ex.File);
            Assert.True(ex.Line >= 2, "line " + ex.Line);
            Assert.Contains("my.json", ex.Message);
            Assert.Contains("line " + ex.Line, ex.Message);
            Assert.Equal("CatalogFileInvalid", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, ex.Kind);
        }

        [Theory]
        [InlineData("", 1, "the file is empty")]
        [InlineData("   \n ", 1, "the file is empty")]
        [InlineData(Head + "\n  { \"model\": \"gpt-4o\",\n    \"model\": \"o1\" } ] }", 3, "the property 'model' appears twice")]
        [InlineData(Head + "\n  { \"model\": \"gpt-4o\" }\n  { \"model\": \"o1\" } ] }", 3, "a comma may be missing")]
        [InlineData(Head + "\n  { \"model\": gpt-4o } ] }", 2, "unexpected 'g'")]
        [InlineData(Head + "\n  { \"model\": \"gpt-4o\" ", 2, "ends before it is complete")]
        public void Malformed_json_is_described_in_the_modules_words_with_line_and_position(string json, int line, string expected)
        {
            var ex = ReadBad(json);
            Assert.Contains(expected, ex.Problem);
            Assert.Equal(line, ex.Line);
            Assert.True(ex.Position >= 1, "position " + ex.Position);
            Assert.Contains($"line {ex.Line}, position {ex.Position}", ex.Message);
            foreach (var libraryWords in new[] { "Path '", "JsonReader", "encountered", "while parsing", "Unexpected end", "already exists" })
            {
                Assert.DoesNotContain(libraryWords, ex.Message, StringComparison.OrdinalIgnoreCase);
            }
        }

        [Fact]
        public void Bad_date_points_at_the_value()
        {
            var ex = ReadBad(Head + "\n{ \"model\": \"gpt-4o\",\n  \"retirementDate\": \"2026-13-01\" } ] }");
            Assert.Equal(3, ex.Line);
            Assert.Contains("'retirementDate' must be a date written yyyy-MM-dd", ex.Problem);
            Assert.Contains("2026-13-01", ex.Problem);
        }

        [Fact]
        public void Unknown_property_is_an_error_with_a_case_hint()
        {
            var ex = ReadBad(Head + "{ \"model\": \"x\", \"RetirementDate\": \"2026-01-01\" } ] }");
            Assert.Contains("unknown property 'RetirementDate'", ex.Problem);
            Assert.Contains("did you mean 'retirementDate'", ex.Problem);
        }

        [Theory]
        [InlineData("{ \"format\": \"ModelLifecycle.Catalog\", \"formatVersion\": 2, \"entries\": [] }", "'formatVersion' must be 1")]
        [InlineData("{ \"format\": \"Other\", \"formatVersion\": 1, \"entries\": [] }", "'format' must be")]
        [InlineData("{ \"formatVersion\": 1 }", "lacks the required property 'entries'")]
        [InlineData("[ ]", "must hold one JSON object")]
        [InlineData(Head + "{ \"version\": \"1\" } ] }", "lacks the required property 'model'")]
        [InlineData(Head + "{ \"model\": \"x\", \"stage\": \"Gone\" } ] }", "'stage' must be one of")]
        [InlineData(Head + "{ \"model\": \"x\", \"cloud\": \"Mars\" } ] }", "'cloud' must be one of")]
        [InlineData(Head + "{ \"model\": \"x\", \"autoUpgrade\": { \"target\": \"y\", \"leadDays\": -1 } } ] }", "'leadDays' must be")]
        [InlineData(Head + "{ \"model\": \"x\", \"autoUpgrade\": { \"target\": \"y\", \"appliesToOptions\": [\"Sometimes\"] } } ] }", "'appliesToOptions' must hold")]
        [InlineData(Head + "{ \"model\": \"\" } ] }", "'model' must be a non-empty string")]
        [InlineData(Head + "{ \"model\": \"x\" } ] } trailing", "malformed")]
        public void Each_problem_gets_a_specific_message(string json, string expected)
        {
            Assert.Contains(expected, ReadBad(json).Problem);
        }

        [Fact]
        public void Missing_file_is_ObjectNotFound()
        {
            var ex = Assert.Throws<ModelLifecycleException>(() => CatalogReader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json"), CatalogOrigin.File));
            Assert.Equal("CatalogFileNotFound", ex.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, ex.Kind);
        }

        [Fact]
        public void A_directory_is_said_to_be_a_directory_not_access_denied()
        {
            var ex = Assert.Throws<ModelLifecycleException>(() => CatalogReader.ReadFile(Path.GetTempPath(), CatalogOrigin.File));
            Assert.Equal("CatalogFileIsDirectory", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            Assert.Contains("is a directory", ex.Message);
            Assert.DoesNotContain("denied", ex.Message);
        }

        [Fact]
        public void The_embedded_snapshot_round_trips_byte_for_byte()
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Root!, "catalog", "snapshot.json"));
            var again = CatalogWriter.Write(CatalogReader.Read(text, "snapshot.json", CatalogOrigin.Embedded));
            Assert.Equal(text, again);
        }

        [RequiresReferenceRecordsFact]
        public void The_committed_snapshot_is_what_the_generator_makes_from_the_records()
        {
            var generated = CatalogWriter.Write(SnapshotGenerator.Generate(
                File.ReadAllText(Path.Combine(RepoPaths.Shared!, "reference", "model-lifecycle-records.json")),
                File.ReadAllText(Path.Combine(RepoPaths.Shared!, "reference", "openai-deprecations.json")),
                File.ReadAllText(Path.Combine(RepoPaths.Root!, "catalog", "curation.json"))));
            Assert.True(
                generated == File.ReadAllText(Path.Combine(RepoPaths.Root!, "catalog", "snapshot.json")),
                "catalog/snapshot.json is stale: run 'dotnet run --project tools/CatalogGen'.");
        }

        [Fact]
        public void An_upgrade_target_taken_from_the_replacement_column_is_read_and_written()
        {
            var c = FromEntries(@"[ { ""model"": ""i"", ""version"": ""1"", ""autoUpgrade"": { ""target"": { ""model"": ""j"" }, ""targetFromReplacement"": true } },
                                   { ""model"": ""k"", ""version"": ""1"", ""autoUpgrade"": { ""target"": { ""model"": ""j"" } } } ]");
            Assert.True(c.Find(CatalogCloud.AzureCloud, "i", "1")!.AutoUpgrade!.TargetFromReplacement);
            Assert.False(c.Find(CatalogCloud.AzureCloud, "k", "1")!.AutoUpgrade!.TargetFromReplacement);
            var again = CatalogReader.Read(CatalogWriter.Write(c), "again.json", CatalogOrigin.File);
            Assert.True(again.Find(CatalogCloud.AzureCloud, "i", "1")!.AutoUpgrade!.TargetFromReplacement);
            Assert.False(again.Find(CatalogCloud.AzureCloud, "k", "1")!.AutoUpgrade!.TargetFromReplacement);
        }

        [Fact]
        public void A_user_file_overrides_field_by_field_and_the_difference_is_noted()
        {
            var file = FromEntries("[ { \"model\": \"o1\", \"version\": \"2024-12-17\", \"retirementDate\": \"2027-01-31\", \"notes\": [\"our account team says so\"] } ]", "2026-11-01");
            var merged = Embedded.WithOverlay(file);
            var o1 = merged.Find(CatalogCloud.AzureCloud, "o1", "2024-12-17")!;
            Assert.Equal(Date("2027-01-31"), o1.RetirementDate);
            Assert.Equal(CatalogOrigin.File, o1.Origin);
            Assert.Equal("o3", o1.Replacements.Single().Model);
            Assert.Contains(o1.Notes, n => n.Contains("Embedded catalog") && n.Contains("2026-09-16"));
            Assert.Contains("our account team says so", o1.Notes);
            Assert.Equal(Date("2026-11-01"), merged.SnapshotDate);
        }

        [Fact]
        public void A_versionless_overlay_entry_applies_to_every_version_and_new_models_are_added()
        {
            var file = FromEntries("[ { \"model\": \"gpt-4o\", \"notes\": [\"internal: migrate by Q3\"] }, { \"model\": \"in-house-model\", \"version\": \"1\", \"retirementDate\": \"2027-06-30\" } ]");
            var merged = Embedded.WithOverlay(file);
            Assert.All(merged.VersionsOf(CatalogCloud.AzureCloud, "gpt-4o"), e => Assert.Contains("internal: migrate by Q3", e.Notes));
            Assert.Equal(Date("2027-06-30"), merged.Find(CatalogCloud.AzureCloud, "in-house-model", "1")!.RetirementDate);
            Assert.Equal(Embedded.Entries.Count + 1, merged.Entries.Count);
        }

        [Fact]
        public void Per_type_dates_give_the_earliest_and_latest_and_leave_other_types_on_the_general_date()
        {
            var c = FromEntries("[ { \"model\": \"m\", \"version\": \"1\", \"retirementDate\": \"2027-06-01\", \"retirementByDeploymentType\": { \"Standard\": \"2027-03-01\", \"GlobalStandard\": \"2027-01-01\" } } ]");
            var e = c.Entries.Single();
            Assert.Equal(Date("2027-01-01"), e.EarliestRetirementDate);
            Assert.Equal(Date("2027-06-01"), e.LatestRetirementDate);
            Assert.Equal(Date("2027-06-01"), e.RetirementDateFor("ProvisionedManaged"));
            Assert.Equal(Date("2027-03-01"), e.RetirementDateFor("standard"));
        }

        [Fact]
        public void A_dated_overlay_does_not_inherit_the_snapshots_dates_per_type_but_notes_them()
        {
            var file = FromEntries("[ { \"model\": \"gpt-4o-mini\", \"version\": \"2024-07-18\", \"retirementDate\": \"2027-02-01\" } ]");
            var e = Embedded.WithOverlay(file).Find(CatalogCloud.AzureCloud, "gpt-4o-mini", "2024-07-18")!;
            Assert.Empty(e.RetirementByDeploymentType);
            Assert.Equal(Date("2027-02-01"), e.RetirementDateFor("Standard"));
            Assert.Contains(e.Notes, n => n.Contains("gave dates by deployment type") && n.Contains("Standard 2026-03-31"));
        }
    }
}
