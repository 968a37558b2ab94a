using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Builds one Models_List item, <c>{ kind, skuName, model: AccountModel }</c>, in the member order
    /// ARM uses. Dates are ISO 8601 strings (e.g. "2026-03-31T00:00:00Z") and go out unchanged.
    /// </summary>
    public sealed class ModelItem
    {
        private readonly JObject item;
        private readonly JObject model;

        private ModelItem(string kind, string format, string name, string version)
        {
            model = new JObject { ["format"] = format, ["name"] = name, ["version"] = version };
            item = new JObject { ["kind"] = kind, ["model"] = model, ["skuName"] = "S0" };
        }

        public static ModelItem Create(string name, string version, string format = "OpenAI", string kind = "OpenAI") =>
            new ModelItem(kind, format, name, version);

        /// <summary>GenerallyAvailable, Preview, Stable, Deprecating, Deprecated or Legacy.</summary>
        public ModelItem Lifecycle(string lifecycleStatus) => Set("lifecycleStatus", lifecycleStatus);

        public ModelItem DefaultVersion(bool isDefaultVersion) => Set("isDefaultVersion", isDefaultVersion);

        public ModelItem MaxCapacity(int maxCapacity) => Set("maxCapacity", maxCapacity);

        public ModelItem Capability(string name, string value)
        {
            if (model["capabilities"] is not JObject capabilities)
            {
                capabilities = new JObject();
                model["capabilities"] = capabilities;
            }

            capabilities[name] = value;
            return this;
        }

        /// <param name="deprecationStatus">Planned or Tentative; null leaves the member out (as 2023-05-01 did).</param>
        public ModelItem Deprecation(string? inference, string? fineTune = null, string? deprecationStatus = null)
        {
            var deprecation = new JObject();
            if (deprecationStatus != null)
            {
                deprecation["deprecationStatus"] = deprecationStatus;
            }

            if (fineTune != null)
            {
                deprecation["fineTune"] = fineTune;
            }

            if (inference != null)
            {
                deprecation["inference"] = inference;
            }

            return Set("deprecation", deprecation);
        }

        /// <summary>Adds a <c>ModelSku</c>. <paramref name="deprecationDate"/> is the per-SKU retirement.</summary>
        public ModelItem Sku(string name, string usageName, string? deprecationDate = null, int defaultCapacity = 10, int maximumCapacity = 1000)
        {
            if (model["skus"] is not JArray skus)
            {
                skus = new JArray();
                model["skus"] = skus;
            }

            var sku = new JObject
            {
                ["name"] = name,
                ["usageName"] = usageName,
                ["capacity"] = new JObject { ["default"] = defaultCapacity, ["maximum"] = maximumCapacity },
            };
            if (deprecationDate != null)
            {
                sku["deprecationDate"] = deprecationDate;
            }

            skus.Add(sku);
            return this;
        }

        /// <summary>The <c>replacementConfig</c> that drives auto-upgrade (2025-09-01+).</summary>
        public ModelItem Replacement(string targetModelName, string targetModelVersion, string? autoUpgradeStartDate = null, int? upgradeOnExpiryLeadTimeDays = null)
        {
            var replacement = new JObject
            {
                ["targetModelName"] = targetModelName,
                ["targetModelVersion"] = targetModelVersion,
            };
            if (autoUpgradeStartDate != null)
            {
                replacement["autoUpgradeStartDate"] = autoUpgradeStartDate;
            }

            if (upgradeOnExpiryLeadTimeDays != null)
            {
                replacement["upgradeOnExpiryLeadTimeDays"] = upgradeOnExpiryLeadTimeDays.Value;
            }

            return Set("replacementConfig", replacement);
        }

        /// <summary>Sets any other <c>model</c> member (e.g. baseModel, finetuneCapabilities).</summary>
        public ModelItem Set(string name, JToken value)
        {
            model[name] = value;
            return this;
        }

        /// <summary>A fresh copy, so one builder can seed several locations.</summary>
        public JObject ToJson() => (JObject)item.DeepClone();
    }
}
