using System;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle
{
    /// <summary>
    /// What retires when and what replaces it: one model version in one cloud, as of a date.
    /// Output of Get-ModelRetirement.
    /// </summary>
    public sealed class ModelRetirement
    {
        public string Model { get; internal set; } = string.Empty;

        /// <summary>Null when the source names no version (the entry covers every version).</summary>
        public string? Version { get; internal set; }

        /// <summary>Base or FineTuned: a fine-tuned model's deployments retire on their own date.</summary>
        public string Kind { get; internal set; } = nameof(ModelKind.Base);

        public string? Category { get; internal set; }

        /// <summary>The stage as of AsOf (docs vocabulary): a passed retirement date makes it Retired.</summary>
        public string? Stage { get; internal set; }

        public DateTime? DeprecationDate { get => _deprecationDate; internal set => _deprecationDate = Core.UtcDay.Of(value); }

        private DateTime? _deprecationDate;

        public DateTime? RetirementDate { get => _retirementDate; internal set => _retirementDate = Core.UtcDay.Of(value); }

        private DateTime? _retirementDate;

        /// <summary>Fine-tuned models: when training (fine-tuning), not deployment, retires; null when not published.</summary>
        public DateTime? TrainingRetirementDate { get => _trainingRetirementDate; internal set => _trainingRetirementDate = Core.UtcDay.Of(value); }

        private DateTime? _trainingRetirementDate;

        /// <summary>True for "no earlier than", "not before" and the API's Tentative dates.</summary>
        public bool RetirementDateIsTentative { get; internal set; }

        /// <summary>On, NoEarlierThan, NotBefore, Tentative or Relative.</summary>
        public string RetirementQualifier { get; internal set; } = nameof(DateQualifier.On);

        public DeploymentTypeDates RetirementByDeploymentType { get; internal set; } = new DeploymentTypeDates();

        public ModelRefList Replacement { get; internal set; } = ModelRefList.Empty;

        public AutoUpgradeSummary? AutoUpgrade { get; internal set; }

        public bool? IsDefaultVersion { get; internal set; }

        /// <summary>Days from AsOf to RetirementDate; negative once retired; null when no date is known.</summary>
        public int? DaysUntilRetirement { get; internal set; }

        public string Cloud { get; internal set; } = nameof(CatalogCloud.AzureCloud);

        /// <summary>Embedded, File or Live: where the entry's winning facts came from.</summary>
        public string Source { get; internal set; } = nameof(CatalogOrigin.Embedded);

        /// <summary>The date of the newest source behind the entry.</summary>
        public DateTime? SourceDate { get => _sourceDate; internal set => _sourceDate = Core.UtcDay.Of(value); }

        private DateTime? _sourceDate;

        /// <summary>The day the data behind this record was current (the catalog's snapshot date, a -CatalogPath file's date, or the day live data was read).</summary>
        public DateTime? DataDate { get => _dataDate; internal set => _dataDate = Core.UtcDay.Of(value); }

        private DateTime? _dataDate;

        /// <summary>The published sources behind the entry ("name (date) url").</summary>
        public TextList Sources { get; internal set; } = TextList.Empty;

        public TextList Notes { get; internal set; } = TextList.Empty;

        public DateTime AsOf { get => _asOf; internal set => _asOf = Core.UtcDay.Of(value); }

        private DateTime _asOf;

        public override string ToString() => Version is null ? Model : Model + " " + Version;
    }

    /// <summary>A recorded automatic upgrade, flattened for display and export.</summary>
    public sealed class AutoUpgradeSummary
    {
        public ModelRef Target { get; internal set; } = new ModelRef("unknown");

        public DateTime? StartDate { get => _startDate; internal set => _startDate = Core.UtcDay.Of(value); }

        private DateTime? _startDate;

        public int? LeadDays { get; internal set; }

        public string? AppliesTo { get; internal set; }

        public override string ToString()
        {
            var s = Target.ToString();
            if (StartDate is DateTime d)
            {
                s += " from " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }

            if (AppliesTo is not null)
            {
                s += " (" + AppliesTo + ")";
            }

            return s;
        }

        internal static AutoUpgradeSummary? From(AutoUpgradeInfo? info)
        {
            if (info is null)
            {
                return null;
            }

            var applies = string.Join(", ", info.AppliesToDeploymentTypes);
            if (info.AppliesToUpgradeOptions.Count > 0)
            {
                applies = (applies.Length > 0 ? applies + "; " : string.Empty) + string.Join(", ", info.AppliesToUpgradeOptions);
            }

            return new AutoUpgradeSummary
            {
                Target = info.Target,
                StartDate = info.StartDate,
                LeadDays = info.LeadDays,
                AppliesTo = applies.Length > 0 ? applies : info.AppliesToText,
            };
        }
    }
}
