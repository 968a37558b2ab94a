using System;

namespace ModelLifecycle.Core
{
    /// <summary>
    /// The parts of a Cognitive Services account or deployment id:
    /// /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts/{a}[/deployments/{d}].
    /// Az deployment objects carry no resource group or account property; they come from here.
    /// </summary>
    public sealed class AzureResourceId
    {
        private AzureResourceId(string subscriptionId, string resourceGroupName, string accountName, string? deploymentName)
        {
            SubscriptionId = subscriptionId;
            ResourceGroupName = resourceGroupName;
            AccountName = accountName;
            DeploymentName = deploymentName;
        }

        public string SubscriptionId { get; }

        public string ResourceGroupName { get; }

        public string AccountName { get; }

        public string? DeploymentName { get; }

        public string AccountId => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroupName}/providers/Microsoft.CognitiveServices/accounts/{AccountName}";

        public string? DeploymentId => DeploymentName is null ? null : AccountId + "/deployments/" + DeploymentName;

        public static AzureResourceId ForDeployment(string subscriptionId, string resourceGroupName, string accountName, string deploymentName) =>
            new AzureResourceId(subscriptionId, resourceGroupName, accountName, deploymentName);

        public static AzureResourceId ForAccount(string subscriptionId, string resourceGroupName, string accountName) =>
            new AzureResourceId(subscriptionId, resourceGroupName, accountName, null);

        public static bool TryParse(string? id, out AzureResourceId? result)
        {
            result = null;
            if (string.IsNullOrWhiteSpace(id))
            {
                return false;
            }

            var parts = id!.Trim().Trim('/').Split('/');
            if (parts.Length != 8 && parts.Length != 10)
            {
                return false;
            }

            if (!Is(parts[0], "subscriptions") || !Is(parts[2], "resourceGroups") || !Is(parts[4], "providers")
                || !Is(parts[5], "Microsoft.CognitiveServices") || !Is(parts[6], "accounts")
                || (parts.Length == 10 && !Is(parts[8], "deployments")))
            {
                return false;
            }

            foreach (var p in parts)
            {
                if (p.Length == 0)
                {
                    return false;
                }
            }

            result = new AzureResourceId(parts[1], parts[3], parts[7], parts.Length == 10 ? parts[9] : null);
            return true;
        }

        public static AzureResourceId Parse(string id) =>
            TryParse(id, out var r) ? r! : throw new ModelLifecycleException(
                "InvalidResourceId",
                ErrorKind.InvalidArgument,
                $"'{id}' is not a Cognitive Services account or deployment id. Expected /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.CognitiveServices/accounts/<account>[/deployments/<deployment>].",
                id);

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => DeploymentId ?? AccountId;
    }
}
