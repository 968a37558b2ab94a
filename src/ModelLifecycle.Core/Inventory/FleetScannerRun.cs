using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// One <see cref="FleetScanner.ScanAsync"/> from start to end: starts the producers (named accounts,
    /// named deployments, discovery), bounds the account readers, stops everything on a fatal fault or
    /// cancellation, waits for every started piece, then reports names that matched nothing and the last
    /// progress. The pieces: <see cref="FleetScannerDiscovery"/>, <see cref="FleetScannerNamedTargets"/>,
    /// <see cref="FleetScannerAccountReader"/>, <see cref="FleetScannerOutput"/>, <see cref="FleetScannerMissingNames"/>.
    /// </summary>
    internal sealed class FleetScannerRun
    {
        private readonly ArmClient arm;
        private readonly ScanRequest request;
        private readonly FleetScannerFilters filters;
        private readonly FleetScannerOutput output;
        private readonly FleetScannerNamedTargets named;
        private readonly FleetScannerDiscovery? discovery;
        private CancellationTokenSource stop = new CancellationTokenSource();
        private Exception? fatal;

        public FleetScannerRun(ArmClient arm, IOperationSink sink, ScanRequest request, Action<Deployment> onDeployment)
        {
            this.arm = arm;
            this.request = request;
            filters = new FleetScannerFilters(request);
            output = new FleetScannerOutput(sink, request.ProgressActivityId, onDeployment);
            var reader = new FleetScannerAccountReader(arm, request, output);
            named = new FleetScannerNamedTargets(reader, output);
            discovery = Discover ? new FleetScannerDiscovery(arm, request, filters, reader, output, Fail) : null;
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
                output.Report(force: true);
                var producers = new List<Task>();
                if (request.Accounts is { Count: > 0 } namedAccounts)
                {
                    producers.Add(named.ScheduleAccountsAsync(namedAccounts, accounts, token));
                }

                if (request.Deployments is { Count: > 0 } namedDeployments)
                {
                    producers.Add(named.ScheduleDeploymentsAsync(namedDeployments, accounts, token));
                }

                if (discovery is not null)
                {
                    producers.Add(discovery.RunAsync(accounts, token));
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

                output.DiscoveryDone();
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
                FleetScannerMissingNames.Report(request, filters, discovery, output, arm.Context.SubscriptionId);
            }
            finally
            {
                output.ReportComplete();
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
    }
}
