using System;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>Identity of an entry: cloud, the model's match key (<see cref="ModelNames.MatchKey"/>), canonical version (or none), kind.</summary>
    public readonly struct CatalogKey : IEquatable<CatalogKey>
    {
        public CatalogKey(CatalogCloud cloud, string model, string? version, ModelKind kind)
        {
            Cloud = cloud;
            Model = ModelNames.MatchKey(model);
            Version = ModelNames.NormalizeVersion(version)?.ToLowerInvariant();
            Kind = kind;
        }

        public CatalogCloud Cloud { get; }

        public string Model { get; }

        public string? Version { get; }

        public ModelKind Kind { get; }

        public static CatalogKey Of(CatalogEntry e) => new CatalogKey(e.Cloud, e.Model, e.Version, e.Kind);

        public static CatalogKey Of(CatalogEntryBuilder e) => new CatalogKey(e.Cloud, e.Model, e.Version, e.Kind);

        public bool Equals(CatalogKey other) =>
            Cloud == other.Cloud && Kind == other.Kind
            && string.Equals(Model, other.Model, StringComparison.Ordinal)
            && string.Equals(Version, other.Version, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is CatalogKey k && Equals(k);

        public override int GetHashCode()
        {
            unchecked
            {
                var h = ((int)Cloud * 397) ^ (int)Kind;
                h = (h * 397) ^ StringComparer.Ordinal.GetHashCode(Model);
                return (h * 397) ^ (Version is null ? 0 : StringComparer.Ordinal.GetHashCode(Version));
            }
        }

        public override string ToString() => $"{Cloud}/{Model}/{Version ?? "*"}/{Kind}";
    }
}
