using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.References;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>
    /// Code names snapshots (gpt-4o-2024-08-06, gpt-35-turbo-1106): those are found with the model id and
    /// labelled with that version's own dates.
    /// </summary>
    public class DatedIdTests
    {
        // Two gpt-4o versions with different dates, so a label from the wrong version shows.
        private static readonly LifecycleCatalog Catalog = FromEntries(@"[
          { ""model"": ""gpt-4o"", ""version"": ""2024-05-13"", ""retirementDate"": ""2026-07-01"", ""replacements"": [ { ""model"": ""gpt-5.1"" } ] },
          { ""model"": ""gpt-4o"", ""version"": ""2024-08-06"", ""retirementDate"": ""2026-10-01"",
            ""retirementByDeploymentType"": { ""Standard"": ""2026-03-31"", ""GlobalStandard"": ""2026-10-01"" }, ""replacements"": [ { ""model"": ""gpt-5.1"" } ] },
          { ""model"": ""gpt-4o-mini"", ""version"": ""2024-07-18"", ""retirementDate"": ""2026-10-01"" },
          { ""model"": ""gpt-35-turbo"", ""version"": ""0613"", ""retirementDate"": ""2025-02-13"" },
          { ""model"": ""gpt-35-turbo"", ""version"": ""1106"", ""retirementDate"": ""2026-09-01"" },
          { ""model"": ""gpt-4"", ""version"": ""1106-preview"", ""retirementDate"": ""2026-08-01"" },
          { ""model"": ""o1"", ""version"": ""2024-12-17"", ""retirementDate"": ""2026-09-16"" },
          { ""model"": ""gpt-5.1"", ""version"": ""2025-11-13"", ""retirementDate"": ""2027-05-15"" }
        ]");

        private static List<ModelReference> Find(TempTree tree, params string[] models)
        {
            var request = new ModelReferenceRequest { Models = models.ToList(), AsOf = Date("2026-06-01") };
            return Scan.Find(Catalog, request, tree.Root);
        }

        private static string Describe(ModelReference r) =>
            $"{r.LineNumber}:{r.Column}:{r.Match}>{r.Model} {r.Version} {r.RetirementDate:yyyy-MM-dd}";

        [Fact]
        public void A_dated_id_is_found_with_its_model_and_labelled_with_that_versions_dates()
        {
            using var tree = new TempTree();
            tree.Write("config.py", string.Join("\n",
                "MODEL = \"gpt-4o-2024-08-06\"",
                "OLD = 'gpt-4o-2024-05-13'",
                "plain = \"gpt-4o\"",
                "mini = \"gpt-4o-mini-2024-07-18\"",
                "turbo = \"gpt-35-turbo-1106\"",
                "openai = \"gpt-3.5-turbo-0613\"",
                "preview = \"gpt-4-1106-preview\"",
                "reasoning = \"o1-2024-12-17\"",
                "shout = \"GPT-4O-2024-08-06\"",
                string.Empty));

            List<ModelReference> found = Find(tree, "gpt-4o", "gpt-4o-mini", "gpt-35-turbo", "gpt-4", "o1");

            Assert.Equal(
                new[]
                {
                    "1:10:gpt-4o-2024-08-06>gpt-4o 2024-08-06 2026-10-01",
                    "2:8:gpt-4o-2024-05-13>gpt-4o 2024-05-13 2026-07-01",
                    "3:10:gpt-4o>gpt-4o  2026-07-01",
                    "4:9:gpt-4o-mini-2024-07-18>gpt-4o-mini 2024-07-18 2026-10-01",
                    "5:10:gpt-35-turbo-1106>gpt-35-turbo 1106 2026-09-01",
                    "6:11:gpt-3.5-turbo-0613>gpt-35-turbo 0613 2025-02-13",
                    "7:12:gpt-4-1106-preview>gpt-4 1106-preview 2026-08-01",
                    "8:14:o1-2024-12-17>o1 2024-12-17 2026-09-16",
                    "9:10:GPT-4O-2024-08-06>gpt-4o 2024-08-06 2026-10-01",
                },
                found.Select(Describe));
            Assert.Equal("Retired", found[5].Stage);
            Assert.Equal("gpt-5.1", found[0].Replacement.ToString());
        }

        [Fact]
        public void Suffixes_that_are_not_versions_and_longer_tokens_still_do_not_match()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", string.Join("\n",
                "gpt-4o-2024",
                "gpt-4o-2024-13-01",
                "gpt-4o-1234",
                "gpt-4o-2024-08-06x",
                "gpt-4o-2024-08-06-extra",
                "gpt-4o-mini-2024-07-18",
                "xgpt-4o-2024-08-06",
                string.Empty));

            Assert.Empty(Find(tree, "gpt-4o"));
        }

        [Fact]
        public void A_version_the_catalog_does_not_know_is_reported_without_dates()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "gpt-4o-2025-01-31\n");

            ModelReference r = Assert.Single(Find(tree, "gpt-4o"));

            Assert.Equal(("gpt-4o", "2025-01-31"), (r.Model, r.Version));
            Assert.Null(r.RetirementDate);
            Assert.Null(r.Stage);
        }

        [Fact]
        public void A_dated_id_across_chunk_boundaries_and_in_a_long_line_is_found_once()
        {
            using var tree = new TempTree();
            string line = new string('x', 70) + " \"gpt-4o-2024-08-06\" " + new string('y', 70);
            tree.Write("long.txt", line + "\n" + string.Concat(Enumerable.Repeat("a gpt-4o-2024-08-06 b\n", 20)));
            var request = new ModelReferenceRequest { Models = new List<string> { "gpt-4o" }, AsOf = Date("2026-06-01") };
            foreach (int chunk in new[] { 16, 23, 64, 256 * 1024 })
            {
                var options = new ReferenceScanOptions { Paths = new List<string> { tree.Root }, SortResults = true, ChunkSize = chunk };
                List<ModelReference> found = ModelReferenceFinder.Find(Catalog, request, options, new RecordingSink()).ToList();

                Assert.Equal(21, found.Count);
                Assert.All(found, r => Assert.Equal(("gpt-4o-2024-08-06", "2024-08-06"), (r.Match, r.Version)));
                Assert.Equal(73, found[0].Column);
            }
        }

        [Fact]
        public void Patterns_without_the_rule_keep_the_whole_token_behaviour()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "gpt-4o-2024-08-06 gpt-4o\n");

            Assert.Equal(new[] { "a.txt:1:19:gpt-4o" }, Scan.Run(tree.Root, "gpt-4o").Describe(tree.Root));
            Assert.Equal(
                new[] { "a.txt:1:1:gpt-4o-2024-08-06", "a.txt:1:19:gpt-4o" },
                Scan.Run(tree.Root, new[] { new ReferencePattern("gpt-4o", "gpt-4o", PatternKind.ModelId, PatternRules.DatedVersions) }).Describe(tree.Root));
        }
    }
}
