using System;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle
{
    /// <summary>
    /// A model deployment on a Cognitive Services account, in whatever form it arrived (Az object,
    /// ARM JSON, an inventory file, this module's own output), reduced to what the module reasons about.
    /// </summary>
    public sealed class Deployment
    {
        public string? SubscriptionId { get; set; }

        public string? ResourceGroupName { get; set; }

        public string? AccountName { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? ResourceId { get; set; }

        public string? Location { get; set; }

        /// <summary>The sku name: Standard, GlobalStandard, DataZoneStandard, ProvisionedManaged, GlobalBatch ...</summary>
        public string? DeploymentType { get; set; }

        public int? Capacity { get; set; }

        public string? ModelFormat { get; set; }

        public string? Model { get; set; }

        public string? Version { get; set; }

        /// <summary>properties.versionUpgradeOption as set; null when unset (ARM then omits it).</summary>
        public string? UpgradeOption { get; set; }

        public string? ProvisioningState { get; set; }

        /// <summary>
        /// The ARM body as read, every property kept; null for inputs that had none. Internal: PowerShell
        /// cannot read a JObject, and in ConvertTo-Json or a CSV cell it is noise (Export-Csv wrote 60 lines).
        /// </summary>
        [Newtonsoft.Json.JsonIgnore]
        internal JObject? RawBody { get; set; }

        public override string ToString() => AccountName is null ? Name : AccountName + "/" + Name;
    }
}
