using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Quota as ARM keeps it for Azure OpenAI: per subscription, location and usage name, the sum of the
    /// capacity of the deployments that draw on it. A deployment draws on the usage name of its model's
    /// SKU in the location's Models_List (<c>skus[].usageName</c>); a model the catalog does not list
    /// draws on "{format}.{sku}.{model name}", the naming ARM's usage names follow.
    /// </summary>
    internal sealed class QuotaLedger
    {
        private readonly EmulatorState state;

        public QuotaLedger(EmulatorState state) => this.state = state;

        /// <summary>The limits that apply to a subscription in a location: its own entries win over location-wide ones.</summary>
        public List<FleetQuota> Limits(string subscriptionId, string location)
        {
            var byName = new Dictionary<string, FleetQuota>(StringComparer.OrdinalIgnoreCase);
            var order = new List<string>();
            if (state.Locations.TryGetValue(location, out FleetLocation? found))
            {
                foreach (FleetQuota quota in found.Quotas)
                {
                    bool own = string.Equals(quota.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase);
                    if (quota.SubscriptionId != null && !own)
                    {
                        continue;
                    }

                    if (!byName.TryGetValue(quota.UsageName, out FleetQuota? earlier))
                    {
                        order.Add(quota.UsageName);
                        byName[quota.UsageName] = quota;
                    }
                    else if (own || earlier.SubscriptionId == null)
                    {
                        byName[quota.UsageName] = quota;
                    }
                }
            }

            return order.ConvertAll(name => byName[name]);
        }

        public FleetQuota? Limit(string subscriptionId, string location, string usageName) =>
            Limits(subscriptionId, location).Find(q => string.Equals(q.UsageName, usageName, StringComparison.OrdinalIgnoreCase));

        /// <summary>Capacity the subscription's deployments in the location draw from <paramref name="usageName"/>.</summary>
        public decimal Used(string subscriptionId, string location, string usageName)
        {
            decimal used = 0;
            foreach (AccountState account in state.AllAccounts())
            {
                if (!string.Equals(account.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(account.Location, location, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (JObject body in account.Deployments.Values)
                {
                    if (string.Equals(UsageName(account.Location, body), usageName, StringComparison.OrdinalIgnoreCase))
                    {
                        used += Capacity(body);
                    }
                }
            }

            return used;
        }

        /// <summary>The usage name a deployment body (stored, or as sent in a PUT) draws on; null without a model.</summary>
        public string? UsageName(string location, JObject body)
        {
            if (body["properties"]?["model"] is not JObject model || (string?)model["name"] is not string name)
            {
                return null;
            }

            string format = (string?)model["format"] ?? "OpenAI";
            string sku = (string?)body["sku"]?["name"] ?? "Standard";
            JObject? entry = Catalog.Find(state, location, format, name, (string?)model["version"]);
            if (entry?["skus"] is JArray skus)
            {
                foreach (JToken candidate in skus)
                {
                    if (string.Equals((string?)candidate["name"], sku, StringComparison.OrdinalIgnoreCase) && (string?)candidate["usageName"] is string usage)
                    {
                        return usage;
                    }
                }
            }

            return $"{format}.{sku}.{name}";
        }

        /// <summary>sku.capacity, else the legacy properties.scaleSettings.capacity, else 0.</summary>
        public static decimal Capacity(JObject? body)
        {
            JToken? capacity = body?["sku"]?["capacity"] ?? body?["properties"]?["scaleSettings"]?["capacity"];
            return capacity?.Type is JTokenType.Integer or JTokenType.Float ? (decimal)capacity : 0;
        }

        /// <summary>A Usage item with the computed currentValue.</summary>
        public JObject Render(string subscriptionId, string location, FleetQuota quota) => new JObject
        {
            ["name"] = new JObject { ["value"] = quota.UsageName, ["localizedValue"] = quota.LocalizedName ?? quota.UsageName },
            ["currentValue"] = Used(subscriptionId, location, quota.UsageName),
            ["limit"] = quota.Limit,
            ["unit"] = quota.Unit,
        };
    }
}
