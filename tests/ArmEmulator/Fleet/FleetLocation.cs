using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// What one Azure region offers. The same catalog is served to every subscription: the emulator
    /// does not model per-subscription model availability or quota.
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
