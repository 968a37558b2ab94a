using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ModelLifecycle.Binding;
using ModelLifecycle.Core.Inventory;
using Xunit;

namespace ModelLifecycle.Runspace.Tests
{
    /// <summary>
    /// PowerShell's objects are turned into the Core's views at the edge: the Core reads only its own
    /// types, and gets no PSObject however deep the input nests them.
    /// </summary>
    public sealed class CoreViewTests
    {
        private const string Account = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct";

        private static PSObject Custom(params (string Name, object? Value)[] properties)
        {
            // new PSObject() wraps PSCustomObject, as [pscustomobject]@{...} and ConvertFrom-Json do.
            var o = new PSObject();
            foreach (var (name, value) in properties)
            {
                o.Properties.Add(new PSNoteProperty(name, value));
            }

            return o;
        }

        private static PSObject AzShaped(string name, string model) => Custom(
            ("Id", Account + "/deployments/" + name),
            ("Name", name),
            ("Sku", new Hashtable { ["Name"] = "GlobalStandard", ["Capacity"] = PSObject.AsPSObject(5) }),
            ("Properties", Custom(
                ("Model", Custom(("Format", "OpenAI"), ("Name", model), ("Version", "2024-08-06"))),
                ("VersionUpgradeOption", PSObject.AsPSObject("OnceNewDefaultVersionAvailable")))));

        [Fact]
        public void Nested_pscustomobjects_and_hashtables_reach_the_Core_as_its_own_views()
        {
            var input = AzShaped("chat", "gpt-4o");
            var view = Assert.IsAssignableFrom<IPropertyBag>(CoreView.Of(input));
            Assert.True(view.TryGetValue("Properties", out var properties));
            Assert.IsNotType<PSObject>(properties);
            Assert.True(((IPropertyBag)properties!).TryGetValue("Model", out var model));
            Assert.IsNotType<PSObject>(model);
            Assert.True(view.TryGetValue("Sku", out var sku));
            Assert.True(((IPropertyBag)sku!).TryGetValue("Capacity", out var capacity));
            Assert.Equal(5, capacity);

            var d = Assert.Single(DeploymentReader.Read(view)).Deployment!;
            Assert.Equal(("chat", "acct", "gpt-4o", "2024-08-06"), (d.Name, d.AccountName, d.Model, d.Version));
            Assert.Equal(("GlobalStandard", 5, "OnceNewDefaultVersionAvailable"), (d.DeploymentType, d.Capacity, d.UpgradeOption));
        }

        [Fact]
        public void The_Core_does_not_read_a_raw_PSObject_itself()
        {
            // The rule this edge exists for: without the view, the Core sees a PSObject's own members, not the deployment.
            var raw = Assert.Single(DeploymentReader.Read(AzShaped("chat", "gpt-4o")));
            Assert.Equal("InputNotADeployment", raw.Error?.ErrorId);
        }

        [Fact]
        public void An_ARM_list_from_ConvertFrom_Json_gives_each_deployment_and_an_empty_list_gives_nothing()
        {
            var list = Custom(("value", new object[] { AzShaped("one", "gpt-4o"), AzShaped("two", "o1") }));
            var items = DeploymentReader.Read(CoreView.Of(list)).ToList();
            Assert.Equal(new[] { "one", "two" }, items.Select(i => i.Deployment?.Name));

            // Get-AzCognitiveServicesAccountDeployment writes an empty List for an account with no deployments.
            Assert.Empty(DeploymentReader.Read(CoreView.Of(PSObject.AsPSObject(new List<object>()))));
        }

        [Fact]
        public void A_wrapped_Az_object_is_read_from_its_base_including_legacy_scale_settings()
        {
            var legacy = new AzDeployment
            {
                Id = Account + "/deployments/old",
                Name = "old",
                Properties = new AzProperties { Model = new AzModel { Name = "gpt-35-turbo", Version = "0301" }, ScaleSettings = new AzScale { ScaleType = "Standard", Capacity = 120 } },
            };
            var items = DeploymentReader.Read(CoreView.Of(PSObject.AsPSObject(new List<AzDeployment> { legacy }))).ToList();
            var d = Assert.Single(items).Deployment!;
            Assert.Equal(("old", "gpt-35-turbo", "Standard", 120), (d.Name, d.Model, d.DeploymentType, d.Capacity));
        }

        [Fact]
        public void An_error_about_input_names_the_object_the_caller_gave()
        {
            var stranger = Custom(("Colour", "blue"));
            var e = Assert.Single(DeploymentReader.Read(CoreView.Of(stranger))).Error!;
            Assert.Equal("InputNotADeployment", e.ErrorId);
            Assert.Same(stranger, e.Target);
            Assert.Contains("Colour=blue", e.Message);
        }

        public sealed class AzDeployment
        {
            public string? Id { get; set; }

            public string? Name { get; set; }

            public AzProperties? Properties { get; set; }
        }

        public sealed class AzProperties
        {
            public AzModel? Model { get; set; }

            public AzScale? ScaleSettings { get; set; }
        }

        public sealed class AzModel
        {
            public string? Name { get; set; }

            public string? Version { get; set; }
        }

        public sealed class AzScale
        {
            public string? ScaleType { get; set; }

            public int? Capacity { get; set; }
        }
    }
}
