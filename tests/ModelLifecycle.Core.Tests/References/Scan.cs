using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.References;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>Short ways to run a scan in tests.</summary>
    internal static class Scan
    {
        public static ReferencePattern Model(string text) => new ReferencePattern(text, PatternKind.ModelId);

        public static List<ReferenceMatch> Run(string root, IEnumerable<ReferencePattern> patterns, ReferenceScanOptions? options = null, IOperationSink? sink = null)
        {
            options ??= new ReferenceScanOptions();
            options.Paths = new List<string> { root };
            options.SortResults = true;
            return ReferenceScanner.Scan(patterns, options, sink).ToList();
        }

        public static List<ReferenceMatch> Run(string root, params string[] modelIds) => Run(root, modelIds.Select(Model));

        /// <summary>Find-ModelReference's whole search over one folder, results in path and line order.</summary>
        public static List<ModelReference> Find(LifecycleCatalog catalog, ModelReferenceRequest request, string root, IOperationSink? sink = null) =>
            ModelReferenceFinder.Find(catalog, request, new ReferenceScanOptions { Paths = new List<string> { root }, SortResults = true }, sink ?? new RecordingSink()).ToList();

        /// <summary>Matches as "relative/path:line:column:match" for compact assertions.</summary>
        public static List<string> Describe(this IEnumerable<ReferenceMatch> matches, string root) =>
            matches.Select(m => $"{Relative(m.Path, root)}:{m.LineNumber}:{m.Column}:{m.Match}").ToList();

        public static string Relative(string path, string root) =>
            path.StartsWith(root, System.StringComparison.Ordinal) ? path.Substring(root.Length).TrimStart('/', '\\').Replace('\\', '/') : path;
    }
}
