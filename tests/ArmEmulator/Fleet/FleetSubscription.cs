using System.Collections.Generic;
using Newtonsoft.Json;

namespace ModelLifecycle.ArmEmulator
{
    public sealed class FleetSubscription
    {
        [JsonProperty("subscriptionId")]
        public string SubscriptionId { get; set; } = "";

        [JsonProperty("displayName")]
        public string DisplayName { get; set; } = "";

        [JsonProperty("tenantId")]
        public string TenantId { get; set; } = "";

        /// <summary>Enabled, Disabled, Warned, PastDue or Deleted, as ARM reports it.</summary>
        [JsonProperty("state")]
        public string State { get; set; } = "Enabled";

        /// <summary>Limited-access models (see <see cref="Fleet.LimitedAccessModels"/>) this subscription is registered for.</summary>
        [JsonProperty("limitedAccessGranted")]
        public List<string> LimitedAccessGranted { get; set; } = new List<string>();

        public bool ShouldSerializeLimitedAccessGranted() => LimitedAccessGranted.Count > 0;

        [JsonProperty("resourceGroups")]
        public List<FleetResourceGroup> ResourceGroups { get; set; } = new List<FleetResourceGroup>();

        public FleetResourceGroup AddResourceGroup(string name, string location)
        {
            var group = new FleetResourceGroup { Name = name, Location = location };
            ResourceGroups.Add(group);
            return group;
        }
    }
}
