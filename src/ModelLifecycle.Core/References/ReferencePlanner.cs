using System;
using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Decides what a Find-ModelReference search looks for:
    /// <list type="bullet">
    /// <item>Model ids match also with a version suffix (<c>gpt-4o-2024-08-06</c>, <c>gpt-35-turbo-1106</c>), and
    /// such a match is labelled with that version (<see cref="PatternRules.DatedVersions"/>).</item>
    /// <item>Ids of three characters or fewer match in the case written and not inside base64 runs.</item>
    /// <item>-Model ids as typed (each with its other spellings, <see cref="ModelIdSpellings"/>), reported under
    /// the catalog's spelling, so gpt-3.5-turbo joins the catalog's gpt-35-turbo. A wildcard selects the
    /// catalog's model names that it matches in any spelling.</item>
    /// <item>Each deployment adds its model id and its name; a name may stand for several models (the same
    /// name on several accounts).</item>
    /// <item>-DeploymentName names are searched as given; a name that also arrived as a deployment takes
    /// that deployment's model.</item>
    /// <item>Deployment names match only where code names a deployment (<see cref="NamingContext"/>); a
    /// name that is an ordinary word is warned about once. A deployment named after a model id is
    /// reported once where both match, as the deployment.</item>
    /// <item>When none of those is given: every base model with a version whose scheduled retirement falls
    /// within RetiringWithinDays of AsOf, plus those retired in the year before AsOf ("not before"
    /// floors are not schedules, and fine-tuned schedules concern deployments, which code names by
    /// deployment name). Older retirements are left out of the default: they are dozens of short ids
    /// (ada, davinci, whisper ...) that match ordinary words; name them with -Model to search for them.</item>
    /// </list>
    /// Ids and names are deduplicated ignoring case (or exactly, in a case-sensitive search).
    /// </summary>
    internal static class ReferencePlanner
    {
        public static ReferencePlan Plan(LifecycleCatalog catalog, ModelReferenceRequest request, bool caseSensitive, IOperationSink sink)
        {
            var builder = new Builder(catalog, request, caseSensitive);
            foreach (string requested in request.Models.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()))
            {
                if (Wildcard.ContainsWildcard(requested))
                {
                    List<string> names = MatchingModelNames(catalog, request.Cloud, new Wildcard(requested)).ToList();
                    if (names.Count == 0)
                    {
                        sink.WriteVerbose($"No model in the {request.Cloud} catalog matches '{requested}'.");
                    }

                    foreach (string name in names)
                    {
                        builder.AddModel(name, name);
                    }

                    continue;
                }

                (string key, bool known) = CatalogSpelling(catalog, request.Cloud, requested);
                if (!known)
                {
                    sink.WriteWarning($"'{requested}' is not in the {request.Cloud} catalog (snapshot {catalog.SnapshotDate:yyyy-MM-dd}); it is searched, but its matches carry no lifecycle dates.");
                }

                builder.AddModel(key, requested);
            }

            foreach (Deployment deployment in request.Deployments)
            {
                if (!string.IsNullOrWhiteSpace(deployment.Model))
                {
                    string model = deployment.Model!.Trim();
                    builder.AddModel(CatalogSpelling(catalog, request.Cloud, model).Key, model);
                }

                if (!string.IsNullOrWhiteSpace(deployment.Name))
                {
                    builder.AddDeployment(deployment.Name.Trim(), deployment);
                }
            }

            foreach (string name in request.DeploymentNames.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                builder.AddDeployment(name.Trim(), null);
            }

            if (!request.NamesTargets)
            {
                foreach (string name in DefaultModels(catalog, request.Cloud, request.AsOf, request.RetiringWithinDays))
                {
                    builder.AddModel(name, name);
                }
            }

            foreach (string name in builder.DeploymentNames.Where(IsOrdinaryWord))
            {
                sink.WriteWarning($"The deployment name '{name}' is an ordinary word; it is matched only where code names a deployment (a string literal, a deployment or model setting, a deployments/ URL), and some of those may still mean something else.");
            }

            return builder.Build();
        }

        /// <summary>A name made of letters only (chat, default, embedding): a word code also uses for other things.</summary>
        internal static bool IsOrdinaryWord(string name) => name.Length > 0 && name.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

        /// <summary>Ids this short (tts, o1, o3) are also abbreviations and turn up in encoded data.</summary>
        internal const int ShortIdLength = 3;

        /// <summary>
        /// Model ids match dated too; short ones match as written (TTS in prose is an abbreviation, tts in
        /// code the model) and not inside base64 runs.
        /// </summary>
        internal static PatternRules RulesFor(string modelIdSpelling) =>
            modelIdSpelling.Length <= ShortIdLength
                ? PatternRules.DatedVersions | PatternRules.MatchCase | PatternRules.NotInBase64
                : PatternRules.DatedVersions;

        /// <summary>The default set (see the class summary), sorted by name.</summary>
        internal const int RetiredLookbackDays = 365;

        internal static IEnumerable<string> DefaultModels(LifecycleCatalog catalog, CatalogCloud cloud, DateTime asOf, int retiringWithinDays)
        {
            DateTime until = asOf.Date.AddDays(retiringWithinDays);
            DateTime since = asOf.Date.AddDays(-RetiredLookbackDays);
            return catalog.Entries
                .Where(e => e.Cloud == cloud && e.Kind == ModelKind.Base && e.RetirementQualifier != DateQualifier.NotBefore)
                .Where(e => e.EarliestRetirementDate is DateTime first && first <= until
                            && (e.LatestRetirementDate is not DateTime last || last >= since))
                .Select(e => e.Model)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(m => m, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The catalog's spelling of an id (trying its other spellings), or the id as given when no entry has it.</summary>
        internal static (string Key, bool Known) CatalogSpelling(LifecycleCatalog catalog, CatalogCloud cloud, string id)
        {
            string normalized = ModelNames.NormalizeModel(id);
            if (ModelNames.TryParseFineTuned(normalized, out _, out _))
            {
                return (normalized, catalog.FindForDeployment(cloud, normalized, null) is not null);
            }

            foreach (string spelling in ModelIdSpellings.Expand(normalized))
            {
                CatalogEntry? entry = catalog.VersionsOf(cloud, spelling).FirstOrDefault()
                                      ?? catalog.VersionsOf(cloud, spelling, ModelKind.FineTuned).FirstOrDefault();
                if (entry is not null)
                {
                    return (entry.Model, true);
                }
            }

            return (normalized, false);
        }

        private static IEnumerable<string> MatchingModelNames(LifecycleCatalog catalog, CatalogCloud cloud, Wildcard wildcard) =>
            catalog.Entries
                .Where(e => e.Cloud == cloud)
                .Select(e => e.Model)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(name => ModelIdSpellings.Expand(name).Any(wildcard.IsMatch))
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase);

        private sealed class Builder
        {
            private readonly LifecycleCatalog catalog;
            private readonly ModelReferenceRequest request;
            private readonly StringComparer keys;
            private readonly List<ReferencePattern> patterns = new List<ReferencePattern>();
            private readonly HashSet<string> patternIds;
            private readonly List<string> modelIds = new List<string>();
            private readonly Dictionary<string, LifecycleAnnotation> models;
            private readonly Dictionary<string, string> firstSpelling;
            private readonly List<string> deploymentNames = new List<string>();
            private readonly Dictionary<string, List<Deployment?>> deployments;

            public Builder(LifecycleCatalog catalog, ModelReferenceRequest request, bool caseSensitive)
            {
                this.catalog = catalog;
                this.request = request;
                keys = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
                patternIds = new HashSet<string>(keys);
                models = new Dictionary<string, LifecycleAnnotation>(keys);
                firstSpelling = new Dictionary<string, string>(keys);
                deployments = new Dictionary<string, List<Deployment?>>(keys);
            }

            /// <summary>
            /// Searches <paramref name="typed"/> in all its spellings under <paramref name="key"/>. The typed
            /// text, not the key, is what is searched, so that -CaseSensitive finds what the user wrote.
            /// </summary>
            public void AddModel(string key, string typed)
            {
                // Every pattern goes under the first spelling of its key, so that all its matches join one label.
                if (!firstSpelling.TryGetValue(key, out string? canonical))
                {
                    canonical = key;
                    firstSpelling.Add(key, key);
                    models.Add(key, LifecycleAnnotator.ForModelId(catalog, request.Options, key));
                    modelIds.Add(key);
                }

                foreach (string spelling in ModelIdSpellings.Expand(typed))
                {
                    Add(new ReferencePattern(spelling, canonical, PatternKind.ModelId, RulesFor(spelling)));
                }
            }

            public void AddDeployment(string name, Deployment? deployment)
            {
                if (!deployments.TryGetValue(name, out List<Deployment?>? list))
                {
                    list = new List<Deployment?>();
                    deployments.Add(name, list);
                    deploymentNames.Add(name);
                    Add(new ReferencePattern(name, name, PatternKind.DeploymentName, PatternRules.NamingContextOnly));
                }

                list.Add(deployment);
            }

            public IReadOnlyList<string> DeploymentNames => deploymentNames;

            public ReferencePlan Build()
            {
                // A deployment named after its model: where the name stands as a deployment, it is reported
                // once, as the deployment (with its version); elsewhere it is the model id.
                for (int i = 0; i < patterns.Count; i++)
                {
                    ReferencePattern p = patterns[i];
                    if (p.Kind == PatternKind.ModelId && deployments.ContainsKey(p.Text))
                    {
                        patterns[i] = new ReferencePattern(p.Text, p.Key, p.Kind, p.Rules | PatternRules.YieldsToDeploymentName);
                    }
                }

                var labels = new Dictionary<string, IReadOnlyList<LifecycleAnnotation>>(keys);
                foreach (KeyValuePair<string, List<Deployment?>> pair in deployments)
                {
                    List<Deployment> known = pair.Value.Where(d => d is not null).Select(d => d!).ToList();
                    labels.Add(pair.Key, known.Count == 0
                        ? new[] { new LifecycleAnnotation(null, null) }
                        : known
                            .Select(d => LifecycleAnnotator.ForDeployment(catalog, request.Options, d))
                            .GroupBy(a => a.Identity)
                            .Select(g => g.First())
                            .ToList());
                }

                return new ReferencePlan(
                    patterns,
                    modelIds,
                    models,
                    deploymentNames,
                    labels,
                    request.AsOf,
                    (key, version) => LifecycleAnnotator.ForModelVersion(catalog, request.Options, key, version));
            }

            private void Add(ReferencePattern pattern)
            {
                if (patternIds.Add(pattern.Kind + "\n" + pattern.Key + "\n" + (int)pattern.Rules + "\n" + pattern.Text))
                {
                    patterns.Add(pattern);
                }
            }
        }
    }
}
