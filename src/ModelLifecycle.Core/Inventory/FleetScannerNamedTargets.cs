using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// The accounts and deployments the caller named (no discovery): each account once, and the named
    /// deployments grouped by account, each group started as one piece of reader work.
    /// </summary>
    internal sealed class FleetScannerNamedTargets
    {
        private readonly FleetScannerAccountReader reader;
        private readonly FleetScannerOutput output;

        public FleetScannerNamedTargets(FleetScannerAccountReader reader, FleetScannerOutput output)
        {
            this.reader = reader;
            this.output = output;
        }

        public async Task ScheduleAccountsAsync(IReadOnlyList<AzureResourceId> named, FleetScannerWorkGroup accounts, CancellationToken token)
        {
            foreach (AzureResourceId id in named.GroupBy(a => a.AccountId, StringComparer.OrdinalIgnoreCase).Select(g => g.First()))
            {
                output.AccountsFoundAdd(1);
                AzureResourceId account = id.DeploymentName is null ? id : AzureResourceId.ForAccount(id.SubscriptionId, id.ResourceGroupName, id.AccountName);
                await accounts.StartAsync(() => reader.ReadAccountAsync(new FleetScannerAccount(account, null, named: true), token), token).ConfigureAwait(false);
            }
        }

        public async Task ScheduleDeploymentsAsync(IReadOnlyList<AzureResourceId> named, FleetScannerWorkGroup accounts, CancellationToken token)
        {
            foreach (IGrouping<string, AzureResourceId> byAccount in named.Where(d => d.DeploymentName is not null)
                .GroupBy(d => d.AccountId, StringComparer.OrdinalIgnoreCase))
            {
                output.AccountsFoundAdd(1);
                List<AzureResourceId> ids = byAccount.GroupBy(d => d.DeploymentName!, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
                await accounts.StartAsync(() => reader.ReadDeploymentsAsync(ids, token), token).ConfigureAwait(false);
            }
        }
    }
}
