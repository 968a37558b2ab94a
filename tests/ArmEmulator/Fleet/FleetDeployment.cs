using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// One deployment as the fleet seeds it. <see cref="Properties"/> is raw JSON on purpose: any
    /// property, including ones ARM adds after this code was written, must survive a GET and a PUT.
    /// </summary>
    public sealed class FleetDeployment
    {
        [JsonProperty("name")]
        public string Name { get; set; } = "";

        [JsonProperty("sku", NullValueHandling = NullValueHandling.Ignore)]
        public FleetSku? Sku { get; set; }

        [JsonProperty("tags", NullValueHandling = NullValueHandling.Ignore)]
        public Dictionary<string, string>? Tags { get; set; }

        /// <summary>The deployment's <c>properties</c> object exactly as ARM would return it.</summary>
        [JsonProperty("properties")]
        public JObject Properties { get; set; } = new JObject();

        /// <summary>Top-level members other than name/sku/tags/properties (kept as they are).</summary>
        [JsonExtensionData]
        public IDictionary<string, JToken> Additional { get; set; } = new Dictionary<string, JToken>();

        /// <summary>A deployment of <paramref name="modelName"/>/<paramref name="modelVersion"/> on a SKU.</summary>
        /// <param name="versionUpgradeOption">Left out of the JSON when null, as ARM does.</param>
        public static FleetDeployment Create(
            string name,
            string modelName,
            string? modelVersion,
            string skuName,
            int capacity,
            string? versionUpgradeOption = null,
            string modelFormat = "OpenAI")
        {
            var model = new JObject { ["format"] = modelFormat, ["name"] = modelName };
            if (modelVersion != null)
            {
                model["version"] = modelVersion;
            }

            var properties = new JObject { ["model"] = model };
            if (versionUpgradeOption != null)
            {
                properties["versionUpgradeOption"] = versionUpgradeOption;
            }

            return new FleetDeployment
            {
                Name = name,
                Sku = new FleetSku(skuName, capacity),
                Properties = properties,
            };
        }
    }
}
