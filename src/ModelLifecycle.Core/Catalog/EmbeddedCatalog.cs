using System;
using System.IO;
using System.Text;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>The dated snapshot compiled into this assembly (catalog/snapshot.json), read once per process.</summary>
    public static class EmbeddedCatalog
    {
        public const string ResourceName = "ModelLifecycle.Core.Catalog.snapshot.json";

        private static readonly Lazy<LifecycleCatalog> Instance = new Lazy<LifecycleCatalog>(Load, isThreadSafe: true);

        public static LifecycleCatalog Catalog => Instance.Value;

        private static LifecycleCatalog Load()
        {
            using var stream = typeof(EmbeddedCatalog).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The embedded catalog resource '" + ResourceName + "' is missing from the assembly; the build is broken.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return CatalogReader.Read(reader.ReadToEnd(), "embedded snapshot", CatalogOrigin.Embedded);
        }
    }
}
