using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>Models_List, Usages_List and the two model capacity lists.</summary>
    internal sealed class LocationEndpoints
    {
        private static readonly string[] CapacityParameters = { "modelFormat", "modelName", "modelVersion" };

        private readonly EndpointContext context;

        public LocationEndpoints(EndpointContext context) => this.context = context;

        public ArmResponse Models(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindSubscription(route["subscriptionId"], out _);
            if (error != null)
            {
                return error;
            }

            var items = new List<JToken>();
            if (context.State.Locations.TryGetValue(route["location"], out FleetLocation? location))
            {
                foreach (JObject item in location.Models)
                {
                    items.Add(item.DeepClone());
                }
            }

            return Paging.Page(request, items, context.Settings.PageSize);
        }

        public ArmResponse Usages(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindSubscription(route["subscriptionId"], out SubscriptionState subscription);
            if (error != null)
            {
                return error;
            }

            // Seeded items as they are, except where a quota limit is set: its usage is computed from the deployments.
            var ledger = new QuotaLedger(context.State);
            List<FleetQuota> limits = ledger.Limits(subscription.SubscriptionId, route["location"]);
            var usages = new List<JObject>();
            if (context.State.Locations.TryGetValue(route["location"], out FleetLocation? location))
            {
                foreach (JObject usage in location.Usages)
                {
                    string? name = (string?)usage["name"]?["value"];
                    if (!limits.Exists(q => string.Equals(q.UsageName, name, StringComparison.OrdinalIgnoreCase)))
                    {
                        usages.Add(usage);
                    }
                }
            }

            foreach (FleetQuota quota in limits)
            {
                usages.Add(ledger.Render(subscription.SubscriptionId, location?.Name ?? route["location"], quota));
            }

            return Paging.Page(request, UsageFilter.Apply(usages, request.Query("$filter")), context.Settings.PageSize);
        }

        public ArmResponse ModelCapacities(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindSubscription(route["subscriptionId"], out _) ?? RequireModelQuery(request);
            if (error != null)
            {
                return error;
            }

            var items = new List<JToken>();
            if (context.State.Locations.TryGetValue(route["location"], out FleetLocation? location))
            {
                AddCapacities(items, request, route["subscriptionId"], location);
            }

            return Paging.Page(request, items, context.Settings.PageSize);
        }

        public ArmResponse SubscriptionModelCapacities(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindSubscription(route["subscriptionId"], out _) ?? RequireModelQuery(request);
            if (error != null)
            {
                return error;
            }

            var items = new List<JToken>();
            foreach (FleetLocation location in context.State.Locations.Values)
            {
                AddCapacities(items, request, route["subscriptionId"], location);
            }

            return Paging.Page(request, items, context.Settings.PageSize);
        }

        private static ArmResponse? RequireModelQuery(ArmRequest request)
        {
            foreach (string name in CapacityParameters)
            {
                if (string.IsNullOrEmpty(request.Query(name)))
                {
                    return ArmErrors.BadRequest("BadRequest", $"The query parameter '{name}' is required.");
                }
            }

            return null;
        }

        private static void AddCapacities(List<JToken> items, ArmRequest request, string subscriptionId, FleetLocation location)
        {
            foreach (FleetModelCapacity capacity in location.ModelCapacities)
            {
                if (!Same(capacity.ModelFormat, request.Query("modelFormat"))
                    || !Same(capacity.ModelName, request.Query("modelName"))
                    || !Same(capacity.ModelVersion, request.Query("modelVersion")))
                {
                    continue;
                }

                var properties = new JObject
                {
                    ["model"] = new JObject { ["format"] = capacity.ModelFormat, ["name"] = capacity.ModelName, ["version"] = capacity.ModelVersion },
                    ["skuName"] = capacity.SkuName,
                    ["availableCapacity"] = capacity.AvailableCapacity,
                };
                if (capacity.AvailableFinetuneCapacity != null)
                {
                    properties["availableFinetuneCapacity"] = capacity.AvailableFinetuneCapacity.Value;
                }

                if (capacity.ScopeId != null)
                {
                    properties["scopeId"] = capacity.ScopeId;
                }

                if (capacity.ScopeType != null)
                {
                    properties["scopeType"] = capacity.ScopeType;
                }

                string modelKey = $"{capacity.ModelFormat}.{capacity.ModelName}.{capacity.ModelVersion}";
                items.Add(new JObject
                {
                    ["id"] = $"{ResourceIds.Location(subscriptionId, location.Name)}/models/{modelKey}/skuCapacities/{capacity.SkuName}",
                    ["name"] = capacity.SkuName,
                    ["type"] = ResourceIds.CapacityType,
                    ["location"] = location.Name,
                    ["properties"] = properties,
                });
            }
        }

        private static bool Same(string value, string? query) => string.Equals(value, query, StringComparison.OrdinalIgnoreCase);
    }
}
