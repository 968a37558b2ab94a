using System;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.Azure
{
    /// <summary>
    /// Which cloud's lifecycle schedule applies to a command. This is the only place that decides it;
    /// every cmdlet, the completer and the Core's defaults ask here.
    /// </summary>
    public static class CloudChoice
    {
        /// <summary>The schedule used when nobody says otherwise: Azure's public cloud.</summary>
        public const CatalogCloud Default = CatalogCloud.AzureCloud;

        /// <summary>
        /// The cloud the user asked for (-Cloud); otherwise the cloud of the Az context the command works
        /// in (the one it signed in with, or one that is already signed in); otherwise <see cref="Default"/>.
        /// Azure Government keeps its own schedule; every other Azure environment follows AzureCloud's.
        /// </summary>
        /// <param name="requested">-Cloud when it was given, else null.</param>
        /// <param name="context">The Az context, or null when there is none (offline, or not signed in).</param>
        public static CatalogCloud Decide(CatalogCloud? requested, AzureContextInfo? context)
        {
            if (requested is CatalogCloud asked)
            {
                return asked;
            }

            if (context is null)
            {
                return Default;
            }

            return string.Equals(context.EnvironmentName, "AzureUSGovernment", StringComparison.OrdinalIgnoreCase)
                ? CatalogCloud.AzureUSGovernment
                : Default;
        }
    }
}
