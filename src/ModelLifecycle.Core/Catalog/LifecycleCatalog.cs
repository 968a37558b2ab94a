using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// A set of lifecycle entries and the date of the data behind them. Immutable; overlays (a user
    /// file, live ARM data) produce a new catalog.
    /// </summary>
    public sealed class LifecycleCatalog
    {
        private readonly Dictionary<CatalogKey, CatalogEntry> _byKey;
        private readonly ILookup<(CatalogCloud, ModelKind, string), CatalogEntry> _byModel;

        public LifecycleCatalog(DateTime snapshotDate, IEnumerable<CatalogEntry> entries, IEnumerable<SourceRef>? sources = null, string? description = null)
            : this(snapshotDate, entries, sources, description, dateEntries: true)
        {
        }

        /// <param name="dateEntries">
        /// Whether entries without a <see cref="CatalogEntry.DataDate"/> take <paramref name="snapshotDate"/>:
        /// true when the entries were read from this catalog's own data; false for an overlay's result,
        /// whose entries already carry the date of the data each came from.
        /// </param>
        private LifecycleCatalog(DateTime snapshotDate, IEnumerable<CatalogEntry> entries, IEnumerable<SourceRef>? sources, string? description, bool dateEntries)
        {
            if (dateEntries && snapshotDate > DateTime.MinValue)
            {
                entries = entries.Select(e => e.DataDate is null ? WithDataDate(e, snapshotDate) : e);
            }

            SnapshotDate = snapshotDate.Date;
            Description = description;
            // One row per source name; a later mention only fills what the first lacked.
            Sources = (sources ?? Enumerable.Empty<SourceRef>())
                .GroupBy(s => s.Name, StringComparer.Ordinal)
                .Select(g => new SourceRef(g.Key, g.Select(s => s.Url).FirstOrDefault(u => u is not null), g.Select(s => s.Commit).FirstOrDefault(c => c is not null), g.Select(s => s.Date).FirstOrDefault(d => d is not null), Array.Empty<string>()))
                .ToArray();
            _byKey = new Dictionary<CatalogKey, CatalogEntry>();
            foreach (var e in entries)
            {
                var key = CatalogKey.Of(e);
                _byKey[key] = _byKey.TryGetValue(key, out var existing) ? EntryMerger.Overlay(e, existing) : e;
            }

            Entries = _byKey.Values
                .OrderBy(e => e.Cloud)
                .ThenBy(e => e.Model, StringComparer.OrdinalIgnoreCase)
                .ThenBy(e => e.Version ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .ThenBy(e => e.Kind)
                .ToArray();
            _byModel = Entries.ToLookup(e => (e.Cloud, e.Kind, ModelNames.MatchKey(e.Model)));
        }

        /// <summary>The date of the newest source content in the catalog.</summary>
        public DateTime SnapshotDate { get; }

        /// <summary>
        /// The oldest <see cref="CatalogEntry.DataDate"/> of any entry: how old the data an answer may
        /// use can be. A small overlay with a newer date does not make the rest of the catalog newer.
        /// </summary>
        public DateTime? OldestDataDate => Entries.Min(e => e.DataDate);

        public string? Description { get; }

        /// <summary>The published sources the catalog was built from (for the embedded snapshot).</summary>
        public IReadOnlyList<SourceRef> Sources { get; }

        public IReadOnlyList<CatalogEntry> Entries { get; }

        /// <summary>
        /// The entry for a model version: an exact version match first, then an entry that names no
        /// version (it speaks for every version of the model). Null when the catalog does not know it.
        /// </summary>
        public CatalogEntry? Find(CatalogCloud cloud, string model, string? version, ModelKind kind = ModelKind.Base)
        {
            if (version is not null && _byKey.TryGetValue(new CatalogKey(cloud, model, version, kind), out var exact))
            {
                return exact;
            }

            return _byKey.TryGetValue(new CatalogKey(cloud, model, null, kind), out var any) ? any : null;
        }

        /// <summary>
        /// The entry for what a deployment runs: a fine-tuned model name ("gpt-4o-mini-2024-07-18.ft-...")
        /// finds its base model's fine-tuned schedule; anything else is looked up as written.
        /// </summary>
        public CatalogEntry? FindForDeployment(CatalogCloud cloud, string model, string? version)
        {
            if (!ModelNames.TryParseFineTuned(model, out var baseModel, out var baseVersion))
            {
                return Find(cloud, model, version);
            }

            var exact = Find(cloud, baseModel, baseVersion, ModelKind.FineTuned);
            if (exact is not null || baseVersion is not null)
            {
                return exact;
            }

            var versions = VersionsOf(cloud, baseModel, ModelKind.FineTuned).ToList();
            return versions.Count == 1 ? versions[0] : null;
        }

        /// <summary>Every entry of a model (all versions) in a cloud.</summary>
        public IEnumerable<CatalogEntry> VersionsOf(CatalogCloud cloud, string model, ModelKind kind = ModelKind.Base) =>
            _byModel[(cloud, kind, ModelNames.MatchKey(model))];

        /// <summary>The version a source names as the model's default, if any.</summary>
        public CatalogEntry? DefaultVersionOf(CatalogCloud cloud, string model) =>
            VersionsOf(cloud, model).FirstOrDefault(e => e.IsDefaultVersion == true);

        /// <summary>
        /// This catalog with <paramref name="overlay"/> laid over it: the overlay's entries win field by
        /// field, this catalog fills their gaps, and disagreements become notes. An overlay entry that
        /// names no version applies to every version this catalog has of that model.
        /// </summary>
        public LifecycleCatalog WithOverlay(LifecycleCatalog overlay)
        {
            var result = new Dictionary<CatalogKey, CatalogEntry>(_byKey);
            foreach (var o in overlay.Entries)
            {
                var key = CatalogKey.Of(o);
                if (o.Version is null)
                {
                    var versions = VersionsOf(o.Cloud, o.Model, o.Kind).ToList();
                    if (versions.Count > 0)
                    {
                        foreach (var v in versions)
                        {
                            result[CatalogKey.Of(v)] = EntryMerger.Overlay(o, v);
                        }

                        continue;
                    }
                }

                result[key] = result.TryGetValue(key, out var existing) ? EntryMerger.Overlay(o, existing) : o;
            }

            var newest = overlay.SnapshotDate > SnapshotDate ? overlay.SnapshotDate : SnapshotDate;
            return new LifecycleCatalog(newest, result.Values, Sources.Concat(overlay.Sources), Description, dateEntries: false);
        }

        private static CatalogEntry WithDataDate(CatalogEntry e, DateTime date)
        {
            var b = e.ToBuilder();
            b.DataDate = date;
            return b.Build();
        }
    }
}
