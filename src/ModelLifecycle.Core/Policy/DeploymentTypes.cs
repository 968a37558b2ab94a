using System;

namespace ModelLifecycle.Core.Policy
{
    /// <summary>How a deployment type (sku name) takes part in automatic upgrades.</summary>
    public enum DeploymentTypeClass
    {
        /// <summary>Standard, GlobalStandard, DataZoneStandard: upgraded by the service (learn.microsoft.com/azure/foundry/openai/how-to/working-with-models).</summary>
        AutoUpgraded,

        /// <summary>ProvisionedManaged and its Global/DataZone variants: never auto-upgraded; migrate in place or side by side.</summary>
        Provisioned,

        /// <summary>GlobalBatch, DataZoneBatch: migrated side by side.</summary>
        Batch,

        /// <summary>A type this module does not know; treated as not auto-upgraded, and said so.</summary>
        Unknown,
    }

    public static class DeploymentTypes
    {
        public static DeploymentTypeClass Classify(string? skuName)
        {
            if (string.IsNullOrWhiteSpace(skuName))
            {
                return DeploymentTypeClass.Unknown;
            }

            var s = skuName!.Trim();
            if (Is(s, "Standard") || Is(s, "GlobalStandard") || Is(s, "DataZoneStandard"))
            {
                return DeploymentTypeClass.AutoUpgraded;
            }

            if (s.IndexOf("Provisioned", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return DeploymentTypeClass.Provisioned;
            }

            if (s.EndsWith("Batch", StringComparison.OrdinalIgnoreCase))
            {
                return DeploymentTypeClass.Batch;
            }

            return DeploymentTypeClass.Unknown;
        }

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
