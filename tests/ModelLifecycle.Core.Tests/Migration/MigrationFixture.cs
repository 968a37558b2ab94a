using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Migration;
using Newtonsoft.Json.Linq;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>A small catalog, Models_List and Usages_List shaped like ARM's, each isolating one rule.</summary>
    internal static class MigrationFixture
    {
        public const string AsOf = "2026-11-01";

        public static readonly LifecycleCatalog Catalog = FromEntries(@"[
          { ""model"": ""m"", ""version"": ""1"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""m"", ""version"": ""2"" } ] },
          { ""model"": ""m"", ""version"": ""2"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2028-01-01"", ""isDefaultVersion"": true },
          { ""model"": ""old"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""gone"" } ] },
          { ""model"": ""gone"", ""version"": ""1"", ""retirementDate"": ""2026-06-01"", ""replacements"": [ { ""model"": ""next"" } ] },
          { ""model"": ""next"", ""version"": ""2025-01-01"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2029-01-01"" },
          { ""model"": ""next"", ""version"": ""2025-06-01"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2029-06-01"" },
          { ""model"": ""next"", ""version"": ""2025-09-01"", ""stage"": ""Preview"", ""retirementDate"": ""2029-09-01"" },
          { ""model"": ""src2"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""soon"" } ] },
          { ""model"": ""soon"", ""version"": ""1"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2026-12-15"", ""replacements"": [ { ""model"": ""later"" } ] },
          { ""model"": ""later"", ""version"": ""1"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2029-01-01"" },
          { ""model"": ""src3"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""last"" } ] },
          { ""model"": ""last"", ""version"": ""1"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2026-12-15"" },
          { ""model"": ""src4"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""dead"" } ] },
          { ""model"": ""dead"", ""version"": ""1"", ""retirementDate"": ""2026-01-01"" },
          { ""model"": ""lonely"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"" },
          { ""model"": ""pre"", ""version"": ""1"", ""stage"": ""Preview"", ""retirementDate"": ""2029-01-01"" },
          { ""model"": ""dep"", ""version"": ""1"", ""stage"": ""GenerallyAvailable"", ""deprecationDate"": ""2026-06-01"", ""retirementDate"": ""2028-01-01"" },
          { ""model"": ""gpt-image-1.5"", ""version"": ""2025-12-16"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2029-01-01"" },
          { ""model"": ""dall-e-2"", ""version"": ""2"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""gpt-image-1-mini"" } ] },
          { ""model"": ""gpt-image-1-mini"", ""version"": ""2025-10-06"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2029-01-01"" }
        ]");

        public static JObject Model(string name, string version, bool isDefault, params (string Sku, string Usage)[] skus) =>
            Model(name, version, isDefault, "GenerallyAvailable", skus);

        public static JObject Model(string name, string version, bool isDefault, string lifecycleStatus, params (string Sku, string Usage)[] skus) =>
            new JObject
            {
                ["kind"] = "OpenAI",
                ["skuName"] = "S0",
                ["model"] = new JObject
                {
                    ["name"] = name,
                    ["format"] = "OpenAI",
                    ["version"] = version,
                    ["isDefaultVersion"] = isDefault,
                    ["lifecycleStatus"] = lifecycleStatus,
                    ["skus"] = new JArray(skus.Select(s => new JObject { ["name"] = s.Sku, ["usageName"] = s.Usage, ["capacity"] = new JObject { ["default"] = 10 } })),
                },
            };

        public static JObject Usage(string name, double current, double limit) =>
            new JObject
            {
                ["name"] = new JObject { ["value"] = name, ["localizedValue"] = name },
                ["currentValue"] = current,
                ["limit"] = limit,
                ["unit"] = "Count",
            };

        /// <summary>The location lists m 1 and m 2 (Standard, shared usage), next versions, and a few others.</summary>
        public static List<JObject> Models() => new List<JObject>
        {
            Model("m", "1", false, ("Standard", "OpenAI.Standard.m")),
            Model("m", "2", true, ("Standard", "OpenAI.Standard.m"), ("provisioned", "OpenAI.Provisioned.Class1")),
            Model("next", "2025-01-01", false, ("Standard", "OpenAI.Standard.next"), ("GlobalStandard", "OpenAI.GlobalStandard.next")),
            Model("next", "2025-06-01", false, ("Standard", "OpenAI.Standard.next")),
            Model("next", "2025-09-01", true, "Preview", ("GlobalStandard", "OpenAI.GlobalStandard.next")),
            Model("old", "1", false, ("Standard", "OpenAI.Standard.old"), ("provisioned", "OpenAI.Provisioned.Class1")),
        };

        public static List<JObject> Usages(double mUsed = 50, double nextUsed = 50, double limit = 100) => new List<JObject>
        {
            Usage("AccountCount", 3, 200),
            Usage("OpenAI.Standard.m", mUsed, limit),
            Usage("OpenAI.Standard.next", nextUsed, limit),
            Usage("OpenAI.Provisioned.Class1", 100, 300),
        };

        public static Deployment Source(string model, string version, string sku = "Standard", int capacity = 20, string name = "dep") =>
            new Deployment
            {
                Name = name,
                SubscriptionId = "00000000-0000-0000-0000-000000000001",
                ResourceGroupName = "rg",
                AccountName = "acct",
                Location = "westus",
                ResourceId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct/deployments/" + name,
                Model = model,
                Version = version,
                DeploymentType = sku,
                Capacity = capacity,
                UpgradeOption = "OnceCurrentVersionExpired",
                ProvisioningState = "Succeeded",
            };

        public static Deployment Other(string name, string model, string version, string state = "Succeeded") =>
            new Deployment { Name = name, AccountName = "acct", Model = model, Version = version, DeploymentType = "Standard", Capacity = 1, ProvisioningState = state };

        public static MigrationRequest Request(Deployment source, string? target = null, MigrationMode mode = MigrationMode.Auto, string asOf = AsOf) =>
            new MigrationRequest(source, Date(asOf)) { TargetModel = target, Mode = mode };

        /// <summary>Online: models, usages and the account's deployments (the source plus any others).</summary>
        public static MigrationContext Live(Deployment source, LifecycleCatalog? catalog = null, List<JObject>? models = null, List<JObject>? usages = null, params Deployment[] others) =>
            new MigrationContext(catalog ?? Catalog)
            {
                Models = models ?? Models(),
                Usages = usages ?? Usages(),
                AccountDeployments = new[] { source }.Concat(others).ToList(),
            };

        public static MigrationContext Offline(LifecycleCatalog? catalog = null) => new MigrationContext(catalog ?? Catalog);

        public static MigrationPlan Plan(MigrationRequest request, MigrationContext context) => MigrationPlanner.Plan(request, context);
    }
}
