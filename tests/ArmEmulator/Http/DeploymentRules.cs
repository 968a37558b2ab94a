using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// What the Cognitive Services RP refuses in a deployment PUT, checked before anything is stored, in
    /// this order: a model family change on a non-provisioned deployment, model and capacity changed
    /// together, a model the location does not (or no longer) offer, a deprecated model the subscription
    /// never had, a limited-access model the subscription is not registered for, too little quota. Each is
    /// a 400 with ARM's error code and the wording seen in the field (sources on each method).
    /// Model checks apply to a create or a model change only: re-PUTting a deployment's own model (as a
    /// policy change does) is never refused for its model.
    /// </summary>
    internal sealed class DeploymentRules
    {
        /// <summary>Provisioned types change model family in place (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/working-with-models).</summary>
        private static readonly HashSet<string> ProvisionedSkus = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "ProvisionedManaged", "GlobalProvisionedManaged", "DataZoneProvisionedManaged",
        };

        private readonly EmulatorState state;
        private readonly QuotaLedger quota;

        public DeploymentRules(EmulatorState state)
        {
            this.state = state;
            quota = new QuotaLedger(state);
        }

        /// <summary>The refusal for this PUT, or null when it may go ahead. <paramref name="sent"/> has its model version resolved.</summary>
        public ArmResponse? Check(AccountState account, JObject sent, JObject? existing)
        {
            var model = (JObject)sent["properties"]!["model"]!;
            JObject? before = existing?["properties"]?["model"] as JObject;
            bool modelChanged = existing == null || !SameModel(before, model);
            if (existing != null && modelChanged)
            {
                bool familyChanged = !string.Equals((string?)before?["name"], (string?)model["name"], StringComparison.OrdinalIgnoreCase)
                    || !string.Equals((string?)before?["format"], (string?)model["format"], StringComparison.OrdinalIgnoreCase);
                if (familyChanged && !ProvisionedSkus.Contains((string?)existing["sku"]?["name"] ?? ""))
                {
                    // Azure-Samples/azure-search-openai-demo#1429, #1121.
                    return ArmErrors.BadRequest("CannotChangeDeploymentModel", "The model of deployment cannot be changed.");
                }

                if (QuotaLedger.Capacity(existing) != QuotaLedger.Capacity(sent))
                {
                    // Azure-Samples/azure-search-openai-demo#1154 (the error code was not shown there).
                    return ArmErrors.BadRequest("BadRequest", "Cannot change capacity and model at the same time for deployment.");
                }
            }

            if (modelChanged && model["source"] == null)
            {
                ArmResponse? refused = CheckOffer(account, model, (string?)sent["sku"]?["name"]);
                if (refused != null)
                {
                    return refused;
                }
            }

            return CheckQuota(account, sent, existing);
        }

        private ArmResponse? CheckOffer(AccountState account, JObject model, string? sku)
        {
            string format = (string?)model["format"] ?? "OpenAI";
            string name = (string)model["name"]!;
            string? version = (string?)model["version"];
            JObject? entry = Catalog.Find(state, account.Location, format, name, version);
            if (entry == null)
            {
                // Only a model the location knows by name can be judged; others (not in the seeded catalog) pass.
                return Catalog.Knows(state, account.Location, format, name) ? NotSupported(model) : null;
            }

            string? lifecycle = (string?)entry["lifecycleStatus"];
            if (string.Equals(lifecycle, "Deprecated", StringComparison.OrdinalIgnoreCase))
            {
                // In the API, Deprecated means retired. akshata29/entaoai#30, Azure-Samples/azure-search-openai-demo#388.
                return ArmErrors.BadRequest(
                    "DeploymentModelNotSupported",
                    $"Creating account deployment is not supported by the model '{name}'. This is usually because there are better models available for the similar functionality.");
            }

            if (sku != null && entry["skus"] is JArray skus && skus.Count > 0 && !Lists(skus, sku))
            {
                return NotSupported(model);
            }

            if (string.Equals(lifecycle, "Deprecating", StringComparison.OrdinalIgnoreCase) && !SubscriptionHas(account.SubscriptionId, format, name, version))
            {
                // "A deprecated model cannot be deployed in a subscription that never deployed it."
                // Wording: microsoft/microsoft-foundry-for-vscode#491.
                string since = (string?)entry["deprecation"]?["inference"] is string date && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when)
                    ? " since " + when.UtcDateTime.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture)
                    : string.Empty;
                return ArmErrors.BadRequest("ServiceModelDeprecated", $"The model '{ShortName(model)}' has been deprecated{since}.");
            }

            if (state.LimitedAccessModels.Contains(name)
                && !(state.Subscriptions.TryGetValue(account.SubscriptionId, out SubscriptionState? subscription) && subscription.LimitedAccessGranted.Contains(name)))
            {
                // microsoft-foundry/foundry-samples#916.
                return ArmErrors.BadRequest("SpecialFeatureOrQuotaIdRequired", $"The current subscription does not have access to this model '{ShortName(model)}'.");
            }

            return null;
        }

        /// <summary>InsufficientQuota when <paramref name="sent"/> needs more of its quota than is free, else null (PUT and PATCH).</summary>
        public ArmResponse? CheckQuota(AccountState account, JObject sent, JObject? existing)
        {
            string? usageName = quota.UsageName(account.Location, sent);
            FleetQuota? limit = usageName == null ? null : quota.Limit(account.SubscriptionId, account.Location, usageName);
            if (limit == null)
            {
                return null;
            }

            // The deployment's own capacity counts as freed only when it draws on the same quota.
            decimal freed = existing != null && string.Equals(quota.UsageName(account.Location, existing), usageName, StringComparison.OrdinalIgnoreCase)
                ? QuotaLedger.Capacity(existing)
                : 0;
            decimal required = QuotaLedger.Capacity(sent) - freed;
            decimal used = quota.Used(account.SubscriptionId, account.Location, usageName!);
            decimal available = Math.Max(0, limit.Limit - used);
            if (required <= 0 || required <= available)
            {
                return null;
            }

            // microsoft/PubSec-Info-Assistant#880 (400 Bad Request), microsoft/azurechat#447.
            string quotaName = limit.LocalizedName ?? limit.UsageName;
            return ArmErrors.BadRequest(
                "InsufficientQuota",
                $"This operation require {Number(required)} new capacity in quota {quotaName}, which is bigger than the current available capacity {Number(available)}. The current quota usage is {Number(used)} and the quota limit is {Number(limit.Limit)} for quota {quotaName}.");
        }

        private bool SubscriptionHas(string subscriptionId, string format, string name, string? version)
        {
            foreach (AccountState account in state.AllAccounts())
            {
                if (!string.Equals(account.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (JObject body in account.Deployments.Values)
                {
                    if (body["properties"]?["model"] is JObject model
                        && string.Equals((string?)model["format"], format, StringComparison.OrdinalIgnoreCase)
                        && string.Equals((string?)model["name"], name, StringComparison.OrdinalIgnoreCase)
                        && string.Equals((string?)model["version"], version, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>microsoft/azurechat#447.</summary>
        private static ArmResponse NotSupported(JObject model) =>
            ArmErrors.BadRequest(
                "DeploymentModelNotSupported",
                $"The model 'Publisher: {(string?)model["publisher"]}, Format: {(string?)model["format"]}, Name: {(string?)model["name"]}, Version: {(string?)model["version"]}, Source: {(string?)model["source"]}, SourceAccount: {(string?)model["sourceAccount"]}' of account deployment is not supported.");

        private static string ShortName(JObject model) => $"Format:{(string?)model["format"]},Name:{(string?)model["name"]},Version:{(string?)model["version"]}";

        private static bool Lists(JArray skus, string sku)
        {
            foreach (JToken candidate in skus)
            {
                if (string.Equals((string?)candidate["name"], sku, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SameModel(JToken? a, JToken? b) =>
            string.Equals((string?)a?["format"], (string?)b?["format"], StringComparison.OrdinalIgnoreCase)
            && string.Equals((string?)a?["name"], (string?)b?["name"], StringComparison.OrdinalIgnoreCase)
            && string.Equals((string?)a?["version"], (string?)b?["version"], StringComparison.OrdinalIgnoreCase);

        private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
