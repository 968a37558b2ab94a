using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;

namespace ModelLifecycle.Core.Policy
{
    /// <summary>
    /// Assesses deployments that need Azure: reads what was only named, discovers when nothing was
    /// given, and (with Live) judges each deployment on its location's live catalog. Results stream
    /// to the callback as they are ready.
    /// </summary>
    public sealed class FleetAssessor
    {
        private readonly ArmClient _arm;
        private readonly LifecycleCatalog _catalog;
        private readonly EvaluationOptions _options;
        private readonly SerializedSink _sink;
        private readonly DataAgeCheck _ages;
        private readonly ConcurrentDictionary<string, Task<string?>> _accountLocations = new ConcurrentDictionary<string, Task<string?>>(StringComparer.OrdinalIgnoreCase);

        /// <param name="ages">Decides the staleness warnings; share one with the run's other assessors so each date warns once.</param>
        public FleetAssessor(ArmClient arm, LifecycleCatalog catalog, EvaluationOptions options, IOperationSink sink, DataAgeCheck? ages = null)
        {
            _arm = arm;
            _catalog = catalog;
            _options = options;
            _sink = SerializedSink.For(sink);
            _ages = ages ?? new DataAgeCheck(options.AsOf);
        }

        public LiveCatalogCache? LiveCatalogs { get; private set; }

        /// <summary>
        /// Judges the selection on <paramref name="data"/>: the loaded catalog, or each deployment's
        /// location's live catalog. Names without a subscription are looked for in <paramref name="contextSubscriptionId"/>.
        /// </summary>
        public async Task AssessAsync(DeploymentSelection selection, ModelData data, string contextSubscriptionId, Action<UpgradePolicyAssessment> onAssessment, CancellationToken cancellationToken)
        {
            var live = data == ModelData.Live;
            LiveCatalogs = live ? new LiveCatalogCache(_arm, _catalog, _options.Cloud, _options.AsOf, _sink) : null;

            foreach (var d in selection.WithDetails)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (live && d.Location is null && AzureResourceId.TryParse(d.ResourceId, out var id))
                {
                    d.Location = await AccountLocationAsync(id!, cancellationToken).ConfigureAwait(false);
                }

                var assessment = await EvaluateAsync(d, contextSubscriptionId, cancellationToken).ConfigureAwait(false);
                if (assessment is not null)
                {
                    _sink.Deliver(onAssessment, assessment);
                }
            }

            if (selection.ToScanRequest(contextSubscriptionId) is not ScanRequest scan)
            {
                return;
            }

            // The scanner hands deployments over one at a time; evaluation with a live catalog may wait
            // for that location's models once, which the scanner's other requests do not wait for.
            var pending = new List<Task>();
            var gate = new object();
            await new FleetScanner(_arm, _sink).ScanAsync(
                scan,
                d =>
                {
                    var t = EvaluateAsync(d, d.SubscriptionId ?? contextSubscriptionId, cancellationToken).ContinueWith(
                        r =>
                        {
                            if (r.Status == TaskStatus.RanToCompletion && r.Result is not null)
                            {
                                _sink.Deliver(onAssessment, r.Result);
                            }
                        },
                        cancellationToken,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                    lock (gate)
                    {
                        pending.Add(t);
                    }
                },
                cancellationToken).ConfigureAwait(false);

            Task[] all;
            lock (gate)
            {
                all = pending.ToArray();
            }

            await Task.WhenAll(all).ConfigureAwait(false);
        }

        /// <summary>
        /// One deployment's verdict, or null after writing one error for it: whatever goes wrong with one
        /// deployment (unexpected data, a failed read) is reported and never drops it silently.
        /// </summary>
        private async Task<UpgradePolicyAssessment?> EvaluateAsync(Deployment d, string subscriptionId, CancellationToken cancellationToken)
        {
            try
            {
                var catalog = LiveCatalogs is null
                    ? _catalog
                    : await LiveCatalogs.ForLocationAsync(d.SubscriptionId ?? subscriptionId, d.Location, cancellationToken).ConfigureAwait(false);
                var assessment = UpgradePolicyEvaluator.Evaluate(d, catalog, _options);
                assessment.ReadFrom = ReferenceEquals(catalog, _catalog) ? UpgradePolicyAssessment.ReadFromAzure : UpgradePolicyAssessment.ReadFromLive;
                if (!string.IsNullOrWhiteSpace(d.Model) && _ages.Check(catalog.FindForDeployment(_options.Cloud, d.Model!, d.Version), d.Model, d.Version) is string stale)
                {
                    _sink.WriteWarning(stale);
                }

                return assessment;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                _sink.WriteError(AssessmentFailed(d, ex));
                return null;
            }
        }

        internal static ModelLifecycleException AssessmentFailed(Deployment d, Exception ex) =>
            new ModelLifecycleException(
                "AssessmentFailed",
                ex is ModelLifecycleException known ? known.Kind : ErrorKind.InvalidData,
                $"Deployment '{d}' could not be assessed: {ex.Message}",
                d.ResourceId ?? d.Name,
                ex)
            {
                RecommendedAction = "Run without -Live to judge it on the embedded catalog alone, and report the message if it persists.",
            };

        private Task<string?> AccountLocationAsync(AzureResourceId id, CancellationToken cancellationToken) =>
            _accountLocations.GetOrAdd(id.AccountId, async _ =>
            {
                try
                {
                    var account = await _arm.GetAccountAsync(AzureResourceId.ForAccount(id.SubscriptionId, id.ResourceGroupName, id.AccountName), cancellationToken).ConfigureAwait(false);
                    return (string?)account["location"];
                }
                catch (ModelLifecycleException ex)
                {
                    _sink.WriteError(ex);
                    return null;
                }
            });
    }
}
