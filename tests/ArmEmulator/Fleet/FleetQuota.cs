using Newtonsoft.Json;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// A quota limit for one usage name (e.g. "OpenAI.GlobalStandard.gpt-4o") in one location. The
    /// usage's currentValue is not seeded: it is the sum of the capacity of the subscription's
    /// deployments in the location whose model SKU has this usage name, so it moves as deployments are
    /// created, resized and deleted, and a PUT that needs more than is free fails with InsufficientQuota.
    /// </summary>
    public sealed class FleetQuota
    {
        [JsonProperty("usageName")]
        public string UsageName { get; set; } = "";

        /// <summary>name.localizedValue, and the quota's name in InsufficientQuota messages; the usage name when null.</summary>
        [JsonProperty("localizedName", NullValueHandling = NullValueHandling.Ignore)]
        public string? LocalizedName { get; set; }

        [JsonProperty("limit")]
        public decimal Limit { get; set; }

        [JsonProperty("unit")]
        public string Unit { get; set; } = "Count";

        /// <summary>Only this subscription; null means every subscription (a subscription's own entry wins).</summary>
        [JsonProperty("subscriptionId", NullValueHandling = NullValueHandling.Ignore)]
        public string? SubscriptionId { get; set; }

        public FleetQuota Clone() => (FleetQuota)MemberwiseClone();
    }
}
