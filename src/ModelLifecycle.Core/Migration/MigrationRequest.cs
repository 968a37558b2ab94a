using System;
using System.Collections.Generic;
using ModelLifecycle.Core.Catalog;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>What the user asked for one source deployment: the parameters of Invoke-ModelMigration.</summary>
    public sealed class MigrationRequest
    {
        public MigrationRequest(Deployment source, DateTime asOf)
        {
            Source = source ?? throw new ArgumentNullException(nameof(source));
            AsOf = asOf.Date;
        }

        public Deployment Source { get; }

        /// <summary>The day the plan is for (dates in the catalog are calendar dates).</summary>
        public DateTime AsOf { get; }

        public int WarningDays { get; set; } = 90;

        public CatalogCloud Cloud { get; set; } = CatalogCloud.AzureCloud;

        /// <summary>-TargetModel; null: the default target rule.</summary>
        public string? TargetModel { get; set; }

        /// <summary>-TargetVersion; null: the region's default version for the SKU, else the catalog's newest GA version.</summary>
        public string? TargetVersion { get; set; }

        public MigrationMode Mode { get; set; } = MigrationMode.Auto;

        /// <summary>-NewDeploymentName (SideBySide); null: derived from the source name and the target model.</summary>
        public string? NewDeploymentName { get; set; }

        /// <summary>-SkuName; null: the source's.</summary>
        public string? SkuName { get; set; }

        /// <summary>-Capacity; null: the source's.</summary>
        public int? Capacity { get; set; }

        /// <summary>-UpgradeOption for the resulting deployment; null: the source's, or OnceNewDefaultVersionAvailable.</summary>
        public string? UpgradeOption { get; set; }

        /// <summary>-Offline: no Azure at all; the checks that need it are Skipped.</summary>
        public bool Offline { get; set; }
    }

    /// <summary>
    /// The data a plan is made from. The catalog is required; the live lists are what ARM answered
    /// for the source's location and account (null when not read: the checks that need them are Skipped).
    /// </summary>
    public sealed class MigrationContext
    {
        public MigrationContext(LifecycleCatalog catalog)
        {
            Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        }

        /// <summary>The merged catalog (embedded, -CatalogPath, live overlay).</summary>
        public LifecycleCatalog Catalog { get; }

        /// <summary>Rows of parameter changes and limited-access models; the embedded file unless a test says otherwise.</summary>
        public ParameterChangeCatalog ParameterChanges { get; set; } = ParameterChangeCatalog.Embedded;

        /// <summary>The source's location when the source itself does not say (Az deployment objects carry none).</summary>
        public string? Location { get; set; }

        /// <summary>Models_List of the source's location (ArmClient.ListModelsAsync items).</summary>
        public IReadOnlyList<JObject>? Models { get; set; }

        /// <summary>Usages_List of the source's location (ArmClient.ListUsagesAsync items).</summary>
        public IReadOnlyList<JObject>? Usages { get; set; }

        /// <summary>Every deployment of the source's account as ARM lists it now (for SourceFound and NameAvailable).</summary>
        public IReadOnlyList<Deployment>? AccountDeployments { get; set; }
    }
}
