using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ModelLifecycle.Core.References;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>The service end to end on a scratch tree: plan, scan, label.</summary>
    public class ModelReferenceFinderTests
    {
        private static List<ModelReference> Find(TempTree tree, ModelReferenceRequest request, RecordingSink? sink = null, ReferenceScanOptions? options = null)
        {
            options ??= new ReferenceScanOptions();
            options.Paths = new List<string> { tree.Root };
            options.SortResults = true;
            request.AsOf = ReferenceCatalog.Date;
            return ModelReferenceFinder.Find(ReferenceCatalog.Instance, request, options, sink ?? new RecordingSink()).ToList();
        }

        private static string Where(ModelReference r, TempTree tree) => $"{Scan.Relative(r.Path, tree.Root)}:{r.LineNumber}:{r.Column}";

        [Fact]
        public void A_spelling_in_code_is_reported_with_the_catalogs_model_and_its_lifecycle()
        {
            using var tree = new TempTree();
            tree.Write("app.py", "# migrate off GPT-3.5-Turbo\nclient.create(model=\"gpt-35-turbo\")\n");

            List<ModelReference> found = Find(tree, new ModelReferenceRequest { Models = new List<string> { "gpt-35-turbo" } });

            Assert.Equal(new[] { "app.py:1:15", "app.py:2:22" }, found.Select(r => Where(r, tree)));
            ModelReference first = found[0];
            Assert.Equal("GPT-3.5-Turbo", first.Match);
            Assert.Equal("gpt-35-turbo", first.Model);
            Assert.Equal("ModelId", first.Kind);
            Assert.Equal("# migrate off GPT-3.5-Turbo", first.Line);
            Assert.Equal(Date("2026-10-01"), first.RetirementDate);
            Assert.Equal(122, first.DaysUntilRetirement);
            Assert.Equal(ReferenceCatalog.Date, first.AsOf);
        }

        [Fact]
        public void A_deployment_name_match_carries_the_deployments_model_version_and_date()
        {
            using var tree = new TempTree();
            tree.Write("src/chat.ts", "const deployment = 'chat-prod';\n");
            var request = new ModelReferenceRequest();
            request.Deployments.Add(Deployment("alpha", "2", "GlobalStandard", name: "chat-prod"));

            ModelReference r = Assert.Single(Find(tree, request));

            Assert.Equal("src/chat.ts:1:21", Where(r, tree));
            Assert.Equal(("DeploymentName", "chat-prod"), (r.Kind, r.Match));
            Assert.Equal(("alpha", "2"), (r.Model, r.Version));
            Assert.Equal(Date("2027-01-01"), r.RetirementDate);
            Assert.Equal("beta", r.Replacement.ToString());
        }

        [Fact]
        public void A_deployment_named_after_a_model_is_reported_once_as_the_deployment_where_it_names_one()
        {
            using var tree = new TempTree();
            tree.Write("a.cs", "var d = \"alpha\"; // alpha\n");
            var request = new ModelReferenceRequest();
            request.Deployments.Add(Deployment("alpha", "3", name: "alpha"));

            List<ModelReference> found = Find(tree, request);

            Assert.Equal(
                new[] { "10 DeploymentName alpha 3 2026-12-01", "21 ModelId alpha  2026-09-01" },
                found.Select(r => $"{r.Column} {r.Kind} {r.Model} {r.Version} {r.RetirementDate:yyyy-MM-dd}"));
        }

        [Fact]
        public void One_name_on_two_accounts_with_different_models_gives_a_result_for_each()
        {
            using var tree = new TempTree();
            tree.Write("a.cs", "Use(\"chat\");\n");
            var request = new ModelReferenceRequest();
            request.Deployments.Add(Deployment("alpha", "2", name: "chat"));
            request.Deployments.Add(Deployment("beta", "1", name: "chat"));

            List<ModelReference> found = Find(tree, request).Where(r => r.Kind == "DeploymentName").ToList();

            Assert.Equal(new[] { "alpha", "beta" }, found.Select(r => r.Model));
            Assert.All(found, r => Assert.Equal("a.cs:1:6", Where(r, tree)));
        }

        [Fact]
        public void Whole_tokens_by_default_substrings_when_asked()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "alpha-mini and alpha\n");
            var request = new ModelReferenceRequest { Models = new List<string> { "alpha" } };

            Assert.Equal(new[] { "a.txt:1:16" }, Find(tree, request).Select(r => Where(r, tree)));
            Assert.Equal(
                new[] { "a.txt:1:1", "a.txt:1:16" },
                Find(tree, request, options: new ReferenceScanOptions { AllowSubstring = true }).Select(r => Where(r, tree)));
        }

        [Fact]
        public void A_UTF16_file_is_searched_too()
        {
            using var tree = new TempTree();
            tree.Write("notes.txt", "Modèle : dall-e-3\r\n", Encoding.Unicode);

            ModelReference r = Assert.Single(Find(tree, new ModelReferenceRequest { Models = new List<string> { "dalle-3" } }));

            Assert.Equal(("dall-e-3", "dall-e-3", 10), (r.Match, r.Model, r.Column));
            Assert.Equal("Retired", r.Stage);
        }

        [Fact]
        public void Nothing_to_search_for_is_a_warning_and_no_results()
        {
            using var tree = new TempTree();
            tree.Write("a.txt", "alpha\n");
            var sink = new RecordingSink();

            Assert.Empty(Find(tree, new ModelReferenceRequest { Models = new List<string> { "zz*" } }, sink));
            Assert.Contains("Nothing to search for", Assert.Single(sink.Warnings));
        }

        [Fact]
        public void An_unusable_pattern_throws_before_any_result()
        {
            var request = new ModelReferenceRequest { DeploymentNames = new List<string> { "two\nlines" } };
            var options = new ReferenceScanOptions { Paths = new List<string> { "." } };

            var e = Assert.Throws<ModelLifecycleException>(() => ModelReferenceFinder.Find(ReferenceCatalog.Instance, request, options));
            Assert.Equal(ReferenceErrorIds.InvalidReferencePattern, e.ErrorId);
        }

        [Fact]
        public void Read_failures_reach_the_sink_as_the_engines_errors_and_the_search_goes_on()
        {
            using var tree = new TempTree();
            string bad = tree.Write("bad.txt", "alpha\n");
            tree.Write("good.txt", "alpha\n");
            var sink = new RecordingSink();
            var options = new ReferenceScanOptions { FileSystem = new FailingFileSystem(new[] { bad }, Array.Empty<string>()) };

            List<ModelReference> found = Find(tree, new ModelReferenceRequest { Models = new List<string> { "alpha" } }, sink, options);

            Assert.Equal(new[] { "good.txt:1:1" }, found.Select(r => Where(r, tree)));
            Assert.Equal(ReferenceErrorIds.FileReadFailed, Assert.Single(sink.Errors).ErrorId);
            Assert.Contains(sink.Verbose, v => v.StartsWith("Searching for 1 model id (alpha)", StringComparison.Ordinal));
        }
    }
}
