using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLifecycle.Core.Inventory;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ModelLifecycle.Core.Tests.Inventory
{
    /// <summary>Every input form the cmdlets accept (their help, docs/en-US) becomes the same Deployment.</summary>
    public class DeploymentReaderTests
    {
        private const string Id = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/contoso-openai/deployments/chat";

        // Shapes of the Az SDK objects (property names as in Az PowerShell), as plain .NET classes.
        public sealed class AzModel { public string? Format { get; set; } public string? Name { get; set; } public string? Version { get; set; } }
        public sealed class AzScaleSettings { public string? ScaleType { get; set; } public int? Capacity { get; set; } public int? ActiveCapacity { get; set; } }
        public sealed class AzProperties { public AzModel? Model { get; set; } public string? VersionUpgradeOption { get; set; } public string? ProvisioningState { get; set; } public AzScaleSettings? ScaleSettings { get; set; } }
        public sealed class AzSku { public string? Name { get; set; } public int? Capacity { get; set; } }
        public sealed class AzDeployment { public string? Id { get; set; } public string? Name { get; set; } public AzSku? Sku { get; set; } public AzProperties? Properties { get; set; } }
        public sealed class AzAccount { public string? ResourceGroupName { get; set; } public string? AccountName { get; set; } public string? Id { get; set; } public string? Location { get; set; } public string? AccountType { get; set; } public string? Endpoint { get; set; } }

        private static AzDeployment AzDep(string name = "chat", string? option = "NoAutoUpgrade") => new AzDeployment
        {
            Id = Id.Replace("/chat", "/" + name),
            Name = name,
            Sku = new AzSku { Name = "GlobalStandard", Capacity = 50 },
            Properties = new AzProperties { Model = new AzModel { Format = "OpenAI", Name = "gpt-4o", Version = "2024-08-06" }, VersionUpgradeOption = option, ProvisioningState = "Succeeded" },
        };

        private static void AssertChat(Deployment d)
        {
            Assert.Equal("chat", d.Name);
            Assert.Equal("11111111-2222-3333-4444-555555555555", d.SubscriptionId);
            Assert.Equal("rg-ai", d.ResourceGroupName);
            Assert.Equal("contoso-openai", d.AccountName);
            Assert.Equal("GlobalStandard", d.DeploymentType);
            Assert.Equal(50, d.Capacity);
            Assert.Equal("gpt-4o", d.Model);
            Assert.Equal("2024-08-06", d.Version);
            Assert.Equal("NoAutoUpgrade", d.UpgradeOption);
            Assert.Equal(Id, d.ResourceId);
        }

        [Fact]
        public void Az_deployment_takes_group_and_account_from_its_id()
        {
            AssertChat(DeploymentReader.Read(AzDep()).Single().Deployment!);
        }

        [Fact]
        public void The_one_List_per_account_that_Az_writes_is_unrolled()
        {
            var items = DeploymentReader.Read(new List<AzDeployment> { AzDep("a"), AzDep("b"), AzDep("c") }).ToList();
            Assert.Equal(new[] { "a", "b", "c" }, items.Select(i => i.Deployment!.Name));
        }

        [Fact]
        public void An_empty_List_is_an_account_without_deployments_not_an_error()
        {
            Assert.Empty(DeploymentReader.Read(new List<AzDeployment>()));
        }

        [Fact]
        public void A_legacy_deployment_without_a_sku_reads_type_and_capacity_from_its_scale_settings()
        {
            var legacy = AzDep();
            legacy.Sku = null;
            legacy.Properties!.ScaleSettings = new AzScaleSettings { ScaleType = "Standard", Capacity = 20, ActiveCapacity = 20 };
            var d = DeploymentReader.Read(legacy).Single().Deployment!;
            Assert.Equal("Standard", d.DeploymentType);
            Assert.Equal(20, d.Capacity);

            var json = JObject.Parse(@"{ ""id"": """ + Id + @""", ""name"": ""chat"", ""properties"": { ""model"": { ""format"": ""OpenAI"", ""name"": ""gpt-4o"", ""version"": ""2024-08-06"" },
                ""scaleSettings"": { ""scaleType"": ""Manual"", ""capacity"": 7 } } }");
            var fromJson = DeploymentReader.Read(json).Single().Deployment!;
            Assert.Equal("Manual", fromJson.DeploymentType);
            Assert.Equal(7, fromJson.Capacity);
        }

        [Fact]
        public void A_sku_wins_over_scale_settings()
        {
            var both = AzDep();
            both.Properties!.ScaleSettings = new AzScaleSettings { ScaleType = "Manual", Capacity = 1 };
            AssertChat(DeploymentReader.Read(both).Single().Deployment!);
        }

        [Fact]
        public void Unset_option_stays_null()
        {
            Assert.Null(DeploymentReader.Read(AzDep(option: null)).Single().Deployment!.UpgradeOption);
        }

        [Fact]
        public void ARM_list_response_json_is_read_and_raw_body_kept()
        {
            var json = JObject.Parse(@"{ ""value"": [ { ""id"": """ + Id + @""", ""name"": ""chat"", ""sku"": { ""name"": ""GlobalStandard"", ""capacity"": 50 },
                ""properties"": { ""model"": { ""format"": ""OpenAI"", ""name"": ""gpt-4o"", ""version"": ""2024-08-06"" }, ""versionUpgradeOption"": ""NoAutoUpgrade"", ""futureField"": 1 } } ], ""nextLink"": null }");
            var d = DeploymentReader.Read(json).Single().Deployment!;
            AssertChat(d);
            Assert.Equal(1, (int)d.RawBody!["properties"]!["futureField"]!);
        }

        [Fact]
        public void ConvertTo_Json_of_Az_objects_with_PascalCase_is_read()
        {
            var json = JArray.Parse(@"[ [ { ""Id"": """ + Id + @""", ""Name"": ""chat"", ""Sku"": { ""Name"": ""GlobalStandard"", ""Tier"": null, ""Capacity"": 50 },
                ""Properties"": { ""Model"": { ""Format"": ""OpenAI"", ""Name"": ""gpt-4o"", ""Version"": ""2024-08-06"" }, ""VersionUpgradeOption"": ""NoAutoUpgrade"" } } ] ]");
            AssertChat(DeploymentReader.Read(json).Single().Deployment!);
        }

        [Fact]
        public void This_modules_own_assessment_shape_is_read()
        {
            var own = new Dictionary<string, object?>
            {
                ["SubscriptionId"] = "11111111-2222-3333-4444-555555555555",
                ["ResourceGroupName"] = "rg-ai",
                ["AccountName"] = "contoso-openai",
                ["DeploymentName"] = "chat",
                ["ResourceId"] = Id,
                ["DeploymentType"] = "GlobalStandard",
                ["Capacity"] = 50,
                ["Model"] = "gpt-4o",
                ["Version"] = "2024-08-06",
                ["UpgradeOption"] = "NoAutoUpgrade",
            };
            AssertChat(DeploymentReader.Read(own).Single().Deployment!);
        }

        [Fact]
        public void An_Az_account_becomes_an_account_reference()
        {
            var acct = new AzAccount { ResourceGroupName = "rg-ai", AccountName = "contoso-openai", Id = Id.Substring(0, Id.IndexOf("/deployments", StringComparison.Ordinal)), AccountType = "OpenAI", Location = "eastus" };
            var item = DeploymentReader.Read(acct).Single();
            Assert.Null(item.Deployment);
            Assert.Equal("contoso-openai", item.Account!.AccountName);
            Assert.Equal("11111111-2222-3333-4444-555555555555", item.Account.SubscriptionId);
        }

        [Fact]
        public void A_deployment_id_string_is_a_deployment_reference()
        {
            var d = DeploymentReader.Read(Id).Single().Deployment!;
            Assert.Equal("chat", d.Name);
            Assert.Null(d.Model);
        }

        [Theory]
        [InlineData(42)]
        [InlineData("not an id")]
        public void Anything_else_is_a_per_item_error(object input)
        {
            var e = DeploymentReader.Read(input).Single().Error!;
            Assert.Equal("InputNotADeployment", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        }

        [Fact]
        public void A_host_view_is_read_and_errors_name_the_object_behind_it()
        {
            var view = new HostView(new Dictionary<string, object?>
            {
                ["Id"] = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a/deployments/chat",
                ["Properties"] = new HostView(new Dictionary<string, object?> { ["Model"] = new HostView(new Dictionary<string, object?> { ["Name"] = "gpt-4o", ["Version"] = "2024-08-06" }) }),
            });
            var d = DeploymentReader.Read(view).Single().Deployment!;
            Assert.Equal(("chat", "a", "gpt-4o", "2024-08-06"), (d.Name, d.AccountName, d.Model, d.Version));

            var stranger = new HostView(new Dictionary<string, object?> { ["Colour"] = "blue" });
            Assert.Same(stranger.Source, DeploymentReader.Read(stranger).Single().Error!.Target);
        }

        /// <summary>What a host hands over in place of its own objects: a bag that names the object it views.</summary>
        private sealed class HostView : IPropertyBag, IInputView
        {
            private readonly Dictionary<string, object?> _values;

            public HostView(Dictionary<string, object?> values) => _values = new Dictionary<string, object?>(values, StringComparer.OrdinalIgnoreCase);

            public object Source { get; } = new object();

            public bool TryGetValue(string name, out object? value) => _values.TryGetValue(name, out value);
        }

        [Fact]
        public void Inventory_file_errors_are_specific()
        {
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
            File.WriteAllText(path, "[ { \"name\": \"x\", }\n ");
            try
            {
                var ex = Assert.Throws<ModelLifecycleException>(() => DeploymentReader.ReadFile(path).ToList());
                Assert.Equal("InventoryFileInvalid", ex.ErrorId);
                Assert.Contains("line", ex.Message);
            }
            finally
            {
                File.Delete(path);
            }

            var missing = Assert.Throws<ModelLifecycleException>(() => DeploymentReader.ReadFile(path).ToList());
            Assert.Equal("InventoryFileNotFound", missing.ErrorId);
        }

        [Fact]
        public void A_path_the_host_cannot_resolve_gets_the_same_error_as_a_missing_file()
        {
            var ex = DeploymentReader.FileUnreadable("./gone.json", new InvalidOperationException("Cannot find path './gone.json' because it does not exist."), notFound: true);
            Assert.Equal("InventoryFileNotFound", ex.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, ex.Kind);
            Assert.Equal("./gone.json", ex.Target);
            Assert.Equal("The inventory file './gone.json' could not be read: Cannot find path './gone.json' because it does not exist.", ex.Message);
        }

        [Fact]
        public void An_account_where_a_deployment_is_needed_is_InputNotADeployment()
        {
            var account = AzureResourceId.Parse("/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a");
            var ex = InputItem.AccountNotADeployment(account);
            Assert.Equal("InputNotADeployment", ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            Assert.Equal(account.AccountId, ex.Target);
            Assert.EndsWith("is an account, not a deployment; pipe its deployments instead.", ex.Message);
        }

        private static List<InputItem> ReadText(string json)
        {
            var path = Path.Combine(Path.GetTempPath(), "inventory-" + Guid.NewGuid() + ".json");
            File.WriteAllText(path, json);
            try
            {
                return DeploymentReader.ReadFile(path).ToList();
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Theory]
        [InlineData("\"@{format=OpenAI; name=gpt-4o; version=2024-08-06}\"", "properties.model")]
        [InlineData("\"Microsoft.Azure.Management.CognitiveServices.Models.DeploymentModel\"", "properties.model")]
        public void An_inventory_written_at_ConvertTo_Json_default_depth_names_the_file_the_entry_and_the_fix(string model, string field)
        {
            var json = "[ { \"Id\": \"" + Id + "\", \"Name\": \"chat\", \"Properties\": { \"Model\": " + model + " } }, { \"Id\": \"" + Id.Replace("/chat", "/two") + "\", \"Name\": \"two\", \"Properties\": \"@{Model=}\" } ]";
            var items = ReadText(json);
            Assert.Equal(2, items.Count);
            var first = items[0].Error!;
            Assert.Equal("InventoryEntryTruncated", first.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, first.Kind);
            Assert.Contains("inventory-", first.Message);
            Assert.Contains("[0]", first.Message);
            Assert.Contains(field, first.Message);
            Assert.Contains("-Depth 10", first.RecommendedAction);
            Assert.DoesNotContain("Az.Accounts", first.Message + first.RecommendedAction);
            Assert.Contains("[1]", items[1].Error!.Message);
            Assert.Contains("properties was written as text", items[1].Error!.Message);
        }

        [Fact]
        public void A_lifecycle_record_is_refused_where_deployments_are_acted_on_and_read_as_a_model_elsewhere()
        {
            var record = ModelLifecycle.Core.Catalog.RetirementQuery.Find(Support.Catalogs.Embedded, new ModelLifecycle.Core.Catalog.RetirementFilter { Names = new[] { "o1" }, Version = "2024-12-17", AsOf = Support.Catalogs.Date("2026-01-01") }).Single();

            var refused = Assert.Single(DeploymentReader.ReadDeployments(record));
            Assert.Null(refused.Deployment);
            Assert.Equal("InputNotADeployment", refused.Error!.ErrorId);
            Assert.Contains("lifecycle record of o1 2024-12-17", refused.Error.Message);

            Assert.Equal("o1", Assert.Single(DeploymentReader.Read(record)).Deployment!.Model);
        }

        [Fact]
        public void An_error_about_the_whole_file_or_one_entry_reads_as_a_sentence()
        {
            var whole = Assert.Single(ReadText("{}")).Error!;
            Assert.StartsWith("The top-level object of the inventory file '", whole.Message, StringComparison.Ordinal);

            var entry = ReadText("[ 42 ]").Single().Error!;
            Assert.StartsWith("Entry [0] of the inventory file '", entry.Message, StringComparison.Ordinal);

            var listed = ReadText("{ \"value\": [ 42 ] }").Single().Error!;
            Assert.StartsWith("Entry value[0] of the inventory file '", listed.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_empty_file_and_a_directory_are_said_to_be_what_they_are()
        {
            var empty = Assert.Throws<ModelLifecycleException>(() => ReadText("  \n"));
            Assert.Equal("InventoryFileInvalid", empty.ErrorId);
            Assert.Contains("is empty", empty.Message);
            Assert.DoesNotContain("line 0", empty.Message);

            var directory = Assert.Throws<ModelLifecycleException>(() => DeploymentReader.ReadFile(Path.GetTempPath()).ToList());
            Assert.Equal("InventoryFileIsDirectory", directory.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, directory.Kind);
            Assert.DoesNotContain("denied", directory.Message);
        }

        [Fact]
        public void Errors_about_entries_of_a_valid_file_name_the_file_and_the_index()
        {
            var items = ReadText("{ \"value\": [ 42, { \"DeploymentName\": \"nomodel\" }, { \"id\": \"" + Id + "\" } ] }");
            Assert.Equal("InputNotADeployment", items[0].Error!.ErrorId);
            Assert.Contains("value[0]", items[0].Error!.Message);
            Assert.Contains("inventory-", items[0].Error!.Message);
            Assert.Equal("DeploymentDetailsMissing", items[1].Error!.ErrorId);
            Assert.Contains("value[1]", items[1].Error!.Message);
            Assert.Equal("chat", items[2].Deployment!.Name);
            Assert.Null(items[2].Deployment!.Model);
        }

        [Theory]
        [InlineData("/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a", "a", null)]
        [InlineData("/SUBSCRIPTIONS/s/resourcegroups/g/providers/microsoft.cognitiveservices/accounts/a/deployments/d/", "a", "d")]
        public void Resource_ids_parse_case_insensitively(string id, string account, string? deployment)
        {
            Assert.True(AzureResourceId.TryParse(id, out var r));
            Assert.Equal(account, r!.AccountName);
            Assert.Equal(deployment, r.DeploymentName);
        }

        [Theory]
        [InlineData("/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a")]
        [InlineData("/subscriptions/s/resourceGroups//providers/Microsoft.CognitiveServices/accounts/a")]
        [InlineData("")]
        public void Other_ids_are_rejected(string id)
        {
            Assert.False(AzureResourceId.TryParse(id, out _));
            Assert.Equal("InvalidResourceId", Assert.Throws<ModelLifecycleException>(() => AzureResourceId.Parse(id)).ErrorId);
        }
    }
}
