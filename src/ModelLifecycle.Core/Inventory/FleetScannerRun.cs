using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>One <see cref="FleetScanner.ScanAsync"/>: its counters, its workers and its rules (see FleetScanner).</summary>
    internal sealed class FleetScannerRun
    {
        /// <summary>Subscriptions listed at once. Each lister waits for account slots, so a few keep the workers fed.</summary>
        private const int SubscriptionListers = 4;

        private readonly ArmClient arm;
        private readonly IOperationSink sink;
        private readonly ScanRequest request;
        private readonly Action<Deployment> onDeployment;
        private readonly object gate;
        private readonly Wildcard? groupFilter;
        private readonly Wildcard? accountFilter;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private CancellationTokenSource stop = new CancellationTokenSource();
        private Exception? fatal;
        private int accountsFound;
        private int accountsDone;
        private int deployments;
        private int errors;
        private int subscriptionsListed;
        private int groupsMissing;
        private volatile bool discoveryDone;
        private long lastProgressTicks;

        public FleetScannerRun(ArmClient arm, IOperationSink sink, ScanRequest request, Action<Deployment> onDeployment)
        {
            this.arm = arm;
            this.sink = sink;
            this.request = request;
            this.onDeployment = onDeployment;
            gate = arm.SinkGate;
            groupFilter = string.IsNullOrEmpty(request.ResourceGroupName) ? null : new Wildcard(request.ResourceGroupName!);
            accountFilter = string.IsNullOrEmpty(request.AccountName) ? null : new Wildcard(request.AccountName!);
        }

        private bool HasExplicit => (request.Accounts?.Count ?? 0) > 0 || (request.Deployments?.Count ?? 0) > 0;

        private bool Discover => (request.SubscriptionIds?.Count ?? 0) > 0 || !HasExplicit;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            // Stops every worker on the caller's cancellation or on a fatal error. Disposed only after every
            // worker has finished, so nothing can touch it afterwards.
            using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop = linked;
            CancellationToken token = stop.Token;
            var accounts = new FleetScannerWorkGroup(arm.ThrottleLimit, Fail);
            try
            {
                Report(force: true);
                var producers = new List<Task>();
                if (request.Accounts is { Count: > 0 } named)
                {
                    producers.Add(ScheduleAccountsAsync(named, accounts, token));
                }

                if (request.Deployments is { Count: > 0 } deploymentIds)
                {
                    producers.Add(ScheduleDeploymentsAsync(deploymentIds, accounts, token));
                }

                if (Discover)
                {
                    producers.Add(DiscoverAsync(accounts, token));
                }

                foreach (Task producer in producers)
                {
                    try
                    {
                        await producer.ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (token.IsCancellationRequested)
                    {
                        // Cancelled, or stopped by a fatal error: both are dealt with below.
                    }
                    catch (Exception ex)
                    {
                        Fail(ex);
                    }
                }

                discoveryDone = true;
            }
            finally
            {
                // Whatever happened, no work may outlive the call: wait for every started piece.
                await accounts.CompleteAsync().ConfigureAwait(false);
                accounts.Dispose();
            }

            try
            {
                if (fatal is not null)
                {
                    ExceptionDispatchInfo.Capture(fatal).Throw();
                }

                cancellationToken.ThrowIfCancellationRequested();
                ReportMissingNames();
            }
            finally
            {
                lock (gate)
                {
                    sink.WriteProgress(Progress(complete: true));
                }
            }
        }

        // ---- discovery -------------------------------------------------------------------------

        private async Task DiscoverAsync(FleetScannerWorkGroup accounts, CancellationToken token)
        {
            IReadOnlyList<string> subscriptions = await SubscriptionsAsync(token).ConfigureAwait(false);
            var listers = new FleetScannerWorkGroup(Math.Max(1, Math.Min(SubscriptionListers, arm.ThrottleLimit)), Fail);
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

        private async Task<IReadOnlyList<string>> SubscriptionsAsync(CancellationToken token)
        {
            IReadOnlyList<string>? asked = request.SubscriptionIds;
            if (asked is null || asked.Count == 0)
            {
                string? current = arm.Context.SubscriptionId;
                if (string.IsNullOrEmpty(current))
                {
                    throw new ModelLifecycleException(
                        "NoSubscription",
                        ErrorKind.InvalidOperation,
                        "The Azure context has no subscription, so there is nothing to scan.",
                        null)
                    {
                        RecommendedAction = "Choose one with Set-AzContext -Subscription <id>, or pass -SubscriptionId (\"*\" for every subscription you can see).",
                    };
                }

                return new[] { current! };
            }

            if (asked.Any(s => s?.Trim() == "*"))
            {
                // Every subscription the token can see: a failure here leaves nothing to scan, so it is thrown.
                IReadOnlyList<JObject> listed = await arm.ListSubscriptionsAsync(token).ConfigureAwait(false);
                return listed.Select(s => (string?)s["subscriptionId"]).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            }

            return asked.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        private async Task ScanSubscriptionAsync(string subscriptionId, FleetScannerWorkGroup accounts, CancellationToken token)
        {
            var found = new List<AccountRef>();
            try
            {
                if (groupFilter is { IsLiteral: true } && accountFilter is { IsLiteral: true })
                {
                    // Both names known: one GET instead of a list.
                    AzureResourceId id = AzureResourceId.ForAccount(subscriptionId, Literal(request.ResourceGroupName!), Literal(request.AccountName!));
                    try
                    {
                        JObject account = await arm.GetAccountAsync(id, token).ConfigureAwait(false);
                        found.Add(new AccountRef(id, (string?)account["location"], named: false));
                    }
                    catch (ArmException e) when (e.ErrorId == ArmErrorIds.AccountNotFound)
                    {
                        // Not in this subscription; if it is nowhere, ReportMissingNames says so once.
                    }
                }
                else
                {
                    string? group = groupFilter is { IsLiteral: true } ? Literal(request.ResourceGroupName!) : null;
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
                            && (groupFilter?.IsMatch(id.ResourceGroupName) ?? true)
                            && (accountFilter?.IsMatch(id.AccountName) ?? true))
                        {
                            found.Add(new AccountRef(id, (string?)account["location"], named: false));
                        }
                    }

                    // The account JSON is dropped here: only ids and locations wait for a worker.
                }

                Interlocked.Increment(ref subscriptionsListed);
            }
            catch (ArmException e)
            {
                Interlocked.Increment(ref subscriptionsListed);
                WriteError(e);
                return;
            }

            Interlocked.Add(ref accountsFound, found.Count);
            Report();
            foreach (AccountRef account in found)
            {
                await accounts.StartAsync(() => ScanAccountAsync(account, token), token).ConfigureAwait(false);
            }
        }

        // ---- explicit accounts and deployments --------------------------------------------------

        private async Task ScheduleAccountsAsync(IReadOnlyList<AzureResourceId> named, FleetScannerWorkGroup accounts, CancellationToken token)
        {
            foreach (AzureResourceId id in named.GroupBy(a => a.AccountId, StringComparer.OrdinalIgnoreCase).Select(g => g.First()))
            {
                Interlocked.Increment(ref accountsFound);
                AzureResourceId account = id.DeploymentName is null ? id : AzureResourceId.ForAccount(id.SubscriptionId, id.ResourceGroupName, id.AccountName);
                await accounts.StartAsync(() => ScanAccountAsync(new AccountRef(account, null, named: true), token), token).ConfigureAwait(false);
            }
        }

        private async Task ScheduleDeploymentsAsync(IReadOnlyList<AzureResourceId> named, FleetScannerWorkGroup accounts, CancellationToken token)
        {
            foreach (IGrouping<string, AzureResourceId> byAccount in named.Where(d => d.DeploymentName is not null)
                .GroupBy(d => d.AccountId, StringComparer.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref accountsFound);
                List<AzureResourceId> ids = byAccount.GroupBy(d => d.DeploymentName!, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
                await accounts.StartAsync(() => ReadDeploymentsAsync(ids, token), token).ConfigureAwait(false);
            }
        }

        /// <summary>Named deployments of one account: each read on its own (one error each), then the account once for its location.</summary>
        private async Task ReadDeploymentsAsync(List<AzureResourceId> ids, CancellationToken token)
        {
            try
            {
                var bodies = new List<JObject>();
                foreach (AzureResourceId id in ids)
                {
                    try
                    {
                        bodies.Add(await arm.GetDeploymentAsync(id, token).ConfigureAwait(false));
                    }
                    catch (ArmException e)
                    {
                        WriteError(e);
                    }
                }

                if (bodies.Count == 0)
                {
                    return;
                }

                string? location = null;
                try
                {
                    location = (string?)(await arm.GetAccountAsync(ids[0], token).ConfigureAwait(false))["location"];
                }
                catch (ArmException e)
                {
                    lock (gate)
                    {
                        sink.WriteWarning($"The location of account '{ids[0].AccountName}' could not be read, so its deployments have none: {e.Message}");
                    }
                }

                Emit(bodies, location);
            }
            finally
            {
                Interlocked.Increment(ref accountsDone);
                Report();
            }
        }

        // ---- one account ------------------------------------------------------------------------

        private async Task ScanAccountAsync(AccountRef account, CancellationToken token)
        {
            try
            {
                string? location = account.Location;
                if (account.Named)
                {
                    location = (string?)(await arm.GetAccountAsync(account.Id, token).ConfigureAwait(false))["location"];
                }

                if (request.DeploymentName is string name)
                {
                    AzureResourceId id = AzureResourceId.ForDeployment(account.Id.SubscriptionId, account.Id.ResourceGroupName, account.Id.AccountName, name);
                    JObject body;
                    try
                    {
                        body = await arm.GetDeploymentAsync(id, token).ConfigureAwait(false);
                    }
                    catch (ArmException e) when (e.ErrorId == ArmErrorIds.DeploymentNotFound)
                    {
                        return; // not in this account; ReportMissingNames speaks if it is nowhere
                    }

                    Emit(new[] { body }, location);
                }
                else
                {
                    Emit(await arm.ListDeploymentsAsync(account.Id, token).ConfigureAwait(false), location);
                }
            }
            catch (ArmException e)
            {
                WriteError(e);
            }
            finally
            {
                Interlocked.Increment(ref accountsDone);
                Report();
            }
        }

        private void Emit(IReadOnlyList<JObject> bodies, string? location)
        {
            var batch = new List<Deployment>(bodies.Count);
            foreach (JObject body in bodies)
            {
                foreach (InputItem item in DeploymentReader.Read(body))
                {
                    if (item.Deployment is Deployment deployment)
                    {
                        deployment.Location = location ?? deployment.Location;
                        deployment.RawBody = body;
                        batch.Add(deployment);
                    }
                }
            }

            if (batch.Count == 0)
            {
                return;
            }

            lock (gate)
            {
                foreach (Deployment deployment in batch)
                {
                    onDeployment(deployment);
                    deployments++;
                }
            }
        }

        // ---- errors, progress -------------------------------------------------------------------

        private void WriteError(ArmException error)
        {
            Interlocked.Increment(ref errors);
            lock (gate)
            {
                sink.WriteError(error);
            }
        }

        /// <summary>A fault that is not about one item (the callback or sink threw, no token): stop everything.</summary>
        private void Fail(Exception ex)
        {
            if (ex is OperationCanceledException && stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.CompareExchange(ref fatal, ex, null);
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        /// <summary>
        /// Literal names that matched nothing anywhere give one not-found error, as Get-Az* cmdlets do; only
        /// when no other error was written, since a subscription that could not be read might hold the name.
        /// </summary>
        private void ReportMissingNames()
        {
            if (errors > 0)
            {
                return;
            }

            if (Discover)
            {
                string where = request.SubscriptionIds is { Count: 1 } one && one[0] != "*"
                    ? $"subscription '{one[0]}'"
                    : (request.SubscriptionIds?.Count ?? 0) == 0 ? $"subscription '{arm.Context.SubscriptionId}'" : "the subscriptions scanned";
                if (groupFilter is { IsLiteral: true } && accountFilter is not { IsLiteral: true } && subscriptionsListed > 0 && groupsMissing == subscriptionsListed)
                {
                    WriteNotFound(ArmErrorIds.ResourceGroupNotFound, $"Resource group '{Literal(request.ResourceGroupName!)}' was not found in {where}.", request.ResourceGroupName!);
                    return;
                }

                if (accountFilter is { IsLiteral: true } && accountsFound == 0)
                {
                    string inGroup = request.ResourceGroupName is null ? string.Empty : $" in resource group '{Literal(request.ResourceGroupName)}'";
                    WriteNotFound(ArmErrorIds.AccountNotFound, $"No Cognitive Services account named '{Literal(request.AccountName!)}'{inGroup} was found in {where}.", request.AccountName!);
                    return;
                }
            }

            if (request.DeploymentName is string name && deployments == 0 && accountsFound > 0)
            {
                WriteNotFound(ArmErrorIds.DeploymentNotFound, $"No deployment named '{name}' was found in the {accountsFound} account(s) read.", name);
            }
        }

        private void WriteNotFound(string errorId, string message, string target)
        {
            lock (gate)
            {
                sink.WriteError(new ArmException(errorId, ErrorKind.ObjectNotFound, message, target, httpStatus: 404));
            }
        }

        private void Report(bool force = false)
        {
            long now = clock.Elapsed.Ticks;
            long last = Interlocked.Read(ref lastProgressTicks);
            if (!force && now - last < FleetScanner.ProgressInterval.Ticks)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref lastProgressTicks, now, last) != last)
            {
                return; // another thread is reporting this moment
            }

            lock (gate)
            {
                sink.WriteProgress(Progress(complete: false));
            }
        }

        private ProgressReport Progress(bool complete)
        {
            int found = Volatile.Read(ref accountsFound);
            int done = Volatile.Read(ref accountsDone);
            bool known = discoveryDone || complete;
            string status = $"{done} of {found}{(known ? string.Empty : "+")} accounts, {Volatile.Read(ref deployments)} deployments";
            return new ProgressReport(request.ProgressActivityId, FleetScanner.ProgressActivity, status, done, known ? found : (int?)null)
            {
                IsComplete = complete,
            };
        }

        private static string Literal(string pattern) => pattern.Replace("`", string.Empty);

        private sealed class AccountRef
        {
            public AccountRef(AzureResourceId id, string? location, bool named)
            {
                Id = id;
                Location = location;
                Named = named;
            }

            public AzureResourceId Id { get; }

            public string? Location { get; }

            /// <summary>Named by the caller: its location is not known yet, and a failure to read it is an error.</summary>
            public bool Named { get; }
        }
    }
}
