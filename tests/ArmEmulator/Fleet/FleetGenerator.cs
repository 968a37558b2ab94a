using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Makes large, deterministic fleets for benchmarks and load tests. The mix of models, SKUs and
    /// upgrade options resembles a real estate (many GlobalStandard/Standard chat deployments, some
    /// provisioned, embeddings, an image model, a few fine-tuned ones and a few that use the newest
    /// properties). Dates and capacities are invented and say nothing about the real catalog.
    /// </summary>
    internal static class FleetGenerator
    {
        private static readonly string[] Locations = { "eastus", "eastus2", "swedencentral", "westus3", "francecentral", "japaneast" };

        private static readonly string?[] UpgradeOptions =
        {
            "OnceNewDefaultVersionAvailable", "OnceNewDefaultVersionAvailable", "OnceCurrentVersionExpired",
            "NoAutoUpgrade", null, null,
        };

        // Weight, name, version, lifecycle, retirement, default?, replacement name/version, SKUs deployable.
        private static readonly CatalogModel[] Catalog =
        {
            new CatalogModel(8, "gpt-4o", "2024-05-13", "Deprecating", "2026-03-31T00:00:00Z", false, "gpt-4o", "2024-11-20", "Standard", "GlobalStandard", "ProvisionedManaged"),
            new CatalogModel(14, "gpt-4o", "2024-08-06", "GenerallyAvailable", "2026-10-01T00:00:00Z", true, "gpt-4.1", "2025-04-14", "Standard", "GlobalStandard", "DataZoneStandard", "ProvisionedManaged"),
            new CatalogModel(6, "gpt-4o", "2024-11-20", "GenerallyAvailable", "2026-10-01T00:00:00Z", false, "gpt-4.1", "2025-04-14", "GlobalStandard", "GlobalProvisionedManaged"),
            new CatalogModel(12, "gpt-4o-mini", "2024-07-18", "Deprecating", "2026-03-31T00:00:00Z", true, "gpt-4.1-mini", "2025-04-14", "Standard", "GlobalStandard"),
            new CatalogModel(12, "gpt-4.1", "2025-04-14", "GenerallyAvailable", "2026-10-14T00:00:00Z", true, null, null, "GlobalStandard", "DataZoneStandard", "ProvisionedManaged"),
            new CatalogModel(8, "gpt-4.1-mini", "2025-04-14", "GenerallyAvailable", "2026-10-14T00:00:00Z", true, null, null, "GlobalStandard", "Standard"),
            new CatalogModel(5, "o1", "2024-12-17", "GenerallyAvailable", "2026-07-15T00:00:00Z", true, "o3", "2025-04-16", "GlobalStandard"),
            new CatalogModel(4, "o3-mini", "2025-01-31", "GenerallyAvailable", "2026-08-02T00:00:00Z", true, "o4-mini", "2025-04-16", "GlobalStandard", "DataZoneStandard"),
            new CatalogModel(5, "gpt-35-turbo", "0125", "Deprecated", "2025-11-14T00:00:00Z", true, "gpt-4.1-mini", "2025-04-14", "Standard"),
            new CatalogModel(10, "text-embedding-ada-002", "2", "GenerallyAvailable", "2026-10-03T00:00:00Z", true, "text-embedding-3-small", "1", "Standard", "GlobalStandard"),
            new CatalogModel(6, "text-embedding-3-large", "1", "GenerallyAvailable", "2027-04-14T00:00:00Z", true, null, null, "Standard", "GlobalStandard"),
            new CatalogModel(3, "dall-e-3", "3.0", "Deprecating", "2026-03-04T00:00:00Z", true, "gpt-image-1", "2025-04-15", "Standard"),
            new CatalogModel(2, "whisper", "001", "GenerallyAvailable", "2099-12-31T00:00:00Z", true, null, null, "Standard"),
        };

        public static Fleet Generate(int subscriptions, int accountsPerSubscription, int deploymentsPerAccount, int seed)
        {
            if (subscriptions < 0 || accountsPerSubscription < 0 || deploymentsPerAccount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(subscriptions), "Counts must not be negative.");
            }

            var random = new Random(seed);
            var fleet = new Fleet();
            string tenantId = NewGuid(random);
            int totalWeight = 0;
            foreach (CatalogModel model in Catalog)
            {
                totalWeight += model.Weight;
            }

            var usedLocations = new SortedSet<string>(StringComparer.Ordinal);
            for (int s = 0; s < subscriptions; s++)
            {
                FleetSubscription subscription = fleet.AddSubscription(NewGuid(random), $"ml-bench-{s + 1:D2}", tenantId);
                int groupCount = Math.Max(1, accountsPerSubscription / 10);
                for (int a = 0; a < accountsPerSubscription; a++)
                {
                    string location = Locations[random.Next(Locations.Length)];
                    usedLocations.Add(location);
                    int groupIndex = a % groupCount;
                    FleetResourceGroup group = groupIndex < subscription.ResourceGroups.Count
                        ? subscription.ResourceGroups[groupIndex]
                        : subscription.AddResourceGroup($"rg-ai-{groupIndex + 1:D2}", location);
                    string kind = random.Next(10) < 6 ? "OpenAI" : "AIServices";
                    FleetAccount account = group.AddAccount($"aoai-{s + 1:D2}-{a + 1:D3}-{random.Next(0x10000):x4}", location, kind);
                    account.Tags = new Dictionary<string, string> { ["env"] = random.Next(3) == 0 ? "dev" : "prod", ["costCenter"] = $"cc-{random.Next(100, 999)}" };
                    for (int d = 0; d < deploymentsPerAccount; d++)
                    {
                        account.Deployments.Add(NewDeployment(random, subscription, group, account, d, totalWeight));
                    }
                }
            }

            foreach (string location in usedLocations)
            {
                AddCatalog(fleet.Location(location), random);
            }

            return fleet;
        }

        private static FleetDeployment NewDeployment(Random random, FleetSubscription subscription, FleetResourceGroup group, FleetAccount account, int index, int totalWeight)
        {
            // About one in thirty deployments is a fine-tuned model, which no Models_List shows.
            if (random.Next(30) == 0)
            {
                string fineTuned = $"gpt-4o-mini-2024-07-18.ft-{random.Next():x8}";
                FleetDeployment tuned = FleetDeployment.Create($"ft-{index + 1:D2}", fineTuned, "1", "Standard", 1, null);
                ((JObject)tuned.Properties["model"]!)["source"] =
                    $"/subscriptions/{subscription.SubscriptionId}/resourceGroups/{group.Name}/providers/Microsoft.CognitiveServices/accounts/{account.Name}";
                AddServerProperties(tuned, 1);
                return tuned;
            }

            CatalogModel model = Pick(random, totalWeight);
            string sku = model.Skus[random.Next(model.Skus.Length)];
            bool provisioned = sku.Contains("Provisioned", StringComparison.Ordinal);
            int capacity = provisioned ? 50 * random.Next(1, 8) : 10 * random.Next(1, 31);
            string? upgrade = UpgradeOptions[random.Next(UpgradeOptions.Length)];
            FleetDeployment deployment = FleetDeployment.Create($"{model.Name}-{index + 1:D2}", model.Name, model.Version, sku, capacity, upgrade);
            deployment.Properties["raiPolicyName"] = "Microsoft.DefaultV2";
            AddServerProperties(deployment, capacity);

            // A few use the newest members, so clients that drop them get caught under load too.
            if (random.Next(12) == 0)
            {
                deployment.Properties["spilloverDeploymentName"] = $"spill-{index + 1:D2}";
                deployment.Properties["serviceTier"] = "Default";
                deployment.Properties["deploymentState"] = "Running";
                deployment.Tags = new Dictionary<string, string> { ["owner"] = "platform" };
            }

            return deployment;
        }

        // The read-only members a real GET carries, so parsers see a realistic body.
        private static void AddServerProperties(FleetDeployment deployment, int capacity)
        {
            deployment.Properties["currentCapacity"] = capacity;
            deployment.Properties["rateLimits"] = new JArray
            {
                new JObject { ["key"] = "request", ["renewalPeriod"] = 10, ["count"] = capacity },
                new JObject { ["key"] = "token", ["renewalPeriod"] = 60, ["count"] = capacity * 1000 },
            };
            deployment.Properties["provisioningState"] = "Succeeded";
        }

        private static CatalogModel Pick(Random random, int totalWeight)
        {
            int roll = random.Next(totalWeight);
            foreach (CatalogModel model in Catalog)
            {
                roll -= model.Weight;
                if (roll < 0)
                {
                    return model;
                }
            }

            return Catalog[Catalog.Length - 1];
        }

        private static void AddCatalog(FleetLocation location, Random random)
        {
            location.AddUsage("AccountCount", "Cognitive Services total account limit", random.Next(1, 60), 200);
            foreach (CatalogModel model in Catalog)
            {
                ModelItem item = ModelItem.Create(model.Name, model.Version)
                    .Lifecycle(model.Lifecycle)
                    .DefaultVersion(model.IsDefault)
                    .Deprecation(model.Retirement, deprecationStatus: "Planned")
                    .Capability("inference", "true")
                    .MaxCapacity(100);
                if (model.ReplacementName != null)
                {
                    item.Replacement(model.ReplacementName, model.ReplacementVersion!, ShiftDays(model.Retirement, -30), 7);
                }

                foreach (string sku in model.Skus)
                {
                    string usageName = $"OpenAI.{sku}.{model.Name}";
                    item.Sku(sku, usageName, model.Retirement);
                    if (!location.Usages.Exists(u => (string?)u["name"]?["value"] == usageName))
                    {
                        location.AddUsage(usageName, $"Tokens Per Minute (thousands) - {model.Name} ({sku})", 10 * random.Next(0, 50), 1000);
                    }

                    location.AddModelCapacity("OpenAI", model.Name, model.Version, sku, 10 * random.Next(0, 200), 0);
                }

                location.AddModel(item.ToJson());
            }
        }

        private static string ShiftDays(string isoDate, int days) =>
            DateTimeOffset.Parse(isoDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                .AddDays(days)
                .ToUniversalTime()
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private static string NewGuid(Random random)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }

        private sealed class CatalogModel
        {
            public CatalogModel(int weight, string name, string version, string lifecycle, string retirement, bool isDefault, string? replacementName, string? replacementVersion, params string[] skus)
            {
                Weight = weight;
                Name = name;
                Version = version;
                Lifecycle = lifecycle;
                Retirement = retirement;
                IsDefault = isDefault;
                ReplacementName = replacementName;
                ReplacementVersion = replacementVersion;
                Skus = skus;
            }

            public int Weight { get; }

            public string Name { get; }

            public string Version { get; }

            public string Lifecycle { get; }

            public string Retirement { get; }

            public bool IsDefault { get; }

            public string? ReplacementName { get; }

            public string? ReplacementVersion { get; }

            public string[] Skus { get; }
        }
    }
}
