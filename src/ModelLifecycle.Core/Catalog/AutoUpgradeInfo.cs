using System;
using System.Collections.Generic;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// A recorded automatic upgrade: a scheduled auto-upgrade in the docs, or the Models API's
    /// <c>replacementConfig</c>. Only such a record (or a newer default version of the same model)
    /// makes an upgrade target; a merely recommended replacement does not.
    /// </summary>
    public sealed class AutoUpgradeInfo
    {
        public AutoUpgradeInfo(ModelRef target, DateTime? startDate, DateQualifier startQualifier, int? leadDays, IReadOnlyList<string> appliesToDeploymentTypes, IReadOnlyList<string> appliesToUpgradeOptions, string? appliesToText, bool targetFromReplacement = false)
        {
            TargetFromReplacement = targetFromReplacement;
            Target = target ?? throw new ArgumentNullException(nameof(target));
            StartDate = startDate;
            StartQualifier = startQualifier;
            LeadDays = leadDays;
            AppliesToDeploymentTypes = appliesToDeploymentTypes;
            AppliesToUpgradeOptions = appliesToUpgradeOptions;
            AppliesToText = appliesToText;
        }

        public ModelRef Target { get; }

        /// <summary>
        /// True when the source gives the upgrade's date but not its target, and the target is the docs
        /// table's replacement column: an inference, not a recorded target version or replacementConfig.
        /// </summary>
        public bool TargetFromReplacement { get; }

        /// <summary>When upgrades start (for OnceNewDefaultVersionAvailable deployments; the API's autoUpgradeStartDate).</summary>
        public DateTime? StartDate { get; }

        public DateQualifier StartQualifier { get; }

        /// <summary>Days before retirement that OnceCurrentVersionExpired deployments are upgraded (the API's upgradeOnExpiryLeadTimeDays).</summary>
        public int? LeadDays { get; }

        /// <summary>Deployment types (sku names) the upgrade applies to; empty means every auto-upgraded type.</summary>
        public IReadOnlyList<string> AppliesToDeploymentTypes { get; }

        /// <summary>Upgrade options (versionUpgradeOption values) the upgrade applies to; empty means any option that allows upgrades.</summary>
        public IReadOnlyList<string> AppliesToUpgradeOptions { get; }

        /// <summary>The source's own words on whom it applies to, when it says more than a list of types.</summary>
        public string? AppliesToText { get; }

        public override string ToString() =>
            StartDate is DateTime d ? $"{Target} from {d:yyyy-MM-dd}" : Target.ToString();
    }
}
