using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// Where to migrate a model version to: its recorded replacements, best first, each followed down
    /// its own replacement chain past models that have retired or retire within WarningDays
    /// (dall-e-3 -> gpt-image-1, retired -> gpt-image-1.5, retiring soon -> gpt-image-1-mini). One
    /// rule for the assessment's RecommendedAction and for Invoke-ModelMigration's default target,
    /// both read through VerdictDecision.
    /// </summary>
    public static class ReplacementChain
    {
        public static ReplacementChoice Follow(CatalogEntry entry, LifecycleCatalog catalog, DateTime asOf, int warningDays)
        {
            if (entry is null) throw new ArgumentNullException(nameof(entry));
            if (catalog is null) throw new ArgumentNullException(nameof(catalog));

            var walk = new Walk(catalog, entry.Cloud, asOf.Date, warningDays);
            walk.Visited.Add(Key(new ModelRef(entry.Model, entry.Version)));
            foreach (var r in entry.Replacements)
            {
                walk.Visit(r);
            }

            return new ReplacementChoice(walk.Targets, walk.Fallbacks, walk.Passed);
        }

        /// <summary>When the last version of a model retires; null when any version has no date or the model is unknown.</summary>
        internal static DateTime? LastRetirement(LifecycleCatalog catalog, CatalogCloud cloud, ModelRef model)
        {
            var versions = Versions(catalog, cloud, model);
            if (versions.Count == 0 || versions.Any(x => x.LatestRetirementDate is null || x.RetirementQualifier == DateQualifier.NotBefore))
            {
                return null;
            }

            return versions.Max(x => x.LatestRetirementDate);
        }

        private static List<CatalogEntry> Versions(LifecycleCatalog catalog, CatalogCloud cloud, ModelRef model) =>
            catalog.VersionsOf(cloud, model.Model).Where(x => model.Version is null || ModelNames.SameVersion(x.Version, model.Version)).ToList();

        private static string Key(ModelRef m) => ModelNames.NormalizeModel(m.Model).ToLowerInvariant() + "|" + (ModelNames.NormalizeVersion(m.Version) ?? "*").ToLowerInvariant();

        private sealed class Walk
        {
            private readonly LifecycleCatalog _catalog;
            private readonly CatalogCloud _cloud;
            private readonly DateTime _asOf;
            private readonly DateTime _horizon;
            private readonly int _warningDays;

            public Walk(LifecycleCatalog catalog, CatalogCloud cloud, DateTime asOf, int warningDays)
            {
                _catalog = catalog;
                _cloud = cloud;
                _asOf = asOf;
                _warningDays = warningDays;
                _horizon = asOf.AddDays(warningDays);
            }

            public HashSet<string> Visited { get; } = new HashSet<string>(StringComparer.Ordinal);

            public List<ModelRef> Targets { get; } = new List<ModelRef>();

            public List<ModelRef> Fallbacks { get; } = new List<ModelRef>();

            public List<string> Passed { get; } = new List<string>();

            public void Visit(ModelRef model)
            {
                if (!Visited.Add(Key(model)))
                {
                    return; // a cycle, or a model two replacements share
                }

                var last = LastRetirement(_catalog, _cloud, model);
                if (last is not DateTime l || l > _horizon)
                {
                    Targets.Add(model);
                    return;
                }

                if (l > _asOf)
                {
                    Fallbacks.Add(model);
                    Passed.Add(string.Format(CultureInfo.InvariantCulture, "{0} retires on {1:yyyy-MM-dd}, within {2} days", model, l, _warningDays));
                }
                else
                {
                    Passed.Add(string.Format(CultureInfo.InvariantCulture, "{0} retired on {1:yyyy-MM-dd}", model, l));
                }

                foreach (var next in Versions(_catalog, _cloud, model).SelectMany(v => v.Replacements))
                {
                    Visit(next);
                }
            }
        }
    }

    /// <summary>The outcome of following a replacement chain.</summary>
    public sealed class ReplacementChoice
    {
        internal ReplacementChoice(IReadOnlyList<ModelRef> targets, IReadOnlyList<ModelRef> fallbacks, IReadOnlyList<string> passed)
        {
            Targets = targets;
            Fallbacks = fallbacks;
            Passed = passed;
        }

        /// <summary>Replacements that serve beyond WarningDays (or have no retirement date), best first.</summary>
        public IReadOnlyList<ModelRef> Targets { get; }

        /// <summary>Replacements met on the way that still serve but retire within WarningDays.</summary>
        public IReadOnlyList<ModelRef> Fallbacks { get; }

        /// <summary>What was walked past and why ("gpt-image-1 retired on 2026-10-23").</summary>
        public IReadOnlyList<string> Passed { get; }

        /// <summary>What to advise: the targets, or, when there are none, the fallbacks (possibly none).</summary>
        public IReadOnlyList<ModelRef> Candidates => Targets.Count > 0 ? Targets : Fallbacks;

        public ModelRef? Best => Candidates.FirstOrDefault();
    }
}
