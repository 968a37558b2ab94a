using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>Accounts_List, Accounts_ListByResourceGroup, Accounts_Get, Accounts_ListUsages, Accounts_ListModels.</summary>
    internal sealed class AccountEndpoints
    {
        private readonly EndpointContext context;

        public AccountEndpoints(EndpointContext context) => this.context = context;

        public ArmResponse ListBySubscription(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindSubscription(route["subscriptionId"], out SubscriptionState subscription);
            if (error != null)
            {
                return error;
            }

            var items = new List<JToken>();
            foreach (ResourceGroupState group in subscription.Groups.Values)
            {
                foreach (AccountState account in group.Accounts.Values)
                {
                    items.Add(account.Render());
                }
            }

            return Paging.Page(request, items, context.Settings.PageSize);
        }

        public ArmResponse ListByResourceGroup(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindGroup(route["subscriptionId"], route["resourceGroup"], out ResourceGroupState group);
            if (error != null)
            {
                return error;
            }

            var items = new List<JToken>();
            foreach (AccountState account in group.Accounts.Values)
            {
                items.Add(account.Render());
            }

            return Paging.Page(request, items, context.Settings.PageSize);
        }

        public ArmResponse Get(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindAccount(route, out AccountState account);
            return error ?? ArmResponse.Ok(account.Render());
        }

        public ArmResponse Usages(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindAccount(route, out AccountState account);
            if (error != null)
            {
                return error;
            }

            return Paging.Page(request, UsageFilter.Apply(account.Usages, request.Query("$filter")), context.Settings.PageSize);
        }

        /// <summary>The models the account can deploy: its location's catalog, as AccountModel items.</summary>
        public ArmResponse Models(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindAccount(route, out AccountState account);
            if (error != null)
            {
                return error;
            }

            var items = new List<JToken>();
            if (context.State.Locations.TryGetValue(account.Location, out FleetLocation? location))
            {
                foreach (JObject item in location.Models)
                {
                    if (item["model"] is JObject model)
                    {
                        items.Add(model.DeepClone());
                    }
                }
            }

            return Paging.Page(request, items, context.Settings.PageSize);
        }
    }
}
