using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>
    /// Questions a plan asks of one location's Models_List (arm-api-facts.md §3): is this model version
    /// offered with this SKU, under which quota usage name, and which version is the default for a SKU.
    /// </summary>
    internal sealed class LocationModels
    {
        private readonly List<Offer> _offers;

        public LocationModels(IEnumerable<JObject> items)
        {
            _offers = new List<Offer>();
            foreach (var item in items)
            {
                var model = item["model"] as JObject ?? item;
                var name = (string?)model["name"];
                if (string.IsNullOrWhiteSpace(name))
                {
                    continue;
                }

                var skus = (model["skus"] as JArray)?.OfType<JObject>()
                    .Select(s => new OfferedSku((string?)s["name"] ?? string.Empty, (string?)s["usageName"]))
                    .Where(s => s.Name.Length > 0)
                    .ToList() ?? new List<OfferedSku>();
                _offers.Add(new Offer(ModelNames.NormalizeModel(name!), (string?)model["version"], (bool?)model["isDefaultVersion"] == true, skus));
            }
        }

        public IEnumerable<Offer> VersionsOf(string model) => _offers.Where(o => ModelNames.SameModel(o.Model, model));

        public IEnumerable<Offer> Find(string model, string? version) =>
            VersionsOf(model).Where(o => version is null || ModelNames.SameVersion(o.Version, version));

        /// <summary>The SKU entry for a deployment type: the API writes "Provisioned" for the *ProvisionedManaged types.</summary>
        public static OfferedSku? SkuFor(Offer offer, string? deploymentType) =>
            deploymentType is null ? null : offer.Skus.FirstOrDefault(s => Matches(s.Name, deploymentType));

        public static bool Matches(string apiSkuName, string deploymentType) =>
            LiveCatalog.DeploymentTypesOf(apiSkuName).Any(t => string.Equals(t, deploymentType, StringComparison.OrdinalIgnoreCase))
            || string.Equals(apiSkuName, deploymentType, StringComparison.OrdinalIgnoreCase);

        /// <summary>The version the location marks default for the model, among versions offered with the SKU.</summary>
        public string? DefaultVersion(string model, string? deploymentType) =>
            VersionsOf(model).Where(o => o.IsDefaultVersion && (deploymentType is null || SkuFor(o, deploymentType) is not null))
                .Select(o => o.Version).FirstOrDefault(v => v is not null);

        internal sealed class Offer
        {
            public Offer(string model, string? version, bool isDefaultVersion, IReadOnlyList<OfferedSku> skus)
            {
                Model = model;
                Version = version;
                IsDefaultVersion = isDefaultVersion;
                Skus = skus;
            }

            public string Model { get; }

            public string? Version { get; }

            public bool IsDefaultVersion { get; }

            public IReadOnlyList<OfferedSku> Skus { get; }
        }

        internal sealed class OfferedSku
        {
            public OfferedSku(string name, string? usageName)
            {
                Name = name;
                UsageName = usageName;
            }

            public string Name { get; }

            public string? UsageName { get; }
        }
    }

    /// <summary>One row of Usages_List: name.value, currentValue, limit.</summary>
    internal sealed class LocationUsage
    {
        private LocationUsage(string name, double current, double limit)
        {
            Name = name;
            CurrentValue = current;
            Limit = limit;
        }

        public string Name { get; }

        public double CurrentValue { get; }

        public double Limit { get; }

        public static LocationUsage? Find(IEnumerable<JObject> usages, string usageName)
        {
            foreach (var u in usages)
            {
                var nameToken = u["name"];
                var name = nameToken is JObject n ? (string?)n["value"] : nameToken?.Type == JTokenType.String ? (string?)nameToken : null;
                if (name is not null && string.Equals(name, usageName, StringComparison.OrdinalIgnoreCase))
                {
                    return new LocationUsage(name, Number(u["currentValue"]), Number(u["limit"]));
                }
            }

            return null;
        }

        private static double Number(JToken? t) =>
            t is null || t.Type == JTokenType.Null ? 0
            : t.Type == JTokenType.Float || t.Type == JTokenType.Integer ? t.Value<double>()
            : double.TryParse((string?)t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
    }
}
