using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>An ARM <c>sku</c> object (accounts and deployments). Unknown members are kept.</summary>
    public sealed class FleetSku
    {
        public FleetSku()
        {
        }

        public FleetSku(string name, int? capacity = null)
        {
            Name = name;
            Capacity = capacity;
        }

        [JsonProperty("name")]
        public string Name { get; set; } = "";

        [JsonProperty("capacity", NullValueHandling = NullValueHandling.Ignore)]
        public int? Capacity { get; set; }

        [JsonProperty("tier", NullValueHandling = NullValueHandling.Ignore)]
        public string? Tier { get; set; }

        /// <summary>Members this type does not name (size, family, future ones).</summary>
        [JsonExtensionData]
        public IDictionary<string, JToken> Additional { get; set; } = new Dictionary<string, JToken>();

        internal JObject ToJson() => JObject.FromObject(this, JsonSerializer.Create(JsonText.Settings));

        internal static FleetSku? FromJson(JToken? token) =>
            token is JObject sku ? sku.ToObject<FleetSku>(JsonSerializer.Create(JsonText.Settings)) : null;
    }
}
