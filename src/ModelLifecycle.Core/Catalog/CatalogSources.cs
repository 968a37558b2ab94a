using System;
using System.Globalization;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// Puts together the catalog a command works from: the embedded snapshot, then a user file
    /// (-CatalogPath) over it; live data is laid over that by the caller that reads it.
    /// </summary>
    public static class CatalogSources
    {
        /// <summary>How old the data may be, relative to the date asked about, before the user is warned.</summary>
        public const int StaleAfterDays = 90;

        public static LifecycleCatalog Load(string? catalogPath)
        {
            var catalog = EmbeddedCatalog.Catalog;
            return string.IsNullOrEmpty(catalogPath) ? catalog : catalog.WithOverlay(CatalogReader.ReadFile(catalogPath!, CatalogOrigin.File));
        }

        /// <summary>A warning when the catalog's data is more than 90 days older than <paramref name="asOf"/>; null otherwise.</summary>
        public static string? StalenessWarning(LifecycleCatalog catalog, DateTime asOf)
        {
            var age = (int)(asOf.Date - catalog.SnapshotDate).TotalDays;
            if (age <= StaleAfterDays)
            {
                return null;
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "The lifecycle catalog is from {0:yyyy-MM-dd}, {1} days before {2:yyyy-MM-dd}; retirement dates may have moved since. Use -Location (Get-ModelRetirement) or -Live (Test-DeploymentUpgradePolicy) for the Models API's current dates, or -CatalogPath with newer data.",
                catalog.SnapshotDate,
                age,
                asOf.Date);
        }
    }
}
