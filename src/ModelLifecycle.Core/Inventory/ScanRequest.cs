using System.Collections.Generic;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// What <see cref="FleetScanner"/> reads: whole subscriptions (discovery), named accounts, named
    /// deployments, or a mix.
    /// </summary>
    /// <remarks>
    /// Discovery (subscriptions -> accounts -> deployments) runs when <see cref="SubscriptionIds"/> names any, or
    /// when neither <see cref="Accounts"/> nor <see cref="Deployments"/> names anything. So a cmdlet that
    /// got accounts or deployments from the pipeline passes only those and nothing else is read; one that
    /// got nothing passes an empty request and the context's subscription is scanned.
    /// </remarks>
    public sealed class ScanRequest
    {
        /// <summary>
        /// The subscriptions to discover. Null or empty: the Az context's subscription. "*": every
        /// subscription the token can see (GET /subscriptions first).
        /// </summary>
        public IReadOnlyList<string>? SubscriptionIds { get; init; }

        /// <summary>Only accounts in resource groups of this name (PowerShell wildcards allowed). Discovery only.</summary>
        public string? ResourceGroupName { get; init; }

        /// <summary>Only accounts of this name (PowerShell wildcards allowed). Discovery only.</summary>
        public string? AccountName { get; init; }

        /// <summary>
        /// Only the deployment of this exact name (no wildcards: it is read with one GET per account instead
        /// of a list). Applies to discovered and to explicit accounts.
        /// </summary>
        public string? DeploymentName { get; init; }

        /// <summary>Accounts to read without discovery (each is read, then its deployments listed).</summary>
        public IReadOnlyList<AzureResourceId>? Accounts { get; init; }

        /// <summary>Deployments to read without discovery (one GET each, plus one per account for its location).</summary>
        public IReadOnlyList<AzureResourceId>? Deployments { get; init; }

        /// <summary>The ActivityId of the progress reports (the host may nest it under its own).</summary>
        public int ProgressActivityId { get; init; } = ProgressBars.Discovery;
    }
}
