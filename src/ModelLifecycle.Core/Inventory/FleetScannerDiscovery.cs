using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// Discovery: finds the accounts of the subscriptions a scan covers (the context's, the ones named, or
    /// every one the token can see), keeps those that pass the name filters, and starts a reader for each.
    /// A subscription that cannot be listed is one error; the others go on.
    /// </summary>
    internal sealed class FleetScannerDiscovery
    {
        /// <summary>Subscriptions listed at once. Each lister waits for account slots, so a few keep the workers fed.</summary>
        private const int SubscriptionListers = 4;

        private readonly ArmClient arm;
        private readonly ScanRequest request;
        private readonly FleetScannerFilters filters;
        private readonly FleetScannerAccountReader reader;
        private readonly FleetScannerOutput output;
        private readonly Action<Exception> fail;
        private int subscriptionsListed;
        private int groupsMissing;

        public FleetScannerDiscovery(ArmClient arm, ScanRequest request, FleetScannerFilters filters, FleetScannerAccountReader reader, FleetScannerOutput output, Action<Exception> fail)
        {
            this.arm = arm;
            this.request = request;
            this.filters = filters;
            this.reader = reader;
            this.output = output;
            this.fail = fail;
        }

        /// <summary>Subscriptions whose accounts were listed, or that failed to list.</summary>
        public int SubscriptionsListed => Volatile.Read(ref subscriptionsListed);

        /// <summary>Subscriptions in which the literal resource group of the request does not exist.</summary>
        public int GroupsMissing => Volatile.Read(ref groupsMissing);

        public async Task RunAsync(FleetScannerWorkGroup accounts, CancellationToken token)
        {
            IReadOnlyList<string> subscriptions = await SubscriptionsAsync(token).ConfigureAwait(false);
            var listers = new FleetScannerWorkGroup(Math.Max(1, Math.Min(SubscriptionListers, arm.ThrottleLimit)), fail);
            try
            {
                foreach (string subscriptionId in subscriptions)
                {
                    await listers.StartAsync(() => ScanSubscriptionAsync(subscriptionId, accounts, token), token).ConfigureAwait(false);
                }
            }
            finally
            {
                await listers.CompleteAsync().ConfigureAwait(false);
                listers.Dispose();
            }
        }

        private Task<IReadOnlyList<string>> SubscriptionsAsync(CancellationToken token) =>
            SubscriptionIds.ResolveAsync(arm, request.SubscriptionIds, token);

        private async Task ScanSubscriptionAsync(string subscriptionId, FleetScannerWorkGroup accounts, CancellationToken token)
        {
            var found = new List<FleetScannerAccount>();
            try
            {
                if (filters.GroupIsLiteral && filters.AccountIsLiteral)
                {
                    // Both names known: one GET instead of a list.
                    AzureResourceId id = AzureResourceId.ForAccount(subscriptionId, FleetScannerFilters.Literal(request.ResourceGroupName!), FleetScannerFilters.Literal(request.AccountName!));
                    try
                    {
                        JObject account = await arm.GetAccountAsync(id, token).ConfigureAwait(false);
                        found.Add(new FleetScannerAccount(id, (string?)account["location"], named: false));
                    }
                    catch (ArmException e) when (e.ErrorId == ArmErrorIds.AccountNotFound)
                    {
                        // Not in this subscription; if it is nowhere, FleetScannerMissingNames says so once.
                    }
                }
                else
                {
                    string? group = filters.GroupIsLiteral ? FleetScannerFilters.Literal(request.ResourceGroupName!) : null;
                    IReadOnlyList<JObject> listed;
                    try
                    {
                        listed = await arm.ListAccountsAsync(subscriptionId, group, token).ConfigureAwait(false);
                    }
                    catch (ArmException e) when (group is not null && e.ErrorId == ArmErrorIds.ResourceGroupNotFound)
                    {
                        Interlocked.Increment(ref groupsMissing);
                        listed = Array.Empty<JObject>();
                    }

                    foreach (JObject account in listed)
                    {
                        if (AzureResourceId.TryParse((string?)account["id"], out AzureResourceId? id)
                            && id!.DeploymentName is null
                            && filters.Matches(id))
                        {
                            found.Add(new FleetScannerAccount(id, (string?)account["location"], named: false));
                        }
                    }

                    // The account JSON is dropped here: only ids and locations wait for a worker.
                }

                Interlocked.Increment(ref subscriptionsListed);
            }
            catch (ArmException e)
            {
                Interlocked.Increment(ref subscriptionsListed);
                output.WriteError(e);
                return;
            }

            output.AccountsFoundAdd(found.Count);
            output.Report();
            foreach (FleetScannerAccount account in found)
            {
                await accounts.StartAsync(() => reader.ReadAccountAsync(account, token), token).ConfigureAwait(false);
            }
        }
    }
}
