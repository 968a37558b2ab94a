using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.References;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>What a Find-ModelReference search looks for, decided from the catalog and the request.</summary>
    public class ReferencePlannerTests
    {
        private static ModelReferenceRequest Request(params string[] models) =>
            new ModelReferenceRequest { Models = models.ToList(), AsOf = ReferenceCatalog.Date };

        private static ReferencePlan Plan(ModelReferenceRequest request, bool caseSensitive = false, RecordingSink? sink = null) =>
            ReferencePlanner.Plan(ReferenceCatalog.Instance, request, caseSensitive, sink ?? new RecordingSink());

        private static List<string> Texts(ReferencePlan plan) =>
            plan.Patterns.Select(p => $"{p.Kind}:{p.Text}>{p.Key}").ToList();

        [Fact]
        public void With_nothing_named_it_searches_what_retires_within_a_year_and_what_retired_in_the_last()
        {
            ReferencePlan plan = Plan(new ModelReferenceRequest { AsOf = ReferenceCatalog.Date });

            // Not: beta and far (later), undated, onlyfloor (a "not before" floor is no schedule),
            // ended (retired on no known date), gov-only (another cloud), alpha's fine-tuned schedule
            // (alpha is in for its base versions). history's last version retired exactly a year ago.
            Assert.Equal(
                new[] { "alpha", "dall-e-3", "floor", "gone", "gpt-35-turbo", "history", "split", "vague" },
                plan.ModelIds);
            Assert.Empty(plan.DeploymentNames);
        }

        [Fact]
        public void RetiringWithinDays_narrows_the_default_set_but_keeps_the_retired()
        {
            var request = new ModelReferenceRequest { AsOf = ReferenceCatalog.Date, RetiringWithinDays = 30 };

            Assert.Equal(new[] { "alpha", "dall-e-3", "gone", "history", "split" }, Plan(request).ModelIds);
        }

        [Fact]
        public void Retirements_older_than_a_year_leave_the_default_set()
        {
            var request = new ModelReferenceRequest { AsOf = ReferenceCatalog.Date.AddDays(1) };

            Assert.DoesNotContain("history", Plan(request).ModelIds);
            Assert.Contains("gone", Plan(request).ModelIds);
        }

        [Fact]
        public void The_default_set_follows_the_cloud()
        {
            var request = new ModelReferenceRequest { AsOf = ReferenceCatalog.Date, Cloud = CatalogCloud.AzureUSGovernment };

            Assert.Equal(new[] { "gov-only" }, Plan(request).ModelIds);
        }

        [Fact]
        public void Each_spelling_of_an_id_is_searched_under_the_catalogs_spelling()
        {
            ReferencePlan plan = Plan(Request("gpt-3.5-turbo", "dalle-3"));

            Assert.Equal(new[] { "gpt-35-turbo", "dall-e-3" }, plan.ModelIds);
            Assert.Equal(
                new[] { "ModelId:gpt-3.5-turbo>gpt-35-turbo", "ModelId:gpt-35-turbo>gpt-35-turbo", "ModelId:dalle-3>dall-e-3", "ModelId:dall-e-3>dall-e-3" },
                Texts(plan));
        }

        [Fact]
        public void A_wildcard_selects_catalog_names_in_any_spelling_and_an_unmatched_one_says_so_quietly()
        {
            var sink = new RecordingSink();
            ReferencePlan plan = Plan(Request("dalle*", "al*", "zz*"), sink: sink);

            Assert.Equal(new[] { "dall-e-3", "alpha" }, plan.ModelIds);
            Assert.Contains(sink.Verbose, v => v.Contains("'zz*'"));
            Assert.Empty(sink.Warnings);
        }

        [Fact]
        public void A_literal_id_the_catalog_does_not_know_is_searched_with_a_warning()
        {
            var sink = new RecordingSink();
            ReferencePlan plan = Plan(Request("my-model"), sink: sink);

            Assert.Equal(new[] { "ModelId:my-model>my-model" }, Texts(plan));
            Assert.Contains("'my-model' is not in the AzureCloud catalog", Assert.Single(sink.Warnings));
        }

        [Fact]
        public void Ids_are_deduplicated_ignoring_case_across_models_and_deployments()
        {
            var request = Request("alpha", "ALPHA", "Alpha");
            request.Deployments.Add(Deployment("alpha", "2", name: "a1"));
            request.Deployments.Add(Deployment("ALPHA", "3", name: "a2"));

            ReferencePlan plan = Plan(request);

            Assert.Equal(new[] { "alpha" }, plan.ModelIds);
            Assert.Single(plan.Patterns, p => p.Kind == PatternKind.ModelId);
            Assert.Equal(new[] { "a1", "a2" }, plan.DeploymentNames);
        }

        [Fact]
        public void A_case_sensitive_search_looks_for_each_spelling_as_typed_under_one_key()
        {
            ReferencePlan plan = Plan(Request("alpha", "ALPHA"), caseSensitive: true);

            Assert.Equal(new[] { "alpha" }, plan.ModelIds);
            Assert.Equal(new[] { "ModelId:alpha>alpha", "ModelId:ALPHA>alpha" }, Texts(plan));
        }

        [Fact]
        public void Deployments_add_their_model_ids_and_names_and_replace_the_default_set()
        {
            var request = new ModelReferenceRequest { AsOf = ReferenceCatalog.Date };
            request.Deployments.Add(Deployment("beta", "1", name: "chat-prod"));
            request.Deployments.Add(Deployment("alpha.ft-0123abcd", "1", name: "support-ft"));

            ReferencePlan plan = Plan(request);

            Assert.Equal(new[] { "beta", "alpha.ft-0123abcd" }, plan.ModelIds);
            Assert.Equal(new[] { "chat-prod", "support-ft" }, plan.DeploymentNames);
            Assert.Contains("DeploymentName:chat-prod>chat-prod", Texts(plan));
        }

        [Fact]
        public void A_deployment_name_carries_the_deployments_model_and_one_label_per_distinct_model()
        {
            var request = new ModelReferenceRequest { AsOf = ReferenceCatalog.Date, DeploymentNames = new List<string> { "chat", "batch-job" } };
            request.Deployments.Add(Deployment("alpha", "2", "GlobalStandard", name: "chat"));
            request.Deployments.Add(Deployment("alpha", "2", "GlobalStandard", name: "Chat"));
            request.Deployments.Add(Deployment("beta", "1", name: "CHAT"));

            ReferencePlan plan = Plan(request);

            Assert.Equal(new[] { "chat", "batch-job" }, plan.DeploymentNames);
            List<LifecycleAnnotation> chat = plan.AnnotationsFor(PatternKind.DeploymentName, "chat").ToList();
            Assert.Equal(new[] { "alpha 2 2027-01-01", "beta 1 2028-01-01" }, chat.Select(a => $"{a.Model} {a.Version} {a.RetirementDate:yyyy-MM-dd}"));
            LifecycleAnnotation batch = Assert.Single(plan.AnnotationsFor(PatternKind.DeploymentName, "batch-job"));
            Assert.Null(batch.Model);
        }

        [Fact]
        public void Names_alone_search_only_those_names()
        {
            var request = new ModelReferenceRequest { AsOf = ReferenceCatalog.Date, DeploymentNames = new List<string> { "chat", "CHAT", " " } };

            ReferencePlan plan = Plan(request);

            Assert.Empty(plan.ModelIds);
            Assert.Equal(new[] { "DeploymentName:chat>chat" }, Texts(plan));
        }

        [Fact]
        public void Each_model_id_has_one_label()
        {
            ReferencePlan plan = Plan(Request("gpt-3.5-turbo"));

            LifecycleAnnotation label = Assert.Single(plan.AnnotationsFor(PatternKind.ModelId, "gpt-35-turbo"));
            Assert.Equal(Date("2026-10-01"), label.RetirementDate);
            Assert.Empty(plan.AnnotationsFor(PatternKind.ModelId, "gpt-3.5-turbo"));
        }

        [Fact]
        public void Piped_input_keeps_deployments_and_reports_accounts_and_other_objects_per_item()
        {
            var sink = new RecordingSink();
            var request = new ModelReferenceRequest();
            var deployment = Newtonsoft.Json.Linq.JObject.Parse(@"{
                ""id"": ""/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/deployments/chat"", ""name"": ""chat"",
                ""properties"": { ""model"": { ""name"": ""gpt-4o"", ""version"": ""2024-08-06"" } } }");
            var input = new object[] { deployment, "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a", 42 };

            request.AddInput(ModelLifecycle.Core.Inventory.DeploymentReader.Read(input), sink);

            Deployment d = Assert.Single(request.Deployments);
            Assert.Equal(("chat", "gpt-4o", "2024-08-06"), (d.Name, d.Model, d.Version));
            Assert.Equal(new[] { "AzureConnectionRequired", "InputNotADeployment" }, sink.Errors.Select(e => e.ErrorId));
            Assert.True(request.NamesTargets);
        }

        [Fact]
        public void The_description_lists_what_is_searched()
        {
            var request = Request("alpha");
            request.DeploymentNames.Add("chat");

            Assert.Equal("Searching for 1 model id (alpha) and 1 deployment name (chat).", Plan(request).Describe());
        }
    }
}
