using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>The filters of Get-ModelRetirement. Unset filters do not filter.</summary>
    public sealed class RetirementFilter
    {
        public IReadOnlyList<string> Names { get; set; } = Array.Empty<string>();

        public string? Version { get; set; }

        public IReadOnlyList<LifecycleStage> Stages { get; set; } = Array.Empty<LifecycleStage>();

        public int? RetiringWithinDays { get; set; }

        public DateTime? RetiringBefore { get; set; }

        public bool IncludeRetired { get; set; }

        public CatalogCloud Cloud { get; set; } = CatalogCloud.AzureCloud;

        public DateTime AsOf { get; set; }
    }

    /// <summary>
    /// Answers "what retires when, and what replaces it" from a catalog, as of a date.
    /// </summary>
    public static class RetirementQuery
    {
        /// <summary>
        /// Entries that pass the filter, soonest retirement first. Retired entries are left out unless
        /// asked for, or unless the caller named a model exactly or gave a version: someone who asks for
        /// dall-e-3 by name wants to hear that it retired.
        /// </summary>
        public static IEnumerable<ModelRetirement> Find(LifecycleCatalog catalog, RetirementFilter filter)
        {
            var patterns = filter.Names.Select(n => new Wildcard(ModelNames.NormalizeModel(n))).ToList();
            var named = patterns.Count > 0 && patterns.All(p => p.IsLiteral);
            var asOf = filter.AsOf.Date;

            return catalog.Entries
                .Where(e => e.Cloud == filter.Cloud)
                .Where(e => patterns.Count == 0 || patterns.Any(p => p.IsMatch(e.Model)))
                .Where(e => filter.Version is null || e.Version is null || ModelNames.SameVersion(e.Version, filter.Version))
                .Select(e => Project(e, catalog, asOf))
                .Where(r => filter.IncludeRetired || named || filter.Version is not null || r.Stage != nameof(LifecycleStage.Retired)
                            || filter.Stages.Contains(LifecycleStage.Retired))
                .Where(r => filter.Stages.Count == 0 || filter.Stages.Any(s => s.ToString() == r.Stage))
                .Where(r => filter.RetiringWithinDays is not int within || (r.RetirementDate is DateTime d && d <= asOf.AddDays(within)))
                .Where(r => filter.RetiringBefore is not DateTime before || (r.RetirementDate is DateTime d2 && d2 < before.Date))
                .OrderBy(r => r.RetirementDate ?? DateTime.MaxValue)
                .ThenBy(r => r.Model, StringComparer.OrdinalIgnoreCase)
                .ThenBy(r => r.Version ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .ThenBy(r => r.Kind, StringComparer.Ordinal);
        }

        /// <summary>The view of one entry as of a date.</summary>
        public static ModelRetirement Project(CatalogEntry e, LifecycleCatalog catalog, DateTime asOf)
        {
            var notes = new List<string>(e.Notes);
            var replacementNote = ReplacementRetiringNote(e, catalog, asOf);
            if (replacementNote is not null)
            {
                notes.Add(replacementNote);
            }

            return new ModelRetirement
            {
                Model = e.Model,
                Version = e.Version,
                Kind = e.Kind.ToString(),
                Category = e.Category,
                Stage = StageAsOf(e, asOf)?.ToString(),
                DeprecationDate = e.DeprecationDate,
                RetirementDate = e.RetirementDate,
                RetirementDateIsTentative = IsTentative(e.RetirementQualifier),
                RetirementQualifier = e.RetirementQualifier.ToString(),
                RetirementByDeploymentType = new DeploymentTypeDates(e.RetirementByDeploymentType.ToDictionary(p => p.Key, p => p.Value)),
                Replacement = new ModelRefList(e.Replacements),
                AutoUpgrade = AutoUpgradeSummary.From(e.AutoUpgrade),
                IsDefaultVersion = e.IsDefaultVersion,
                DaysUntilRetirement = e.RetirementDate is DateTime d ? (int)(d - asOf.Date).TotalDays : (int?)null,
                Cloud = e.Cloud.ToString(),
                Source = e.Origin.ToString(),
                SourceDate = e.SourceDate,
                Sources = new TextList(e.Sources.Select(Describe)),
                Notes = new TextList(notes),
                AsOf = asOf.Date,
            };
        }

        /// <summary>
        /// The stage on a date: a passed retirement date means Retired whatever the source's word was
        /// (the API's lifecycleStatus lags, policy-semantics.md §4); a passed deprecation date means Deprecated.
        /// </summary>
        public static LifecycleStage? StageAsOf(CatalogEntry e, DateTime asOf)
        {
            if (e.Stage == LifecycleStage.Retired)
            {
                return LifecycleStage.Retired;
            }

            if (e.RetirementDate is DateTime r && r <= asOf.Date && e.RetirementQualifier != DateQualifier.NotBefore)
            {
                return LifecycleStage.Retired;
            }

            if (e.DeprecationDate is DateTime d && d <= asOf.Date && e.Stage != LifecycleStage.Legacy)
            {
                return LifecycleStage.Deprecated;
            }

            return e.Stage;
        }

        public static bool IsTentative(DateQualifier q) =>
            q == DateQualifier.NoEarlierThan || q == DateQualifier.NotBefore || q == DateQualifier.Tentative || q == DateQualifier.Relative;

        /// <summary>"When the replacement itself retires within a year, Notes say so" (CMDLETS.md).</summary>
        public static string? ReplacementRetiringNote(CatalogEntry e, LifecycleCatalog catalog, DateTime asOf)
        {
            foreach (var r in e.Replacements)
            {
                var candidates = catalog.VersionsOf(e.Cloud, r.Model).Where(x => r.Version is null || ModelNames.SameVersion(x.Version, r.Version)).ToList();
                if (candidates.Count == 0)
                {
                    continue;
                }

                // The replacement is only as short-lived as its longest-lived version.
                var latest = candidates.Select(x => x.RetirementDate).Max();
                if (candidates.All(x => x.RetirementDate is not null) && latest is DateTime l && l > asOf.Date && l <= asOf.Date.AddDays(365))
                {
                    return string.Format(CultureInfo.InvariantCulture, "The replacement {0} itself retires on {1:yyyy-MM-dd}; plan the next move too.", r, l);
                }
            }

            return null;
        }

        private static string Describe(SourceRef s)
        {
            var text = s.Name;
            if (s.Date is DateTime d)
            {
                text += d.ToString(" (yyyy-MM-dd)", CultureInfo.InvariantCulture);
            }

            if (s.Url is not null)
            {
                text += " " + s.Url;
            }

            return text;
        }
    }
}
