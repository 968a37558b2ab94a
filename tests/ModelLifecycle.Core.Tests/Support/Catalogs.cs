using System;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Policy;

namespace ModelLifecycle.Core.Tests.Support
{
    internal static class Catalogs
    {
        public static LifecycleCatalog Embedded => EmbeddedCatalog.Catalog;

        /// <summary>A catalog from inline entries (JSON array text), for tests that need one rule in isolation.</summary>
        public static LifecycleCatalog FromEntries(string entriesJson, string snapshotDate = "2026-01-01") =>
            CatalogReader.Read(
                "{ \"format\": \"ModelLifecycle.Catalog\", \"formatVersion\": 1, \"snapshotDate\": \"" + snapshotDate + "\", \"entries\": " + entriesJson + " }",
                "test.json",
                CatalogOrigin.File);

        public static Deployment Deployment(string model, string? version, string? sku = "Standard", string? option = null, string name = "dep") =>
            new Deployment
            {
                Name = name,
                SubscriptionId = "00000000-0000-0000-0000-000000000001",
                ResourceGroupName = "rg",
                AccountName = "acct",
                ResourceId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct/deployments/" + name,
                Model = model,
                Version = version,
                DeploymentType = sku,
                UpgradeOption = option,
            };

        public static UpgradePolicyAssessment Assess(Deployment d, string asOf, LifecycleCatalog? catalog = null, int warningDays = 90) =>
            UpgradePolicyEvaluator.Evaluate(d, catalog ?? Embedded, new EvaluationOptions(Date(asOf), warningDays));

        public static DateTime Date(string s) => DateTime.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
