using System;
using System.IO;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Policy;
using ModelLifecycle.Core.Tests.TestSupport;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Catalog
{
    public class LiveCatalogTests
    {
        private static JObject Item(string name, string version, string? status, string? inference, string? deprecationStatus = "Planned", string skus = "[]", string? replacement = null) =>
            JObject.Parse($@"{{ ""kind"": ""OpenAI"", ""skuName"": ""S0"", ""model"": {{ ""format"": ""OpenAI"", ""name"": ""{name}"", ""version"": ""{version}"",
                ""lifecycleStatus"": {(status is null ? "null" : "\"" + status + "\"")},
                ""deprecation"": {{ ""inference"": {(inference is null ? "null" : "\"" + inference + "\"")}, ""deprecationStatus"": ""{deprecationStatus}"" }},
                ""skus"": {skus} {(replacement is null ? string.Empty : ", \"replacementConfig\": " + replacement)} }} }}");

        private static CatalogEntry One(params JObject[] items) =>
            LiveCatalog.FromModels(items, "eastus", CatalogCloud.AzureCloud, Date("2026-11-22")).Entries.Single();

        [Theory]
        [InlineData("Deprecated", LifecycleStage.Retired)]
        [InlineData("Deprecating", LifecycleStage.Deprecated)]
        [InlineData("GenerallyAvailable", LifecycleStage.GenerallyAvailable)]
        [InlineData("Stable", LifecycleStage.GenerallyAvailable)]
        [InlineData("Preview", LifecycleStage.Preview)]
        [InlineData("Legacy", LifecycleStage.Legacy)]
        [InlineData("SomethingNew", null)]
        public void Translates_the_API_vocabulary(string api, LifecycleStage? docs) => Assert.Equal(docs, LiveCatalog.StageFromApi(api));

        [Fact]
        public void Inference_date_is_retirement_and_2099_means_none()
        {
            Assert.Equal(Date("2027-01-31"), One(Item("m", "1", "GenerallyAvailable", "2027-01-31T00:00:00Z")).RetirementDate);
            Assert.Null(One(Item("m", "1", "GenerallyAvailable", "2099-12-31T00:00:00Z")).RetirementDate);
        }

        [Fact]
        public void Tentative_status_is_kept()
        {
            Assert.Equal(DateQualifier.Tentative, One(Item("m", "1", "GenerallyAvailable", "2027-01-31T00:00:00Z", "Tentative")).RetirementQualifier);
        }

        [Fact]
        public void Sku_dates_become_dates_per_deployment_type()
        {
            var e = One(Item("m", "1", "GenerallyAvailable", "2027-06-30T00:00:00Z", skus: @"[ { ""name"": ""Standard"", ""deprecationDate"": ""2027-02-01T00:00:00Z"" }, { ""name"": ""provisioned"", ""deprecationDate"": ""2027-05-01T00:00:00Z"" } ]"));
            Assert.Equal(Date("2027-02-01"), e.RetirementDateFor("Standard"));
            Assert.Equal(Date("2027-05-01"), e.RetirementDateFor("GlobalProvisionedManaged"));
            Assert.Equal(Date("2027-06-30"), e.RetirementDateFor("GlobalStandard"));
            Assert.Equal(Date("2027-02-01"), e.EarliestRetirementDate);
            Assert.Equal(Date("2027-06-30"), e.RetirementDate);
        }

        [Fact]
        public void ReplacementConfig_is_an_upgrade_target_with_start_and_lead_days()
        {
            var e = One(Item("gpt-4o", "2024-05-13", "Deprecating", "2027-01-01T00:00:00Z", replacement: @"{ ""targetModelName"": ""gpt-4.1"", ""targetModelVersion"": ""2025-04-14"", ""autoUpgradeStartDate"": ""2026-12-01T07:00:00Z"", ""upgradeOnExpiryLeadTimeDays"": 7 }"));
            Assert.Equal("gpt-4.1 2025-04-14", e.AutoUpgrade!.Target.ToString());
            Assert.Equal(Date("2026-12-01"), e.AutoUpgrade.StartDate);
            Assert.Equal(7, e.AutoUpgrade.LeadDays);
            Assert.Equal(CatalogOrigin.Live, e.Origin);
        }

        [Theory]
        [InlineData("\"maybe\"", null)]
        [InlineData("{ \"x\": 1 }", null)]
        [InlineData("\"true\"", true)]
        [InlineData("false", false)]
        public void Fields_of_an_unexpected_type_read_as_absent(string isDefaultJson, bool? expected)
        {
            var item = Item("m", "1", "GenerallyAvailable", "2027-01-31T00:00:00Z", replacement: @"{ ""targetModelName"": ""n"", ""upgradeOnExpiryLeadTimeDays"": ""soon"" }");
            var model = (JObject)item["model"]!;
            model["isDefaultVersion"] = JToken.Parse(isDefaultJson);
            model["lifecycleStatus"] = new JArray("GenerallyAvailable");
            ((JObject)model["deprecation"]!)["deprecationStatus"] = new JObject();
            var e = One(item);
            Assert.Equal(expected, e.IsDefaultVersion);
            Assert.Null(e.Stage);
            Assert.Equal(Date("2027-01-31"), e.RetirementDate);
            Assert.Null(e.AutoUpgrade!.LeadDays);
        }

        [Fact]
        public void Live_data_overrides_the_snapshot_and_changes_the_verdict()
        {
            // The snapshot has no upgrade for GlobalStandard gpt-4o 2024-08-06; the live API names one.
            var live = LiveCatalog.FromModels(new[] { Item("gpt-4o", "2024-08-06", "Deprecating", "2027-03-01T00:00:00Z", replacement: @"{ ""targetModelName"": ""gpt-5.1"", ""targetModelVersion"": ""2025-11-13"", ""upgradeOnExpiryLeadTimeDays"": 3 }") },
                "eastus", CatalogCloud.AzureCloud, Date("2026-11-22"));
            var merged = Embedded.WithOverlay(live);
            var a = Assess(Deployment("gpt-4o", "2024-08-06", "GlobalStandard", "OnceCurrentVersionExpired"), "2026-11-22", merged);
            Assert.Equal(UpgradeOutcome.AutoUpgradeAtRetirement, a.OutcomeValue);
            Assert.Equal(Date("2027-02-26"), a.EffectiveDate);
            Assert.Contains(a.Notes, n => n.Contains("Embedded catalog") && n.Contains("2026-03-31"));
        }

        [RequiresArmExamplesFact]
        public void Reads_the_official_ListLocationModels_example()
        {
            var example = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.ArmExamples!, "2026-05-01_ListLocationModels.json")));
            var items = ((JArray)example["responses"]!["200"]!["body"]!["value"]!).Cast<JObject>();
            var c = LiveCatalog.FromModels(items, "WestUS", CatalogCloud.AzureCloud, Date("2026-11-22"));
            var dalle = c.Find(CatalogCloud.AzureCloud, "dall-e-3", "3")!;
            Assert.Equal(DateQualifier.Tentative, dalle.RetirementQualifier);
            Assert.Equal(Date("2025-09-30"), dalle.RetirementDateFor("ProvisionedManaged"));
            Assert.Equal(LifecycleStage.Retired, c.Find(CatalogCloud.AzureCloud, "gpt-35-turbo", "0301")!.Stage);
            Assert.Equal("gpt-4.1", c.Find(CatalogCloud.AzureCloud, "gpt-4o", "2024-05-13")!.AutoUpgrade!.Target.Model);
            Assert.Null(c.Find(CatalogCloud.AzureCloud, "Llama-3.2-90B-Vision-Instruct", "2")!.RetirementDate);
        }
    }
}
