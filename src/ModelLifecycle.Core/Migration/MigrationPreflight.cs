using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>
    /// Reads what a plan needs from Azure and makes the plan: the source's account (for its location),
    /// the account's deployments as they are now, and the location's Models and Usages lists, each read
    /// once per account or location however many sources share it. A list that cannot be read is a
    /// warning and leaves the checks that need it Skipped; the plan is still made.
    /// </summary>
    public sealed class MigrationPreflight
    {
        private readonly ArmClient? _arm;
        private readonly LifecycleCatalog _catalog;
        private readonly IOperationSink _sink;
        private readonly ConcurrentDictionary<string, Task<JObject>> _accounts = new ConcurrentDictionary<string, Task<JObject>>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Task<IReadOnlyList<Deployment>?>> _deployments = new ConcurrentDictionary<string, Task<IReadOnlyList<Deployment>?>>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Task<IReadOnlyList<JObject>?>> _models = new ConcurrentDictionary<string, Task<IReadOnlyList<JObject>?>>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Task<IReadOnlyList<JObject>?>> _usages = new ConcurrentDictionary<string, Task<IReadOnlyList<JObject>?>>(StringComparer.OrdinalIgnoreCase);

        /// <param name="arm">Null for -Offline: the plan is made from the catalog alone.</param>
        public MigrationPreflight(ArmClient? arm, LifecycleCatalog catalog, IOperationSink sink)
        {
            _arm = arm;
            _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        }

        /// <summary>Rows of parameter changes; the embedded file unless a test says otherwise.</summary>
        public ParameterChangeCatalog ParameterChanges { get; set; } = ParameterChangeCatalog.Embedded;

        public async Task<MigrationPlan> PlanAsync(MigrationRequest request, CancellationToken cancellationToken)
        {
            var context = new MigrationContext(_catalog) { ParameterChanges = ParameterChanges };
            if (request.Offline || _arm is null)
            {
                return MigrationPlanner.Plan(request, context);
            }

            var source = request.Source;
            if (source.SubscriptionId is null || source.ResourceGroupName is null || source.AccountName is null)
            {
                throw new ModelLifecycleException(
                    "MigrationSourceUnplaced",
                    ErrorKind.InvalidArgument,
                    $"Deployment '{source.Name}' came without its subscription, resource group and account, so it cannot be planned against Azure.",
                    source.Name)
                {
                    RecommendedAction = "Pipe deployments from Get-AzCognitiveServicesAccountDeployment or Test-DeploymentUpgradePolicy, pass -ResourceId, or plan with -PlanOnly -Offline.",
                };
            }

            var account = AzureResourceId.ForAccount(source.SubscriptionId, source.ResourceGroupName, source.AccountName);
            var accountBody = await _accounts.GetOrAdd(account.AccountId, _ => _arm.GetAccountAsync(account, cancellationToken)).ConfigureAwait(false);
            var location = source.Location ?? (string?)accountBody["location"];

            var deployments = await _deployments.GetOrAdd(account.AccountId, _ => ReadDeploymentsAsync(account, location, cancellationToken)).ConfigureAwait(false);
            var live = deployments?.FirstOrDefault(d => string.Equals(d.Name, source.Name, StringComparison.OrdinalIgnoreCase));

            // The deployment as ARM has it now is what moves, not a copy that may be old (an inventory file).
            var planned = live ?? source;
            planned.Location ??= location;
            var fresh = ReferenceEquals(planned, source) ? request : WithSource(request, planned);

            if (location is not null)
            {
                var key = source.SubscriptionId + "/" + NormalizeLocation(location);
                context.Models = await _models.GetOrAdd(key, _ => TryListAsync(() => _arm.ListModelsAsync(source.SubscriptionId, location, cancellationToken), $"the models offered in {location}")).ConfigureAwait(false);
                context.Usages = await _usages.GetOrAdd(key, _ => TryListAsync(() => _arm.ListUsagesAsync(source.SubscriptionId, location, cancellationToken), $"the quota usages of {location}")).ConfigureAwait(false);
            }

            context.AccountDeployments = deployments;
            return MigrationPlanner.Plan(fresh, context);
        }

        private async Task<IReadOnlyList<Deployment>?> ReadDeploymentsAsync(AzureResourceId account, string? location, CancellationToken cancellationToken)
        {
            var list = await _arm!.ListDeploymentsAsync(account, cancellationToken).ConfigureAwait(false);
            return list.Select(json =>
            {
                var name = (string?)json["name"] ?? string.Empty;
                var d = DeploymentChanges.ToDeployment(json, AzureResourceId.ForDeployment(account.SubscriptionId, account.ResourceGroupName, account.AccountName, name));
                d.Location ??= location;
                return d;
            }).ToList();
        }

        private async Task<IReadOnlyList<JObject>?> TryListAsync(Func<Task<IReadOnlyList<JObject>>> read, string what)
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (ArmException ex)
            {
                _sink.WriteWarning($"Could not read {what} ({ex.ErrorId}: {ex.Message}); the checks that need them are Skipped.");
                return null;
            }
        }

        private static MigrationRequest WithSource(MigrationRequest r, Deployment source) => new MigrationRequest(source, r.AsOf)
        {
            WarningDays = r.WarningDays,
            Cloud = r.Cloud,
            TargetModel = r.TargetModel,
            TargetVersion = r.TargetVersion,
            Mode = r.Mode,
            NewDeploymentName = r.NewDeploymentName,
            SkuName = r.SkuName,
            Capacity = r.Capacity,
            UpgradeOption = r.UpgradeOption,
            Offline = r.Offline,
        };

        private static string NormalizeLocation(string location) => location.Replace(" ", string.Empty).ToLowerInvariant();
    }
}
