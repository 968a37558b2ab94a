using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// The catalog per location with the live Models API laid over the base catalog, fetched once per
    /// location per run however many deployments ask. A location whose models cannot be read falls
    /// back to the base catalog, with one error saying so and, when the base catalog's data is stale,
    /// one warning naming the location.
    /// </summary>
    public sealed class LiveCatalogCache
    {
        private readonly ArmClient _arm;
        private readonly LifecycleCatalog _baseCatalog;
        private readonly CatalogCloud _cloud;
        private readonly DateTime _readOn;
        private readonly SerializedSink _sink;
        private readonly ConcurrentDictionary<string, Lazy<Task<LifecycleCatalog>>> _byLocation =
            new ConcurrentDictionary<string, Lazy<Task<LifecycleCatalog>>>(StringComparer.OrdinalIgnoreCase);

        public LiveCatalogCache(ArmClient arm, LifecycleCatalog baseCatalog, CatalogCloud cloud, DateTime readOn, IOperationSink sink)
        {
            _arm = arm;
            _baseCatalog = baseCatalog;
            _cloud = cloud;
            _readOn = readOn;
            _sink = SerializedSink.For(sink);
        }

        /// <summary>How many locations were actually fetched (for tests and diagnostics).</summary>
        public int LocationsFetched => _byLocation.Count;

        public Task<LifecycleCatalog> ForLocationAsync(string subscriptionId, string? location, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(location))
            {
                return Task.FromResult(_baseCatalog);
            }

            var key = NormalizeLocation(location!);
            // The fetch starts on the thread pool, so the Lazy's lock is never held while the fetch reports to
            // the sink (a caller may ask for a location while it holds the sink's lock, in a scanner callback).
            return _byLocation.GetOrAdd(key, _ => new Lazy<Task<LifecycleCatalog>>(() => Task.Run(() => FetchAsync(subscriptionId, key, cancellationToken)))).Value;
        }

        /// <summary>
        /// The base catalog with each location's live models laid over it in turn (Get-ModelRetirement
        /// -Location), for each subscription named (<see cref="SubscriptionIds.ResolveAsync"/>). A
        /// location that cannot be read is reported and skipped, with a warning naming it when the data
        /// its answers then fall back on is stale.
        /// </summary>
        public static async Task<LifecycleCatalog> MergeLocationsAsync(ArmClient arm, IReadOnlyList<string>? subscriptionIds, IEnumerable<string> locations, LifecycleCatalog baseCatalog, CatalogCloud cloud, DateTime readOn, IOperationSink sink, CancellationToken cancellationToken)
        {
            var subscriptions = await SubscriptionIds.ResolveAsync(arm, subscriptionIds, cancellationToken).ConfigureAwait(false);
            var serialized = SerializedSink.For(sink);
            var catalog = baseCatalog;
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var location in locations)
            {
                var key = NormalizeLocation(location);
                if (!done.Add(key))
                {
                    continue;
                }

                var read = false;
                foreach (var subscriptionId in subscriptions)
                {
                    try
                    {
                        var items = await arm.ListModelsAsync(subscriptionId, key, cancellationToken).ConfigureAwait(false);
                        serialized.WriteVerbose($"Read {items.Count} models for {key} in subscription {subscriptionId} from the Models API.");
                        catalog = catalog.WithOverlay(LiveCatalog.FromModels(items, key, cloud, readOn));
                        read = true;
                    }
                    catch (ModelLifecycleException ex)
                    {
                        serialized.WriteError(new ModelLifecycleException(
                            "LiveModelsUnavailable", ErrorKind.ResourceUnavailable, $"The Models API for {key} could not be read: {ex.Message}", key, ex));
                    }
                }

                if (!read && DataAgeCheck.FallbackWarning(key, baseCatalog, readOn) is string stale)
                {
                    serialized.WriteWarning(stale);
                }
            }

            return catalog;
        }

        /// <summary>"East US" and "eastus" are the same location.</summary>
        public static string NormalizeLocation(string location) => location.Replace(" ", string.Empty).ToLowerInvariant();

        private async Task<LifecycleCatalog> FetchAsync(string subscriptionId, string location, CancellationToken cancellationToken)
        {
            try
            {
                var items = await _arm.ListModelsAsync(subscriptionId, location, cancellationToken).ConfigureAwait(false);
                _sink.WriteVerbose($"Read {items.Count} models for {location} from the Models API.");
                return _baseCatalog.WithOverlay(LiveCatalog.FromModels(items, location, _cloud, _readOn));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                _sink.WriteError(new ModelLifecycleException(
                    "LiveModelsUnavailable",
                    ErrorKind.ResourceUnavailable,
                    $"The Models API for {location} could not be read, so deployments there are judged on the embedded catalog: {ex.Message}",
                    location,
                    ex));
                if (DataAgeCheck.FallbackWarning(location, _baseCatalog, _readOn) is string stale)
                {
                    _sink.WriteWarning(stale);
                }

                return _baseCatalog;
            }
        }
    }
}
