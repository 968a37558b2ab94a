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
        /// The JSON body as it arrived (ARM or an inventory file), every property kept; null for inputs
        /// that had none. Internal: it is a record of the input for the Core and its tests, not part of
        /// the output a user sees or serializes.
        /// </summary>
        internal JObject? RawBody { get; set; }

        public override string ToString() => AccountName is null ? Name : AccountName + "/" + Name;
    }
}
