using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelLifecycle.Core.Reporting
{
    /// <summary>Where a report entry came from. Each kind maps its source object onto the same row.</summary>
    public enum ReportEntryKind
    {
        /// <summary>An UpgradePolicyAssessment (Test-DeploymentUpgradePolicy).</summary>
        Assessment,
    }

    /// <summary>
    /// One deployment as every writer sees it: who it is, what happens to it and when, and what to do.
    /// Writers read only this, never the object it was made from, so a new input kind (a migration plan
    /// or result) is one more factory here and one more <see cref="ReportEntryKind"/>, not a change to
    /// three writers.
    /// </summary>
    public sealed class ReportEntry
    {
        public ReportEntryKind Kind { get; set; }

        public string? SubscriptionId { get; set; }

        public string? ResourceGroupName { get; set; }

        public string? AccountName { get; set; }

        public string DeploymentName { get; set; } = string.Empty;

        public string? ResourceId { get; set; }

        public string? Location { get; set; }

        public string? DeploymentType { get; set; }

        public string? Model { get; set; }

        public string? Version { get; set; }

        public string? UpgradeOption { get; set; }

        public string Outcome { get; set; } = string.Empty;

        public Severity Severity { get; set; }

        /// <summary>The day the outcome happens (upgrade or stop); null when no date is known.</summary>
        public DateTime? EventDate { get; set; }

        /// <summary>What happens on <see cref="EventDate"/>, as a short verb phrase ("Retires", "Upgrades to gpt-4o 2024-11-20").</summary>
        public string EventText { get; set; } = string.Empty;

        public bool EventDateIsTentative { get; set; }

        public int? DaysUntilEvent { get; set; }

        public string Reason { get; set; } = string.Empty;

        public string RecommendedAction { get; set; } = string.Empty;

        public IReadOnlyList<string> Notes { get; set; } = Array.Empty<string>();

        /// <summary>Where the dates came from: names and URLs of the catalog's sources.</summary>
        public IReadOnlyList<ReportSource> Sources { get; set; } = Array.Empty<ReportSource>();

        /// <summary>"account/deployment", or the deployment alone when the account is not known.</summary>
        public string DisplayName => string.IsNullOrEmpty(AccountName) ? DeploymentName : AccountName + "/" + DeploymentName;

        /// <summary>"model version", or what is known of it.</summary>
        public string ModelText => string.IsNullOrEmpty(Version) ? Model ?? string.Empty : (Model ?? string.Empty) + " " + Version;

        /// <summary>
        /// The identity a calendar event keeps across runs: the deployment (ARM ids are case-insensitive)
        /// and the kind of entry, never the date, so that a moved date updates the event.
        /// </summary>
        public string StableKey
        {
            get
            {
                var id = !string.IsNullOrEmpty(ResourceId)
                    ? ResourceId!
                    : string.Join("/", SubscriptionId ?? string.Empty, ResourceGroupName ?? string.Empty, AccountName ?? string.Empty, DeploymentName);
                return Kind.ToString() + "|" + id.Trim().ToLowerInvariant();
            }
        }

        public string EventDateText => EventDate is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (EventDateIsTentative ? " (tentative)" : string.Empty) : string.Empty;

        /// <summary>Makes the entry for one assessment; <paramref name="sources"/> are those of its catalog record.</summary>
        public static ReportEntry FromAssessment(UpgradePolicyAssessment a, IReadOnlyList<ReportSource>? sources = null)
        {
            if (a is null)
            {
                throw new ArgumentNullException(nameof(a));
            }

            var date = a.EffectiveDate ?? a.RetirementDate;
            return new ReportEntry
            {
                Kind = ReportEntryKind.Assessment,
                SubscriptionId = a.SubscriptionId,
                ResourceGroupName = a.ResourceGroupName,
                AccountName = a.AccountName,
                DeploymentName = a.DeploymentName,
                ResourceId = a.ResourceId,
                Location = a.Location,
                DeploymentType = a.DeploymentType,
                Model = a.Model,
                Version = a.Version,
                UpgradeOption = a.UpgradeOption ?? (a.EffectiveUpgradeOption is null ? null : "(unset: " + a.EffectiveUpgradeOption + ")"),
                Outcome = a.Outcome,
                Severity = a.SeverityValue,
                EventDate = date?.Date,
                EventText = EventTextOf(a),
                EventDateIsTentative = a.RetirementDateIsTentative && (a.EffectiveDate is null || a.EffectiveDate == a.RetirementDate),
                DaysUntilEvent = date is DateTime d ? (int)(d.Date - a.AsOf.Date).TotalDays : (int?)null,
                Reason = a.Reason,
                RecommendedAction = a.RecommendedAction,
                Notes = a.Notes,
                Sources = sources ?? Array.Empty<ReportSource>(),
            };
        }

        private static string EventTextOf(UpgradePolicyAssessment a)
        {
            var target = a.UpgradeTarget is null ? string.Empty : " to " + a.UpgradeTarget;
            switch (a.OutcomeValue)
            {
                case UpgradeOutcome.AutoUpgradeScheduled:
                    return "Upgrades" + target;
                case UpgradeOutcome.AutoUpgradeAtRetirement:
                    return "Upgrades at retirement" + target;
                case UpgradeOutcome.WillStopWorking:
                    return "Stops working";
                case UpgradeOutcome.Retired:
                    return "Retired";
                default:
                    return "Retires";
            }
        }
    }

    /// <summary>A source of a report's data, as shown to a reader.</summary>
    public sealed class ReportSource
    {
        public ReportSource(string name, string? url)
        {
            Name = name;
            Url = url;
        }

        public string Name { get; }

        public string? Url { get; }
    }
}
