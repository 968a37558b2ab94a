using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>ARM's own subscription API: GET /subscriptions and GET /subscriptions/{id}.</summary>
    internal sealed class SubscriptionEndpoints
    {
        private readonly EndpointContext context;

        public SubscriptionEndpoints(EndpointContext context) => this.context = context;

        public ArmResponse List(ArmRequest request, RouteValues route)
        {
            var items = new List<JToken>();
            foreach (SubscriptionState subscription in context.State.Subscriptions.Values)
            {
                items.Add(Render(subscription));
            }

            var count = new JObject { ["count"] = new JObject { ["type"] = "Total", ["value"] = items.Count } };
            return Paging.Page(request, items, context.Settings.PageSize, count);
        }

        public ArmResponse Get(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindSubscription(route["subscriptionId"], out SubscriptionState subscription);
            return error ?? ArmResponse.Ok(Render(subscription));
        }

        private static JObject Render(SubscriptionState subscription) => new JObject
        {
            ["id"] = ResourceIds.Subscription(subscription.SubscriptionId),
            ["authorizationSource"] = "RoleBased",
            ["managedByTenants"] = new JArray(),
            ["subscriptionId"] = subscription.SubscriptionId,
            ["tenantId"] = subscription.TenantId,
            ["displayName"] = subscription.DisplayName,
            ["state"] = subscription.State,
            ["subscriptionPolicies"] = new JObject
            {
                ["locationPlacementId"] = "Public_2014-09-01",
                ["quotaId"] = "PayAsYouGo_2014-09-01",
                ["spendingLimit"] = "Off",
            },
        };
    }
}
