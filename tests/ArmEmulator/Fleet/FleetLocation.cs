using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// What one Azure region offers. The same catalog is served to every subscription; quota limits
    /// (<see cref="Quotas"/>) may differ per subscription.
    /// </summary>
    public sealed class FleetLocation
    {
        /// <summary>Region name as it appears in ids (e.g. "eastus" or "WestUS"); matched case-insensitively.</summary>
        [JsonProperty("name")]
        public string Name { get; set; } = "";

        /// <summary>Raw Models_List items: <c>{ kind, skuName, model: { ... lifecycleStatus, deprecation, skus, replacementConfig ... } }</c>.</summary>
        [JsonProperty("models")]
        public List<JObject> Models { get; set; } = new List<JObject>();

        /// <summary>Raw Usage items for GET .../locations/{name}/usages.</summary>
        [JsonProperty("usages")]
        public List<JObject> Usages { get; set; } = new List<JObject>();

        /// <summary>
        /// Quota limits whose usage (currentValue) is computed from the deployments; served by
        /// Usages_List after <see cref="Usages"/> (replacing a raw item of the same name) and enforced on PUT.
        /// </summary>
        [JsonProperty("quotas")]
        public List<FleetQuota> Quotas { get; set; } = new List<FleetQuota>();

        /// <summary>Fleets without quotas keep their JSON as it was.</summary>
        public bool ShouldSerializeQuotas() => Quotas.Count > 0;

        [JsonProperty("modelCapacities")]
        public List<FleetModelCapacity> ModelCapacities { get; set; } = new List<FleetModelCapacity>();

        /// <summary>Adds a Models_List item (see <see cref="ModelItem"/> for a builder) and returns this location.</summary>
        public FleetLocation AddModel(JObject item)
        {
            Models.Add(item);
            return this;
        }

        /// <summary>Adds a Usage item <c>{ name { value, localizedValue }, currentValue, limit, unit }</c>.</summary>
        public FleetLocation AddUsage(string name, string localizedName, decimal currentValue, decimal limit, string unit = "Count")
        {
            Usages.Add(new JObject
            {
                ["name"] = new JObject { ["value"] = name, ["localizedValue"] = localizedName },
                ["currentValue"] = currentValue,
                ["limit"] = limit,
                ["unit"] = unit,
            });
            return this;
        }

        /// <summary>Adds a quota limit (for every subscription, or only <paramref name="subscriptionId"/>) and returns this location.</summary>
        public FleetLocation AddQuota(string usageName, decimal limit, string? localizedName = null, string? subscriptionId = null)
        {
            Quotas.Add(new FleetQuota { UsageName = usageName, Limit = limit, LocalizedName = localizedName, SubscriptionId = subscriptionId });
            return this;
        }

        public FleetLocation AddModelCapacity(string modelFormat, string modelName, string modelVersion, string skuName, decimal available, decimal? availableFinetune = null)
        {
            ModelCapacities.Add(new FleetModelCapacity
            {
                ModelFormat = modelFormat,
                ModelName = modelName,
                ModelVersion = modelVersion,
                SkuName = skuName,
                AvailableCapacity = available,
                AvailableFinetuneCapacity = availableFinetune,
            });
            return this;
        }
    }
}
