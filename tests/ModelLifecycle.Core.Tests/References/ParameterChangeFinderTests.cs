using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Migration;
using ModelLifecycle.Core.References;
using Xunit;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>Migrations piped into Find-ModelReference: the parameters that change, in the files that name the source.</summary>
    public sealed class ParameterChangeFinderTests
    {
        private static MigrationPlan Plan(string deployment, string source, string target) => new MigrationPlan
        {
            SourceDeployment = deployment,
            SourceModel = source,
            SourceVersion = "1",
            TargetModel = target,
            TargetVersion = "2",
            ParameterChanges = new ParameterChangeList(ParameterChangeCatalog.Embedded.Lookup(source, target)),
        };

        private static List<ModelReference> Find(TempTree tree, params MigrationPlan[] plans)
        {
            var request = new ModelReferenceRequest { AsOf = ReferenceCatalog.Date };
            foreach (var p in plans)
            {
                request.AddMigration(p);
            }

            return Scan.Find(ReferenceCatalog.Instance, request, tree.Root);
        }

        [Fact]
        public void A_chat_call_gets_the_renamed_and_removed_parameters_with_the_change_to_make()
        {
            using var tree = new TempTree();
            tree.Write("app/answer.py", "r = client.chat.completions.create(\n    model=\"chat-main\",\n    max_tokens=800,\n    temperature=0.2,\n)\n");
            var found = Find(tree, Plan("chat-main", "gpt-4o", "o4-mini"));

            var maxTokens = found.Where(r => r.Kind == "Parameter" && r.Match == "max_tokens").ToList();
            Assert.Contains(maxTokens, r => r.Change!.Api == "chat.completions" && r.Change.ChangeValue == ParameterChangeKind.Rename && r.Change.To == "max_completion_tokens");
            Assert.All(maxTokens, r => Assert.Equal(3, r.LineNumber));
            var temperature = Assert.Single(found, r => r.Kind == "Parameter" && r.Match == "temperature" && r.Change!.Api == "chat.completions");
            Assert.Equal(ParameterChangeKind.Remove, temperature.Change!.ChangeValue);
            Assert.Equal(5, temperature.Column);
            Assert.Equal("o4-mini", temperature.Replacement.Single().Model);
            Assert.Contains(found, r => r.Kind == "DeploymentName" && r.Match == "chat-main");
        }

        [Fact]
        public void Image_values_to_map_are_found_quoted_or_assigned_and_carry_the_new_value()
        {
            using var tree = new TempTree();
            tree.Write("gen.ts", "const img = await client.images.generate({ model: \"poster\", size: \"512x512\", quality: 'hd', response_format: \"url\" });\n");
            var found = Find(tree, Plan("poster", "dall-e-2", "gpt-image-1-mini")).Where(r => r.Kind == "Parameter").ToList();

            Assert.Contains(found, r => r.Change!.Parameter == "size" && r.Change.From == "512x512" && r.Change.To == "1024x1024" && r.Match == "size: \"512x512\"");
            Assert.Contains(found, r => r.Change!.Parameter == "quality" && r.Change.From == "hd" && r.Change.To == "high");
            Assert.Contains(found, r => r.Change!.Parameter == "response_format");
            Assert.DoesNotContain(found, r => r.Change!.Parameter == "quality" && r.Change.From == "standard");
        }

        [Fact]
        public void Files_that_do_not_name_the_source_are_not_searched_for_parameters()
        {
            using var tree = new TempTree();
            tree.Write("other/unrelated.py", "client.chat.completions.create(model=\"something-else\", max_tokens=10)\n");
            tree.Write("app/uses.py", "deployment = \"chat-main\"\n");
            var found = Find(tree, Plan("chat-main", "gpt-4o", "o4-mini"));

            Assert.DoesNotContain(found, r => r.Path.Contains("unrelated"));
            Assert.DoesNotContain(found, r => r.Kind == "Parameter");
        }

        [Fact]
        public void A_pair_with_no_recorded_changes_searches_only_the_names()
        {
            using var tree = new TempTree();
            tree.Write("a.py", "model=\"legacy\"\nmax_tokens=5\n");
            var found = Find(tree, Plan("legacy", "some-model", "another-model"));

            Assert.Single(found);
            Assert.Equal("DeploymentName", found[0].Kind);
        }

        [Fact]
        public void Parameter_names_match_as_whole_tokens_only()
        {
            using var tree = new TempTree();
            tree.Write("a.py", "model=\"chat-main\"\nmy_max_tokens_total = 3\nmax_tokens_limit = 4\nmax_tokens = 5\n");
            var found = Find(tree, Plan("chat-main", "gpt-4o", "o4-mini")).Where(r => r.Kind == "Parameter" && r.Match == "max_tokens").ToList();

            Assert.NotEmpty(found);
            Assert.All(found, r => Assert.Equal(4, r.LineNumber));
        }
    }
}
