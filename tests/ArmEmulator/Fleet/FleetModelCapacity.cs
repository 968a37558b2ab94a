using Newtonsoft.Json;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Free capacity for one model version on one SKU in one location; rendered as a
    /// <c>Microsoft.CognitiveServices/locations/models/skuCapacities</c> item.
    /// </summary>
    public sealed class FleetModelCapacity
    {
        [JsonProperty("modelFormat")]
        public string ModelFormat { get; set; } = "OpenAI";

        [JsonProperty("modelName")]
        public string ModelName { get; set; } = "";

        [JsonProperty("modelVersion")]
        public string ModelVersion { get; set; } = "";

        [JsonProperty("skuName")]
        public string SkuName { get; set; } = "";

        [JsonProperty("availableCapacity")]
        public decimal AvailableCapacity { get; set; }

        [JsonProperty("availableFinetuneCapacity", NullValueHandling = NullValueHandling.Ignore)]
        public decimal? AvailableFinetuneCapacity { get; set; }

        /// <summary>Newer api-versions add these (e.g. "Regional" / "westus").</summary>
        [JsonProperty("scopeType", NullValueHandling = NullValueHandling.Ignore)]
        public string? ScopeType { get; set; }

        [JsonProperty("scopeId", NullValueHandling = NullValueHandling.Ignore)]
        public string? ScopeId { get; set; }
    }
}
