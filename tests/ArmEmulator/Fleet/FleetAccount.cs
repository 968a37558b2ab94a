using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>A Microsoft.CognitiveServices account (kind OpenAI, AIServices or any other).</summary>
    public sealed class FleetAccount
    {
        [JsonProperty("name")]
        public string Name { get; set; } = "";

        [JsonProperty("location")]
        public string Location { get; set; } = "";

        [JsonProperty("kind")]
        public string Kind { get; set; } = "OpenAI";

        [JsonProperty("sku")]
        public FleetSku Sku { get; set; } = new FleetSku("S0");

        /// <summary>Null means the account has no <c>tags</c> member at all (as in ARM's own examples).</summary>
        [JsonProperty("tags", NullValueHandling = NullValueHandling.Ignore)]
        public Dictionary<string, string>? Tags { get; set; }

        /// <summary>Fixed etag; when null the emulator makes one up.</summary>
        [JsonProperty("etag", NullValueHandling = NullValueHandling.Ignore)]
        public string? Etag { get; set; }

        /// <summary>
        /// Raw account <c>properties</c>. When it has no <c>endpoint</c> the emulator adds one, and
        /// <c>provisioningState</c> defaults to Succeeded.
        /// </summary>
        [JsonProperty("properties", NullValueHandling = NullValueHandling.Ignore)]
        public JObject? Properties { get; set; }

        [JsonProperty("deployments")]
        public List<FleetDeployment> Deployments { get; set; } = new List<FleetDeployment>();

        /// <summary>Raw Usage items returned by GET .../accounts/{name}/usages.</summary>
        [JsonProperty("usages")]
        public List<JObject> Usages { get; set; } = new List<JObject>();

        /// <summary>Adds a deployment and returns it so the caller can add more properties.</summary>
        public FleetDeployment AddDeployment(
            string name,
            string modelName,
            string? modelVersion,
            string skuName,
            int capacity,
            string? versionUpgradeOption = null,
            string modelFormat = "OpenAI")
        {
            var deployment = FleetDeployment.Create(name, modelName, modelVersion, skuName, capacity, versionUpgradeOption, modelFormat);
            Deployments.Add(deployment);
            return deployment;
        }
    }
}
