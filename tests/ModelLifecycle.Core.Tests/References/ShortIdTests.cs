using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.References;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>
    /// Ids of three characters or fewer (tts, o1, o3) match as code writes them: TTS in prose is the
    /// abbreviation, and o1 between '+' and '/' in base64 image data is chance.
    /// </summary>
    public class ShortIdTests
    {
        private static readonly LifecycleCatalog Catalog = FromEntries(@"[
          { ""model"": ""tts"", ""version"": ""001"", ""retirementDate"": ""2026-12-15"" },
          { ""model"": ""o1"", ""version"": ""2024-12-17"", ""retirementDate"": ""2026-09-16"" },
          { ""model"": ""whisper"", ""version"": ""001"", ""retirementDate"": ""2026-12-15"" }
        ]");

        // A slice of a PNG in base64 with o1 and tts between '+' and '/' (mixed case and digits around).
        private const string Base64 = "iVBORw0KGgoAAAANSUhEUgAAAoAAAAHgCAYAAAA10dzkAAAAOXRFWHRTb2Z0+o1/d2FyZQBNYXRwbG90bGliIHZlcnNpb24zLjcuMSwg+tts/aHR0cHM6Ly9tYXRwbG90bGliLm9yZy/";

        private static List<string> Find(TempTree tree, params string[] models)
        {
            var request = new ModelReferenceRequest { Models = models.ToList(), AsOf = Date("2026-06-01") };
            return Scan.Find(Catalog, request, tree.Root)
                .Select(r => $"{Scan.Relative(r.Path, tree.Root)}:{r.LineNumber}:{r.Column}:{r.Match}")
                .ToList();
        }

        [Fact]
        public void Short_ids_match_in_the_case_written_and_longer_ids_in_any_case()
        {
            using var tree = new TempTree();
            tree.Write("speech.py", string.Join("\n",
                "# TTS and STT: speech in both directions, with Whisper",
                "voice = client.audio.speech.create(model=\"tts\", voice=\"alloy\")",
                "O1 = \"o1\"",
                "whisper = \"whisper\"",
                string.Empty));

            Assert.Equal(
                new[] { "speech.py:1:48:Whisper", "speech.py:2:43:tts", "speech.py:3:7:o1", "speech.py:4:1:whisper", "speech.py:4:12:whisper" },
                Find(tree, "tts", "o1", "whisper"));
        }

        [Fact]
        public void Short_ids_inside_base64_runs_are_not_matches_but_in_paths_and_dated_they_are()
        {
            using var tree = new TempTree();
            tree.Write("page.html", "<img src=\"data:image/png;base64," + Base64 + "\">\n");
            tree.Write("call.py", string.Join("\n",
                "url = endpoint + \"/openai/deployments/o1/chat/completions\"",
                "model = \"o1-2024-12-17\"",
                string.Empty));

            Assert.Equal(new[] { "call.py:1:39:o1", "call.py:2:10:o1-2024-12-17" }, Find(tree, "o1", "tts"));

            // The sample does hold the false hits: without the rules both ids stand as tokens in the data.
            Assert.Equal(2, Scan.Run(tree.Root, "o1", "tts").Count(m => m.Path.EndsWith("page.html", System.StringComparison.Ordinal)));
        }

        [Fact]
        public void The_planner_gives_the_rules_to_short_ids_only()
        {
            Assert.Equal(PatternRules.DatedVersions | PatternRules.MatchCase | PatternRules.NotInBase64, ReferencePlanner.RulesFor("tts"));
            Assert.Equal(PatternRules.DatedVersions, ReferencePlanner.RulesFor("sora"));
        }
    }
}
