using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLifecycle.Core.Reporting
{
    /// <summary>Everything a report shows, already decided: the writers only lay it out.</summary>
    public sealed class ModelLifecycleReport
    {
        public const string DefaultTitle = "Model lifecycle report";

        public ModelLifecycleReport(string? title, DateTime asOf, DateTimeOffset generatedAt, IEnumerable<ReportEntry> entries)
        {
            Title = string.IsNullOrWhiteSpace(title) ? DefaultTitle : title!.Trim();
            AsOf = asOf.Date;
            GeneratedAt = generatedAt;

            // Most urgent first: severity, then the soonest date (undated last), then by name so reruns match.
            Entries = entries
                .OrderByDescending(e => e.Severity)
                .ThenBy(e => e.EventDate ?? DateTime.MaxValue)
                .ThenBy(e => e.DisplayName, StringComparer.OrdinalIgnoreCase)
                .ThenBy(e => e.StableKey, StringComparer.Ordinal)
                .ToList();
        }

        public string Title { get; }

        /// <summary>The day the verdicts were made for; "today" on the timeline.</summary>
        public DateTime AsOf { get; }

        /// <summary>When the file was written (the calendar's DTSTAMP).</summary>
        public DateTimeOffset GeneratedAt { get; }

        /// <summary>The date of the lifecycle catalog's data, when known.</summary>
        public DateTime? CatalogDate { get; set; }

        /// <summary>How the deployments were read: "offline input", "Azure", "Azure with -Live", joined when mixed; null when empty.</summary>
        public string? ReadFrom { get; set; }

        /// <summary>The staleness warning for <see cref="AsOf"/>, decided from the catalog entries the rows stand on, when it applies.</summary>
        public string? StalenessWarning { get; set; }

        public IReadOnlyList<ReportEntry> Entries { get; }

        public int Count(Severity severity) => Entries.Count(e => e.Severity == severity);

        /// <summary>Outcomes and how many entries have each, most frequent first.</summary>
        public IEnumerable<KeyValuePair<string, int>> OutcomeCounts() =>
            Entries.GroupBy(e => e.Outcome, StringComparer.Ordinal)
                .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal);

        /// <summary>Severities from the most to the least urgent, the order every writer lists them in.</summary>
        public static IReadOnlyList<Severity> SeverityOrder { get; } = new[] { Severity.Critical, Severity.Warning, Severity.Info, Severity.None };
    }
}
