using System.Collections.Generic;
using ModelLifecycle.Core.Inventory;

namespace ModelLifecycle.Core.Policy
{
    public enum InputRoute
    {
        /// <summary>Judged from what arrived: no Azure needed.</summary>
        Offline,

        /// <summary>Needs ARM: read, discovered, or judged on live data.</summary>
        Azure,
    }

    /// <summary>
    /// Decides what Test-DeploymentUpgradePolicy needs from Azure for the parameters and input it got,
    /// so the cmdlet only binds and hands over.
    /// </summary>
    public sealed class FleetAssessmentPlan
    {
        private FleetAssessmentPlan(ScanRequest? discovery, IReadOnlyList<AzureResourceId> accounts, IReadOnlyList<AzureResourceId> deployments)
        {
            Discovery = discovery;
            Accounts = accounts;
            Deployments = deployments;
        }

        public ScanRequest? Discovery { get; }

        public IReadOnlyList<AzureResourceId> Accounts { get; }

        public IReadOnlyList<AzureResourceId> Deployments { get; }

        /// <summary>
        /// Deployments that arrived with their model are judged offline, unless live data was asked
        /// for; accounts and bare ids always need ARM; errors are reported offline.
        /// </summary>
        public static InputRoute Route(InputItem item, bool live)
        {
            if (item.Error is not null)
            {
                return InputRoute.Offline;
            }

            if (item.Account is not null)
            {
                return InputRoute.Azure;
            }

            var d = item.Deployment!;
            if (string.IsNullOrWhiteSpace(d.Model))
            {
                return AzureResourceId.TryParse(d.ResourceId, out var id) && id!.DeploymentName is not null ? InputRoute.Azure : InputRoute.Offline;
            }

            return live ? InputRoute.Azure : InputRoute.Offline;
        }

        public static void Add(FleetAssessmentRequest request, InputItem item)
        {
            if (item.Account is not null)
            {
                request.Accounts.Add(item.Account);
            }
            else if (item.Deployment is Deployment d)
            {
                if (string.IsNullOrWhiteSpace(d.Model) && AzureResourceId.TryParse(d.ResourceId, out var id))
                {
                    request.DeploymentIds.Add(id!);
                }
                else
                {
                    request.Deployments.Add(d);
                }
            }
        }

        /// <summary>
        /// The Azure reads that parameters ask for: discovery of subscriptions (the context's by default,
        /// every visible one for '*'), or one account (all its deployments, or one) in each subscription.
        /// </summary>
        public static FleetAssessmentPlan For(bool discover, IReadOnlyList<string>? subscriptionIds, string? contextSubscriptionId, string? resourceGroupName, string? accountName, string? deploymentName)
        {
            var everySubscription = subscriptionIds is not null && subscriptionIds.Count == 1 && subscriptionIds[0] == "*";
            if (discover || everySubscription)
            {
                // '*' with an account name still has to find which subscriptions hold that account.
                var scan = new ScanRequest { SubscriptionIds = subscriptionIds };
                if (!discover)
                {
                    scan.ResourceGroupName = resourceGroupName;
                    scan.AccountName = accountName;
                    scan.DeploymentName = deploymentName;
                }

                return new FleetAssessmentPlan(scan, new AzureResourceId[0], new AzureResourceId[0]);
            }

            if (resourceGroupName is null || accountName is null)
            {
                return new FleetAssessmentPlan(null, new AzureResourceId[0], new AzureResourceId[0]);
            }

            var subscriptions = subscriptionIds is { Count: > 0 } ? subscriptionIds : new[] { contextSubscriptionId ?? string.Empty };
            var accounts = new List<AzureResourceId>();
            var deployments = new List<AzureResourceId>();
            foreach (var s in subscriptions)
            {
                if (deploymentName is null)
                {
                    accounts.Add(AzureResourceId.ForAccount(s, resourceGroupName, accountName));
                }
                else
                {
                    deployments.Add(AzureResourceId.ForDeployment(s, resourceGroupName, accountName, deploymentName));
                }
            }

            return new FleetAssessmentPlan(null, accounts, deployments);
        }

        /// <summary>For write commands: the named accounts and deployments become targets (discovery only with '*').</summary>
        public void ApplyTo(DeploymentTargets targets)
        {
            if (Discovery is not null)
            {
                targets.Discovery = Discovery;
            }

            foreach (var a in Accounts)
            {
                targets.AddAccount(a);
            }

            foreach (var d in Deployments)
            {
                targets.AddDeployment(d);
            }
        }

        public void ApplyTo(FleetAssessmentRequest request)
        {
            if (Discovery is not null)
            {
                request.Discovery = Discovery;
            }

            foreach (var a in Accounts)
            {
                request.Accounts.Add(a);
            }

            foreach (var d in Deployments)
            {
                request.DeploymentIds.Add(d);
            }
        }
    }
}
