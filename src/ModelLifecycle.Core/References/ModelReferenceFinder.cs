using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Find-ModelReference's one Core call: decide what to look for (<see cref="ReferencePlanner"/>), search
    /// with <see cref="ReferenceScanner"/>, and label each match with what the catalog says about the model it
    /// stands for (<see cref="LifecycleAnnotator"/>).
    /// </summary>
    public static class ModelReferenceFinder
    {
        /// <summary>
        /// Plans and validates at once (so an unusable pattern throws here, before any output), then returns
        /// the labelled matches lazily: the scan runs while the caller enumerates, and reports errors,
        /// progress and messages to <paramref name="sink"/> on the enumerating thread. When there is nothing
        /// to search for, says so as a warning and returns no results.
        /// </summary>
        /// <exception cref="ModelLifecycleException">InvalidReferencePattern, for a pattern the scanner cannot use.</exception>
        public static IEnumerable<ModelReference> Find(
            LifecycleCatalog catalog,
            ModelReferenceRequest request,
            ReferenceScanOptions options,
            IOperationSink? sink = null,
            CancellationToken cancellationToken = default)
        {
            sink ??= NullOperationSink.Instance;
            ReferencePlan plan = ReferencePlanner.Plan(catalog, request, options.CaseSensitive, sink);
            if (plan.Patterns.Count == 0)
            {
                sink.WriteWarning("Nothing to search for: no model id or deployment name was left after matching -Model against the catalog.");
                return Enumerable.Empty<ModelReference>();
            }

            sink.WriteVerbose(plan.Describe());
            IEnumerable<ReferenceMatch> matches = ReferenceScanner.Scan(plan.Patterns, options, sink, cancellationToken);

            // Staleness is decided from the entries the results use: one warning per data date, before the first such result.
            var ages = new DataAgeCheck(request.AsOf);
            IEnumerable<ModelReference> references = matches.SelectMany(m => plan.Annotate(m, entry =>
            {
                if (ages.Check(entry) is string stale)
                {
                    sink.WriteWarning(stale);
                }
            }));
            return request.Migrations.Count == 0 ? references : WithParameterChanges(references, request, sink, cancellationToken);
        }

        // For each migration, the files that name its source deployment or model are searched again for the
        // parameters that change; the two kinds of match come out together, in file, line and column order.
        private static IEnumerable<ModelReference> WithParameterChanges(IEnumerable<ModelReference> references, ModelReferenceRequest request, IOperationSink sink, CancellationToken cancellationToken)
        {
            var all = references.ToList();
            var found = new List<ModelReference>(all);
            foreach (var migration in request.Migrations)
            {
                var files = all
                    .Where(r => string.Equals(r.Match, migration.SourceDeployment, System.StringComparison.OrdinalIgnoreCase)
                        || (r.Model is not null && migration.SourceModel is not null && ModelNames.SameModel(r.Model, migration.SourceModel)))
                    .Select(r => r.Path)
                    .Distinct(System.StringComparer.Ordinal)
                    .ToList();
                if (migration.ParameterChanges.Count == 0)
                {
                    sink.WriteVerbose($"No parameter changes are recorded for {migration.SourceModel} -> {migration.TargetModel}; only the model and deployment names were searched.");
                    continue;
                }

                found.AddRange(ParameterChangeFinder.Find(files, migration, request.AsOf, sink, cancellationToken));
            }

            return found
                .OrderBy(r => r.Path, System.StringComparer.Ordinal)
                .ThenBy(r => r.LineNumber)
                .ThenBy(r => r.Column)
                .ToList();
        }
    }
}
