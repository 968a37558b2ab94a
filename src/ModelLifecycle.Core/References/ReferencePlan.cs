using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// The patterns one search runs with, and the label each pattern key's matches get. Built by
    /// <see cref="ReferencePlanner"/>; read-only afterwards.
    /// </summary>
    internal sealed class ReferencePlan
    {
        private readonly Dictionary<string, LifecycleAnnotation> models;
        private readonly Dictionary<string, IReadOnlyList<LifecycleAnnotation>> deployments;
        private readonly Func<string, string, LifecycleAnnotation>? forVersion;
        private readonly Dictionary<string, LifecycleAnnotation> versions = new Dictionary<string, LifecycleAnnotation>(StringComparer.OrdinalIgnoreCase);

        public ReferencePlan(
            IReadOnlyList<ReferencePattern> patterns,
            IReadOnlyList<string> modelIds,
            Dictionary<string, LifecycleAnnotation> models,
            IReadOnlyList<string> deploymentNames,
            Dictionary<string, IReadOnlyList<LifecycleAnnotation>> deployments,
            DateTime asOf,
            Func<string, string, LifecycleAnnotation>? forVersion = null)
        {
            this.forVersion = forVersion;
            Patterns = patterns;
            ModelIds = modelIds;
            DeploymentNames = deploymentNames;
            this.models = models;
            this.deployments = deployments;
            AsOf = asOf.Date;
        }

        public IReadOnlyList<ReferencePattern> Patterns { get; }

        /// <summary>The model ids searched (pattern keys), in the order they were asked for.</summary>
        public IReadOnlyList<string> ModelIds { get; }

        /// <summary>The deployment names searched (pattern keys), in the order they were asked for.</summary>
        public IReadOnlyList<string> DeploymentNames { get; }

        public DateTime AsOf { get; }

        /// <summary>The labels for a pattern key: one for a model id, one per distinct model behind a deployment name.</summary>
        public IReadOnlyList<LifecycleAnnotation> AnnotationsFor(PatternKind kind, string key)
        {
            if (kind == PatternKind.ModelId)
            {
                return models.TryGetValue(key, out LifecycleAnnotation? model) ? new[] { model } : Array.Empty<LifecycleAnnotation>();
            }

            return deployments.TryGetValue(key, out IReadOnlyList<LifecycleAnnotation>? labels) ? labels : Array.Empty<LifecycleAnnotation>();
        }

        /// <summary>
        /// One result per label: a deployment name used on two accounts for different models is reported
        /// with each, since the code may be talking to either. <paramref name="used"/> hears of each label's
        /// catalog entry before its result is made (how old the data is that the result says).
        /// </summary>
        public IEnumerable<ModelReference> Annotate(ReferenceMatch match, Action<CatalogEntry?> used)
        {
            IReadOnlyList<LifecycleAnnotation> labels = match.Kind == PatternKind.ModelId && match.Version is string version && forVersion is not null
                ? new[] { AnnotationForVersion(match.Key, version) }
                : AnnotationsFor(match.Kind, match.Key);
            var references = new List<ModelReference>(labels.Count);
            foreach (LifecycleAnnotation label in labels)
            {
                used(label.Entry);
                references.Add(label.Stamp(match, AsOf));
            }

            return references;
        }

        /// <summary>The label of a dated id, worked out on first sight (results are annotated on one thread at a time).</summary>
        internal LifecycleAnnotation AnnotationForVersion(string key, string version)
        {
            lock (versions)
            {
                string id = key + "\n" + version;
                if (!versions.TryGetValue(id, out LifecycleAnnotation? annotation))
                {
                    annotation = forVersion!(key, version);
                    versions.Add(id, annotation);
                }

                return annotation;
            }
        }

        public string Describe()
        {
            var parts = new List<string>();
            if (ModelIds.Count > 0)
            {
                parts.Add(Count(ModelIds.Count, "model id") + " (" + string.Join(", ", ModelIds) + ")");
            }

            if (DeploymentNames.Count > 0)
            {
                parts.Add(Count(DeploymentNames.Count, "deployment name") + " (" + string.Join(", ", DeploymentNames) + ")");
            }

            return "Searching for " + string.Join(" and ", parts) + ".";
        }

        private static string Count(int n, string noun) =>
            n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
    }
}
