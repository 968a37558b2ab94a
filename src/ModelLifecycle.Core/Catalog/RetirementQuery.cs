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

        public CatalogCloud Cloud { get; set; } = Azure.CloudChoice.Default;

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
            var patterns = filter.Names.Select(n => new Wildcard(ModelNames.MatchKey(n))).ToList();
            var named = patterns.Count > 0 && patterns.All(p => p.IsLiteral);
            var asOf = filter.AsOf.Date;

            return catalog.Entries
                .Where(e => e.Cloud == filter.Cloud)
                .Where(e => patterns.Count == 0 || patterns.Any(p => p.IsMatch(ModelNames.MatchKey(e.Model))))
                .Where(e => filter.Version is null || e.Version is null || ModelNames.SameVersion(e.Version, filter.Version))
                .Select(e => Project(e, catalog, asOf))
                .Where(r => filter.IncludeRetired || named || filter.Version is not null || r.Stage != nameof(LifecycleStage.Retired)
                            || filter.Stages.Contains(LifecycleStage.Retired))
                .Where(r => filter.Stages.Count == 0 || filter.Stages.Any(s => s.ToString() == r.Stage))
                .Where(r => filter.RetiringWithinDays is not int within || (r.RetirementDate is DateTime d && d <= asOf.AddDays(within) && !FloorPassed(r, asOf)))
                .Where(r => filter.RetiringBefore is not DateTime before || (r.RetirementDate is DateTime d2 && d2 < before.Date && !FloorPassed(r, asOf)))
                .OrderBy(r => r.RetirementDate ?? DateTime.MaxValue)
                .ThenBy(r => r.Model, StringComparer.OrdinalIgnoreCase)
                .ThenBy(r => r.Version ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .ThenBy(r => r.Kind, StringComparer.Ordinal);
        }

        /// <summary>A passed "no earlier than" or "not before" date: nothing is known to retire, so no retiring filter matches it.</summary>
        private static bool FloorPassed(ModelRetirement r, DateTime asOf) =>
            r.RetirementDate is DateTime d && d <= asOf
            && Enum.TryParse<DateQualifier>(r.RetirementQualifier, out var q) && IsFloor(q);

        /// <summary>One error for each name of the filter given without wildcards that matches no model in its cloud's catalog.</summary>
        public static IEnumerable<ModelLifecycleException> NamesNotInCatalog(LifecycleCatalog catalog, RetirementFilter filter) =>
            filter.Names
                .Where(n => !Wildcard.ContainsWildcard(n))
                .Where(n => !catalog.Entries.Any(e => e.Cloud == filter.Cloud && ModelNames.SameModel(e.Model, n)))
                .Select(n => new ModelLifecycleException(
                    "ModelNotInCatalog",
                    ErrorKind.ObjectNotFound,
                    $"No model named '{n}' is in the {filter.Cloud} catalog (snapshot {catalog.SnapshotDate:yyyy-MM-dd}).",
                    n)
                {
                    RecommendedAction = "Check the spelling (tab completion lists the models), try -Cloud, or add it with -CatalogPath.",
                });

        /// <summary>The record for what a deployment runs, or a per-item error when no catalog knows it.</summary>
        public static ModelRetirement ForDeployment(LifecycleCatalog catalog, Deployment deployment, CatalogCloud cloud, DateTime asOf)
        {
            var entry = string.IsNullOrWhiteSpace(deployment.Model) ? null : catalog.FindForDeployment(cloud, deployment.Model!, deployment.Version);
            if (entry is null)
            {
                throw new ModelLifecycleException(
                    "ModelNotInCatalog",
                    ErrorKind.ObjectNotFound,
                    $"Deployment '{deployment}' runs {deployment.Model ?? "(no model)"} {deployment.Version}, which is not in the {cloud} catalog (snapshot {catalog.SnapshotDate:yyyy-MM-dd}).",
                    deployment)
                {
                    RecommendedAction = "Check the model name and version, or add it with -CatalogPath.",
                };
            }

            return Project(entry, catalog, asOf);
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
                RetirementDate = NextRetirement(e, asOf),
                TrainingRetirementDate = e.TrainingRetirementDate,
                RetirementDateIsTentative = IsTentative(e.RetirementQualifier),
                RetirementQualifier = e.RetirementQualifier.ToString(),
                RetirementByDeploymentType = new DeploymentTypeDates(e.RetirementByDeploymentType.ToDictionary(p => p.Key, p => p.Value)),
                Replacement = new ModelRefList(e.Replacements),
                AutoUpgrade = AutoUpgradeSummary.From(e.AutoUpgrade),
                IsDefaultVersion = e.IsDefaultVersion,
                DaysUntilRetirement = NextRetirement(e, asOf) is DateTime d && !(d <= asOf.Date && IsFloor(e.RetirementQualifier)) ? (int)(d - asOf.Date).TotalDays : (int?)null,
                Cloud = e.Cloud.ToString(),
                Source = e.Origin.ToString(),
                SourceDate = e.SourceDate,
                DataDate = e.DataDate,
                Sources = new TextList(e.Sources.Select(Describe)),
                Notes = new TextList(notes),
                AsOf = asOf.Date,
            };
        }

        /// <summary>
        /// "When does it retire" as of a date: the next retirement of any deployment type still ahead,
        /// or, once every type has retired, the last one. gpt-4o-mini 2024-07-18 seen in May 2026 retires
        /// on 2026-10-01 (its Standard deployments already retired on 2026-03-31).
        /// </summary>
        public static DateTime? NextRetirement(CatalogEntry e, DateTime asOf)
        {
            DateTime? next = null;
            foreach (var d in AllDates(e))
            {
                if (d >= asOf.Date && (next is null || d < next))
                {
                    next = d;
                }
            }

            return next ?? e.LatestRetirementDate;
        }

        private static System.Collections.Generic.IEnumerable<DateTime> AllDates(CatalogEntry e)
        {
            if (e.RetirementDate is DateTime general)
            {
                yield return general;
            }

            foreach (var d in e.RetirementByDeploymentType.Values)
            {
                yield return d;
            }
        }

        /// <summary>
        /// The stage on a date: a passed retirement date means Retired whatever the source's word was
        /// (the API's lifecycleStatus lags behind the date, as the lifecycle docs say); a passed deprecation date means Deprecated.
        /// </summary>
        public static LifecycleStage? StageAsOf(CatalogEntry e, DateTime asOf)
        {
            if (e.Stage == LifecycleStage.Retired)
            {
                // The live API knows; a page written after the retirement says "retired" also of the days
                // before it, when the version was still serving existing customers.
                var last = e.LatestRetirementDate;
                return e.Origin == CatalogOrigin.Live || last is null || last <= asOf.Date ? LifecycleStage.Retired : LifecycleStage.Deprecated;
            }

            // Retired once every deployment type has retired; until then, deployments of some type still run.
            if (e.LatestRetirementDate is DateTime r && r <= asOf.Date && !IsFloor(e.RetirementQualifier))
            {
                return LifecycleStage.Retired;
            }

            if (e.DeprecationDate is DateTime d && d <= asOf.Date && e.Stage != LifecycleStage.Legacy)
            {
                return LifecycleStage.Deprecated;
            }

            return e.Stage;
        }

        /// <summary>
        /// The stage for one deployment, whose own retirement date (its type's) is <paramref name="ownDate"/>:
        /// retired once that date has passed; while it is ahead, a version another type has already left
        /// (or that a later page calls retired) is Deprecated for this deployment, not Retired.
        /// </summary>
        public static LifecycleStage? StageFor(CatalogEntry e, DateTime? ownDate, DateTime asOf)
        {
            if (ownDate is DateTime own && own <= asOf.Date && !IsFloor(e.RetirementQualifier))
            {
                return LifecycleStage.Retired;
            }

            var stage = StageAsOf(e, asOf);
            return stage == LifecycleStage.Retired && e.Origin != CatalogOrigin.Live && ownDate is DateTime ahead && ahead > asOf.Date
                ? LifecycleStage.Deprecated
                : stage;
        }

        /// <summary>
        /// "Not before" and "no earlier than": once the date has passed it is a floor that was reached,
        /// not a retirement; nothing retires until a date is announced.
        /// </summary>
        public static bool IsFloor(DateQualifier q) => q == DateQualifier.NotBefore || q == DateQualifier.NoEarlierThan;

        public static bool IsTentative(DateQualifier q) =>
            q == DateQualifier.NoEarlierThan || q == DateQualifier.NotBefore || q == DateQualifier.Tentative || q == DateQualifier.Relative;

        /// <summary>
        /// When the replacement itself retires within a year, Notes say so; a replacement
        /// that has already retired is said too, since it is no place to migrate to.
        /// </summary>
        public static string? ReplacementRetiringNote(CatalogEntry e, LifecycleCatalog catalog, DateTime asOf)
        {
            var notes = new List<string>();
            foreach (var r in e.Replacements)
            {
                var last = LastRetirement(catalog, e.Cloud, r);
                if (last is not DateTime l)
                {
                    continue;
                }

                if (l <= asOf.Date)
                {
                    notes.Add(string.Format(CultureInfo.InvariantCulture, "The replacement {0} has itself retired ({1:yyyy-MM-dd}).", r, l));
                }
                else if (l <= asOf.Date.AddDays(365))
                {
                    notes.Add(string.Format(CultureInfo.InvariantCulture, "The replacement {0} itself retires on {1:yyyy-MM-dd}; plan the next move too.", r, l));
                }
            }

            return notes.Count == 0 ? null : string.Join(" ", notes);
        }

        /// <summary>Replacements still worth migrating to on a date (all of them when none is, so a label never goes empty).</summary>
        public static IReadOnlyList<ModelRef> LiveReplacements(CatalogEntry e, LifecycleCatalog catalog, DateTime asOf)
        {
            var alive = ReplacementsStillServing(e, catalog, asOf);
            return alive.Count > 0 ? alive : e.Replacements;
        }

        /// <summary>Only the replacements that have not retired by the date (possibly none).</summary>
        public static IReadOnlyList<ModelRef> ReplacementsStillServing(CatalogEntry e, LifecycleCatalog catalog, DateTime asOf) =>
            e.Replacements.Where(r => LastRetirement(catalog, e.Cloud, r) is not DateTime l || l > asOf.Date).ToList();

        private static DateTime? LastRetirement(LifecycleCatalog catalog, CatalogCloud cloud, ModelRef model) =>
            ReplacementChain.LastRetirement(catalog, cloud, model);

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
