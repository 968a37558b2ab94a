using System;

namespace ModelLifecycle.Core.Azure
{
    /// <summary>What the caller's Az context says: which subscription, tenant and cloud, and where ARM is.</summary>
    public sealed class AzureContextInfo
    {
        public AzureContextInfo(string? subscriptionId, string? tenantId, string environmentName, Uri resourceManagerUrl, string? accountId = null, string? subscriptionName = null)
        {
            SubscriptionId = subscriptionId;
            TenantId = tenantId;
            EnvironmentName = environmentName;
            ResourceManagerUrl = ArmEndpoint.Validate(resourceManagerUrl);
            AccountId = accountId;
            SubscriptionName = subscriptionName;
        }

        /// <summary>The context's subscription; null when the account sees none.</summary>
        public string? SubscriptionId { get; }

        public string? SubscriptionName { get; }

        public string? TenantId { get; }

        /// <summary>AzureCloud, AzureUSGovernment, AzureChinaCloud ...</summary>
        public string EnvironmentName { get; }

        /// <summary>The ARM endpoint of the context's cloud (https, or a loopback host for tests).</summary>
        public Uri ResourceManagerUrl { get; }

        /// <summary>Who is signed in (UPN, app id or managed identity id); for messages only.</summary>
        public string? AccountId { get; }
    }
}
