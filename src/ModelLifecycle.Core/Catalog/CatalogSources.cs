using System;

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

        /// <summary>What the staleness warnings suggest.</summary>
        internal const string FresherData = "Use -Location (Get-ModelRetirement) or -Live (Test-DeploymentUpgradePolicy) for the Models API's current dates, or -CatalogPath with newer data.";

        public static LifecycleCatalog Load(string? catalogPath)
        {
            var catalog = EmbeddedCatalog.Catalog;
            return string.IsNullOrEmpty(catalogPath) ? catalog : catalog.WithOverlay(CatalogReader.ReadFile(catalogPath!, CatalogOrigin.File));
        }

        /// <summary>True when data of <paramref name="dataDate"/> is more than <see cref="StaleAfterDays"/> older than <paramref name="asOf"/>.</summary>
        public static bool IsStale(DateTime dataDate, DateTime asOf, out int ageDays)
        {
            ageDays = (int)(asOf.Date - dataDate.Date).TotalDays;
            return ageDays > StaleAfterDays;
        }
    }
}
