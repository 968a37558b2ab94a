using System.Collections.Generic;
using System.Linq;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// Deployments named by parameters (-ResourceGroupName, -AccountName, -Name, -SubscriptionId): one
    /// account, all its deployments or one of them, in each named subscription; in the Az context's
    /// subscription when none is named. '*' as the only subscription means every subscription the
    /// sign-in can see, which has to be discovered.
    /// </summary>
    public sealed class NamedDeployments
    {
        public NamedDeployments(string resourceGroupName, string accountName, string? deploymentName = null, IReadOnlyList<string>? subscriptionIds = null)
        {
            ResourceGroupName = resourceGroupName;
            AccountName = accountName;
            DeploymentName = deploymentName;
            SubscriptionIds = subscriptionIds ?? new string[0];
        }

        public string ResourceGroupName { get; }

        public string AccountName { get; }

        /// <summary>One deployment of the account; null: all of them.</summary>
        public string? DeploymentName { get; }

        /// <summary>The subscriptions to look in; empty: the Az context's.</summary>
        public IReadOnlyList<string> SubscriptionIds { get; }

        /// <summary>'*': the account is looked for in every subscription the sign-in can see.</summary>
        public bool InEverySubscription => SubscriptionIds.Count == 1 && SubscriptionIds[0] == "*";

        /// <summary>
        /// The account ids (no deployment named) or deployment ids (one named), one per subscription;
        /// <paramref name="contextSubscriptionId"/> stands in when no subscription was named.
        /// </summary>
        public IReadOnlyList<AzureResourceId> Ids(string? contextSubscriptionId)
        {
            var subscriptions = SubscriptionIds.Count > 0 ? SubscriptionIds : new[] { RequireContext(contextSubscriptionId) };
            return subscriptions
                .Select(s => DeploymentName is null
                    ? AzureResourceId.ForAccount(s, ResourceGroupName, AccountName)
                    : AzureResourceId.ForDeployment(s, ResourceGroupName, AccountName, DeploymentName))
                .ToList();
        }

        private string RequireContext(string? contextSubscriptionId) =>
            string.IsNullOrEmpty(contextSubscriptionId)
                ? throw new ModelLifecycleException(
                    "SubscriptionUnknown",
                    ErrorKind.InvalidArgument,
                    $"Account '{AccountName}' was named without a subscription, and the Az context names none.",
                    AccountName)
                {
                    RecommendedAction = "Pass -SubscriptionId, or select a subscription with Set-AzContext.",
                }
                : contextSubscriptionId!;
    }
}
