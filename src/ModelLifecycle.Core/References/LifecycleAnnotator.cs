using System;
using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Policy;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Decides which catalog entry speaks for a match, and what it says as of a date.
    /// <list type="bullet">
    /// <item>A model id in code names no version, so it stands for whichever version a caller may still be
    /// on: the version that retires soonest among those not retired as of the date (a "not before" date is a
    /// floor, not a plan, so such versions come after dated ones; among undated versions the default comes
    /// first). When every version has retired, the one that retired last. Only versions with a retirement
    /// date (and the default version) take part when any version has one: undated preview versions say
    /// nothing about when the model goes (gpt-4's 1106-preview would otherwise hide that every dated
    /// gpt-4 version has retired).</item>
    /// <item>A dated id (<c>gpt-4o-2024-08-06</c>) names its version: that version's entry speaks.</item>
    /// <item>A deployment pins a model, a version and a deployment type: its own entry (fine-tuned names find
    /// their base model's fine-tuned schedule) and the retirement date for its type. A version the catalog
    /// does not know gives no dates rather than another version's.</item>
    /// <item>A model the catalog does not know keeps its name and has no stage or dates.</item>
    /// <item>Its Replacement is where the verdict would advise migrating (<see cref="VerdictDecider.MigrationFor"/>):
    /// the replacement chain past retired models and models that retire within WarningDays; when none lasts
    /// that long, the ones that still serve; possibly none.</item>
    /// </list>
    /// </summary>
    internal static class LifecycleAnnotator
    {
        public static LifecycleAnnotation ForModelId(LifecycleCatalog catalog, EvaluationOptions options, string modelId)
        {
            var (cloud, asOf) = (options.Cloud, options.AsOf);
            if (ModelNames.TryParseFineTuned(modelId, out _, out _))
            {
                CatalogEntry? fineTuned = catalog.FindForDeployment(cloud, modelId, null);
                return fineTuned is null
                    ? new LifecycleAnnotation(modelId, null)
                    : Describe(new LifecycleAnnotation(modelId, null), fineTuned, RetirementQuery.NextRetirement(fineTuned, asOf), catalog, options);
            }

            CatalogEntry? entry = SpeaksForModel(catalog.VersionsOf(cloud, modelId).ToList(), asOf);
            return entry is null
                ? new LifecycleAnnotation(modelId, null)
                : Describe(new LifecycleAnnotation(entry.Model, null), entry, RetirementQuery.NextRetirement(entry, asOf), catalog, options);
        }

        /// <summary>
        /// A dated id in code (<c>gpt-4o-2024-08-06</c>) names one version: that version's own entry and
        /// dates. A version the catalog does not know gives no dates rather than another version's.
        /// </summary>
        public static LifecycleAnnotation ForModelVersion(LifecycleCatalog catalog, EvaluationOptions options, string modelId, string version)
        {
            var (cloud, asOf) = (options.Cloud, options.AsOf);
            CatalogEntry? entry = catalog.VersionsOf(cloud, modelId).FirstOrDefault(v => ModelNames.SameVersion(v.Version, version));
            return entry is null
                ? new LifecycleAnnotation(modelId, version)
                : Describe(new LifecycleAnnotation(entry.Model, entry.Version), entry, RetirementQuery.NextRetirement(entry, asOf), catalog, options);
        }

        public static LifecycleAnnotation ForDeployment(LifecycleCatalog catalog, EvaluationOptions options, Deployment deployment)
        {
            if (string.IsNullOrWhiteSpace(deployment.Model))
            {
                return new LifecycleAnnotation(null, deployment.Version);
            }

            string model = deployment.Model!.Trim();
            if (string.IsNullOrWhiteSpace(deployment.Version))
            {
                // Nothing pinned (a hand-made object): the deployment stands for the model as code would name it.
                return ForModelId(catalog, options, model);
            }

            CatalogEntry? entry = catalog.FindForDeployment(options.Cloud, model, deployment.Version);
            var annotation = new LifecycleAnnotation(model, deployment.Version);
            return entry is null ? annotation : Describe(annotation, entry, entry.RetirementDateFor(deployment.DeploymentType), catalog, options);
        }

        /// <summary>
        /// The entry a version-less model id is labelled with: of the versions some deployment type of
        /// which is still ahead (or undated), the one whose next retirement comes first; when every
        /// version has retired, the one that retired last. When some version has a date, versions without
        /// one take part only as the default version. Null when the model has no entry.
        /// </summary>
        internal static CatalogEntry? SpeaksForModel(IReadOnlyList<CatalogEntry> all, DateTime asOf)
        {
            List<CatalogEntry> dated = all.Where(v => v.LatestRetirementDate is not null || v.IsDefaultVersion == true).ToList();
            IReadOnlyList<CatalogEntry> versions = all.Any(v => v.LatestRetirementDate is not null) ? dated : all;
            List<CatalogEntry> live = versions.Where(v => RetirementQuery.StageAsOf(v, asOf) != LifecycleStage.Retired).ToList();
            if (live.Count > 0)
            {
                return live
                    .OrderBy(v => Planned(v, RetirementQuery.NextRetirement(v, asOf)) ?? DateTime.MaxValue)
                    .ThenByDescending(v => v.IsDefaultVersion == true)
                    .ThenBy(v => v.Version ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                    .First();
            }

            return versions
                .OrderByDescending(v => v.LatestRetirementDate ?? DateTime.MinValue)
                .ThenBy(v => v.Version ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .FirstOrDefault();
        }

        /// <summary>A "not before" floor is not a planned date: it ranks after every scheduled one (it is still shown, as tentative).</summary>
        private static DateTime? Planned(CatalogEntry e, DateTime? date) =>
            e.RetirementQualifier == DateQualifier.NotBefore ? null : date;

        private static LifecycleAnnotation Describe(LifecycleAnnotation annotation, CatalogEntry entry, DateTime? retirement, LifecycleCatalog catalog, EvaluationOptions options)
        {
            DateTime asOf = options.AsOf;
            annotation.Entry = entry;
            annotation.Stage = RetirementQuery.StageFor(entry, retirement, asOf)?.ToString();
            annotation.RetirementDate = retirement;
            annotation.RetirementDateIsTentative = retirement is not null && RetirementQuery.IsTentative(entry.RetirementQualifier);
            // A "no earlier than" date that has passed is a floor, not a retirement: no count of days past it.
            annotation.DaysUntilRetirement = retirement is DateTime d && !(annotation.RetirementDateIsTentative && d < asOf.Date) ? (int)(d - asOf.Date).TotalDays : (int?)null;
            // Where to migrate, by the verdict's own rule, so Find-ModelReference and Test-DeploymentUpgradePolicy
            // name the same target.
            annotation.Replacement = VerdictDecider.MigrationFor(entry, catalog, options).Candidates;
            return annotation;
        }
    }
}
