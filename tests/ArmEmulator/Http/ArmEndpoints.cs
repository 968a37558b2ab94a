using System;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>The route table of every ARM endpoint the emulator serves.</summary>
    internal static class ArmEndpoints
    {
        public const string Subscription = "subscriptions/{subscriptionId}";
        public const string Provider = Subscription + "/providers/Microsoft.CognitiveServices";
        public const string Location = Provider + "/locations/{location}";
        public const string Account = Subscription + "/resourceGroups/{resourceGroup}/providers/Microsoft.CognitiveServices/accounts/{account}";
        public const string Deployment = Account + "/deployments/{deployment}";

        public static RouteTable Build(EndpointContext context)
        {
            var table = new RouteTable();

            // Every handler runs under the state lock, after finishing the operations that are due,
            // so what a request sees is one consistent moment of the fleet.
            void Add(string method, string template, Func<ArmRequest, RouteValues, ArmResponse> handler)
            {
                table.Add(method, template, (request, route) =>
                {
                    lock (context.State.Sync)
                    {
                        context.State.CompleteDueOperations();
                        return handler(request, route);
                    }
                });
            }

            var subscriptions = new SubscriptionEndpoints(context);
            Add("GET", "subscriptions", subscriptions.List);
            Add("GET", Subscription, subscriptions.Get);

            var accounts = new AccountEndpoints(context);
            Add("GET", Provider + "/accounts", accounts.ListBySubscription);
            Add("GET", Subscription + "/resourceGroups/{resourceGroup}/providers/Microsoft.CognitiveServices/accounts", accounts.ListByResourceGroup);
            Add("GET", Account, accounts.Get);
            Add("GET", Account + "/usages", accounts.Usages);
            Add("GET", Account + "/models", accounts.Models);

            var deployments = new DeploymentEndpoints(context);
            Add("GET", Account + "/deployments", deployments.List);
            Add("GET", Deployment, deployments.Get);
            Add("PUT", Deployment, deployments.Put);
            Add("PATCH", Deployment, deployments.Patch);
            Add("DELETE", Deployment, deployments.Delete);
            Add("POST", Deployment + "/pause", (r, v) => deployments.SetState(r, v, "Paused"));
            Add("POST", Deployment + "/resume", (r, v) => deployments.SetState(r, v, "Running"));

            var locations = new LocationEndpoints(context);
            Add("GET", Location + "/models", locations.Models);
            Add("GET", Location + "/usages", locations.Usages);
            Add("GET", Location + "/modelCapacities", locations.ModelCapacities);
            Add("GET", Provider + "/modelCapacities", locations.SubscriptionModelCapacities);

            var operations = new OperationEndpoints(context);
            Add("GET", Location + "/operationStatuses/{operationId}", operations.Status);
            Add("GET", Location + "/operationResults/{operationId}", operations.Result);
            return table;
        }
    }
}
