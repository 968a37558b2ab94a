using System;
using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.Reporting
{
    /// <summary>
    /// Collects pipeline objects into a <see cref="ModelLifecycleReport"/>. Each supported input type has an
    /// Add overload that turns it into a <see cref="ReportEntry"/>; the rest of the report does not care
    /// what the entry was made from.
    /// </summary>
    public sealed class ReportBuilder
    {
        private readonly List<ReportEntry> _entries = new List<ReportEntry>();
        private readonly LifecycleCatalog? _catalog;
        private readonly CatalogCloud _cloud;
        private DateTime? _latestAsOf;

        /// <param name="catalog">Where the sources of each entry's dates are looked up; null for none.</param>
        public ReportBuilder(LifecycleCatalog? catalog, CatalogCloud cloud = CatalogCloud.AzureCloud)
        {
            _catalog = catalog;
            _cloud = cloud;
        }

        private readonly HashSet<string> _readFrom = new HashSet<string>(StringComparer.Ordinal);

        // The catalog entries the report's rows stand on: the staleness warning is decided from these alone.
        private readonly List<CatalogEntry> _used = new List<CatalogEntry>();

        public int Count => _entries.Count;

        public void Add(UpgradePolicyAssessment assessment)
        {
            if (assessment is null)
            {
                throw new ArgumentNullException(nameof(assessment));
            }

            var entry = EntryOf(assessment.Model, assessment.Version);
            if (entry is not null)
            {
                _used.Add(entry);
            }

            _entries.Add(ReportEntry.FromAssessment(assessment, SourcesOf(entry)));
            _readFrom.Add(assessment.ReadFrom);
            if (_latestAsOf is null || assessment.AsOf > _latestAsOf)
            {
                _latestAsOf = assessment.AsOf.Date;
            }
        }

        /// <summary>
        /// The report. The as-of date is <paramref name="asOf"/> when given, else the latest as-of date of the
        /// inputs (the day they were judged for), else the day of <paramref name="generatedAt"/>.
        /// </summary>
        public ModelLifecycleReport Build(string? title, DateTime? asOf, DateTimeOffset generatedAt)
        {
            var day = asOf?.Date ?? _latestAsOf ?? generatedAt.UtcDateTime.Date;
            var report = new ModelLifecycleReport(title, day, generatedAt, _entries) { ReadFrom = DescribeReadFrom(_readFrom) };
            if (_catalog is not null)
            {
                report.CatalogDate = _catalog.SnapshotDate;
                report.StalenessWarning = new DataAgeCheck(day).CheckOldest(_used);
            }

            return report;
        }

        // In the order of how much Azure was asked: offline input, Azure, Azure with -Live.
        private static string? DescribeReadFrom(ICollection<string> kinds)
        {
            var words = new List<string>();
            if (kinds.Contains(UpgradePolicyAssessment.ReadFromInput))
            {
                words.Add("offline input (files or objects given)");
            }

            if (kinds.Contains(UpgradePolicyAssessment.ReadFromAzure))
            {
                words.Add("Azure");
            }

            if (kinds.Contains(UpgradePolicyAssessment.ReadFromLive))
            {
                words.Add("Azure with -Live (each region's Models API)");
            }

            return words.Count == 0 ? null : string.Join(" and ", words);
        }

        private CatalogEntry? EntryOf(string? model, string? version) =>
            _catalog is null || string.IsNullOrEmpty(model) ? null : _catalog.FindForDeployment(_cloud, model!, version);

        private static IReadOnlyList<ReportSource> SourcesOf(CatalogEntry? entry)
        {
            if (entry is null)
            {
                return Array.Empty<ReportSource>();
            }

            return entry.Sources
                .Select(s => new ReportSource(s.ToString(), IsWebUrl(s.Url) ? s.Url : null))
                .GroupBy(s => s.Url ?? s.Name, StringComparer.Ordinal)
                .Select(g => g.First())
                .ToList();
        }

        /// <summary>Only http(s) links become links: a catalog file is user data, and a javascript: URL must stay text.</summary>
        private static bool IsWebUrl(string? url) =>
            url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
    }
}
