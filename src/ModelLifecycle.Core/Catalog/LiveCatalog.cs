using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// Turns the ARM Models API's answer for one location (Models_List items) into catalog entries,
    /// to be laid over the embedded catalog. Vocabulary (the "Lifecycle" section of
    /// https://learn.microsoft.com/azure/foundry/openai/concepts/model-retirements): the API's
    /// lifecycleStatus Deprecating is the docs' Deprecated, and its Deprecated is the docs' Retired;
    /// deprecation.inference is the retirement date, 2099-12-31 means none; skus[].deprecationDate
    /// are per deployment type; replacementConfig is an upgrade target.
    /// </summary>
    public static class LiveCatalog
    {
        private static readonly DateTime NoDate = new DateTime(2099, 12, 31);

        public static LifecycleCatalog FromModels(IEnumerable<JObject> items, string location, CatalogCloud cloud, DateTime readOn)
        {
            var source = new SourceRef("live:" + location, "Models_List (" + location + ")", null, readOn.Date, new[] { "*" });
            var entries = new List<CatalogEntry>();
            foreach (var item in items)
            {
                var entry = FromItem(item, cloud, source);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }

            // The API lists a model once per sku/kind; the catalog merges those by key.
            return new LifecycleCatalog(readOn.Date, entries, new[] { source });
        }

        public static LifecycleStage? StageFromApi(string? lifecycleStatus) => lifecycleStatus switch
        {
            null => null,
            var s when Is(s, "Deprecated") => LifecycleStage.Retired,
            var s when Is(s, "Deprecating") => LifecycleStage.Deprecated,
            var s when Is(s, "GenerallyAvailable") || Is(s, "Stable") => LifecycleStage.GenerallyAvailable,
            var s when Is(s, "Preview") => LifecycleStage.Preview,
            var s when Is(s, "Legacy") => LifecycleStage.Legacy,
            _ => null, // modelAsString: a value added later is not guessed at
        };

        internal static CatalogEntry? FromItem(JObject item, CatalogCloud cloud, SourceRef source)
        {
            var model = item["model"] as JObject ?? item;
            var name = Text(model["name"]);
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            var b = new CatalogEntryBuilder(ModelNames.NormalizeModel(name!), ModelNames.NormalizeVersion(Text(model["version"])), ModelKind.Base, cloud, CatalogOrigin.Live)
            {
                Stage = StageFromApi(Text(model["lifecycleStatus"])),
                IsDefaultVersion = Flag(model["isDefaultVersion"]),
            };

            if (model["deprecation"] is JObject deprecation)
            {
                var inference = Date(deprecation["inference"]);
                if (inference is DateTime d && d < NoDate)
                {
                    b.RetirementDate = d;
                    b.RetirementQualifier = string.Equals(Text(deprecation["deprecationStatus"]), "Tentative", StringComparison.OrdinalIgnoreCase)
                        ? DateQualifier.Tentative
                        : DateQualifier.On;
                    b.RetirementText = "Models API: deprecation.inference " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                                       + (Text(deprecation["deprecationStatus"]) is string status ? " (" + status + ")" : string.Empty);
                }
            }

            if (model["skus"] is JArray skus)
            {
                foreach (var sku in skus.OfType<JObject>())
                {
                    var skuName = Text(sku["name"]);
                    var skuDate = Date(sku["deprecationDate"]);
                    if (!string.IsNullOrEmpty(skuName) && skuDate is DateTime sd && sd < NoDate)
                    {
                        foreach (var type in DeploymentTypesOf(skuName!))
                        {
                            // A type the API names itself beats the family-wide "Provisioned" date.
                            if (!b.RetirementByDeploymentType.ContainsKey(type) || Is(type, skuName!))
                            {
                                b.RetirementByDeploymentType[type] = sd;
                            }
                        }
                    }
                }
            }

            if (model["replacementConfig"] is JObject replacement && Text(replacement["targetModelName"]) is string target && target.Length > 0)
            {
                var targetRef = new ModelRef(ModelNames.NormalizeModel(target), ModelNames.NormalizeVersion(Text(replacement["targetModelVersion"])));
                b.Replacements.Add(targetRef);
                b.AutoUpgrade = new AutoUpgradeInfo(
                    targetRef,
                    Date(replacement["autoUpgradeStartDate"]),
                    DateQualifier.On,
                    Whole(replacement["upgradeOnExpiryLeadTimeDays"]),
                    Array.Empty<string>(),
                    Array.Empty<string>(),
                    "Models API replacementConfig");
            }

            b.Sources.Add(source);
            return b.Build();
        }

        /// <summary>
        /// The Models API names the provisioned family "Provisioned" (in any case); deployments name
        /// their sku ProvisionedManaged, GlobalProvisionedManaged or DataZoneProvisionedManaged.
        /// </summary>
        internal static IEnumerable<string> DeploymentTypesOf(string apiSkuName) =>
            Is(apiSkuName, "Provisioned")
                ? new[] { "ProvisionedManaged", "GlobalProvisionedManaged", "DataZoneProvisionedManaged" }
                : new[] { apiSkuName };

        private static DateTime? Date(JToken? token)
        {
            if (token is null || token.Type == JTokenType.Null)
            {
                return null;
            }

            if (token.Type == JTokenType.Date)
            {
                return ((DateTime)token).Date;
            }

            var s = Text(token);
            return s is not null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d.UtcDateTime.Date : (DateTime?)null;
        }

        // The Models API is read tolerantly: a field of an unexpected type (an object where text is due,
        // "maybe" where a boolean is due) counts as absent instead of failing the whole location.
        private static string? Text(JToken? token) =>
            token is JValue v && v.Type != JTokenType.Null && v.Type != JTokenType.Undefined
                ? Convert.ToString(v.Value, CultureInfo.InvariantCulture)
                : null;

        private static bool? Flag(JToken? token) =>
            token is JValue { Type: JTokenType.Boolean } b ? (bool)b : bool.TryParse(Text(token), out var parsed) ? parsed : (bool?)null;

        private static int? Whole(JToken? token) =>
            int.TryParse(Text(token), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : (int?)null;

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
