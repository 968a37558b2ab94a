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
        private readonly SerializedSink _sink;
        private readonly ConcurrentDictionary<string, Task<JObject>> _accounts = new ConcurrentDictionary<string, Task<JObject>>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Task<IReadOnlyList<Deployment>?>> _deployments = new ConcurrentDictionary<string, Task<IReadOnlyList<Deployment>?>>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Task<IReadOnlyList<JObject>?>> _models = new ConcurrentDictionary<string, Task<IReadOnlyList<JObject>?>>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Task<IReadOnlyList<JObject>?>> _usages = new ConcurrentDictionary<string, Task<IReadOnlyList<JObject>?>>(StringComparer.OrdinalIgnoreCase);

        // Staleness is decided from the entries each plan used, one warning per data date, per day planned for.
        private readonly ConcurrentDictionary<DateTime, DataAgeCheck> _ages = new ConcurrentDictionary<DateTime, DataAgeCheck>();

        /// <param name="arm">Null for -Offline: the plan is made from the catalog alone.</param>
        public MigrationPreflight(ArmClient? arm, LifecycleCatalog catalog, IOperationSink sink)
        {
            _arm = arm;
            _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            _sink = SerializedSink.For(sink ?? throw new ArgumentNullException(nameof(sink)));
        }

        /// <summary>Rows of parameter changes; the embedded file unless a test says otherwise.</summary>
        public ParameterChangeCatalog ParameterChanges { get; set; } = ParameterChangeCatalog.Embedded;

        /// <summary>
        /// Plans every deployment of the selection: its deployments, those named by parameters, and every
        /// deployment of each account (listed through the same cache the plans read, so an account's
        /// deployments are read once). Plans run at once, bounded by the ARM client; <paramref name="onPlan"/>
        /// gets each as it is made; the result is in input order, so each account's deployments later move
        /// in the order they were given. A source or account that cannot be read is one error on the sink;
        /// the others go on. Names without a subscription are looked for in <paramref name="contextSubscriptionId"/>.
        /// </summary>
        public async Task<IReadOnlyList<MigrationPlan>> PlanAllAsync(
            DeploymentSelection selection,
            string? contextSubscriptionId,
            Func<Deployment, MigrationRequest> requestFor,
            Action<MigrationPlan> onPlan,
            CancellationToken cancellationToken)
        {
            if (selection.Discovery is not null)
            {
                throw new ModelLifecycleException(
                    "MigrationSubscriptionRequired",
                    ErrorKind.InvalidArgument,
                    "A migration moves deployments it can name: give the subscription of the account, not '*'.",
                    selection.Discovery.AccountName)
                {
                    RecommendedAction = "Pass -SubscriptionId <id>, or pipe the deployments from Test-DeploymentUpgradePolicy -SubscriptionId *.",
                };
            }

            if (_arm is null && (selection.Accounts.Count > 0 || selection.Named is not null))
            {
                throw new ModelLifecycleException(
                    "AccountNeedsAzure",
                    ErrorKind.InvalidArgument,
                    "An account's deployments are read from Azure, which -Offline excludes: pipe its deployments (or an inventory read with Test-DeploymentUpgradePolicy -Path).",
                    selection.Accounts.Count > 0 ? selection.Accounts[0].AccountId : selection.Named!.AccountName);
            }

            var all = new List<Deployment>(selection.Deployments);
            all.AddRange(selection.DeploymentIds(contextSubscriptionId).Select(Named));
            var accounts = selection.AccountIds(contextSubscriptionId);
            foreach (var account in accounts)
            {
                try
                {
                    all.AddRange(await DeploymentsOf(account, cancellationToken).ConfigureAwait(false) ?? Array.Empty<Deployment>());
                }
                catch (ModelLifecycleException ex)
                {
                    _sink.WriteError(ex);
                }
            }

            var plans = new MigrationPlan?[all.Count];
            var done = 0;
            await Task.WhenAll(all.Select(async (source, i) =>
            {
                try
                {
                    var request = requestFor(source);
                    var plan = await PlanAsync(request, cancellationToken).ConfigureAwait(false);
                    plans[i] = plan;
                    WarnIfStale(plan, request.AsOf);
                    _sink.Deliver(onPlan, plan);
                }
                catch (ModelLifecycleException ex)
                {
                    _sink.WriteError(ex);
                }

                _sink.Run(() =>
                {
                    done++;
                    _sink.WriteProgress(new ProgressReport(ProgressBars.Planning, "Planning migrations", $"{done} of {all.Count}", done, all.Count) { IsComplete = done == all.Count });
                });
            })).ConfigureAwait(false);
            return plans.Where(p => p is not null).Select(p => p!).ToList();
        }

        /// <summary>A warning the first time a plan was made from stale data (its source's or its target's entry).</summary>
        private void WarnIfStale(MigrationPlan plan, DateTime asOf)
        {
            var ages = _ages.GetOrAdd(asOf.Date, day => new DataAgeCheck(day));
            foreach (var entry in plan.DataUsed)
            {
                if (ages.Check(entry) is string stale)
                {
                    _sink.WriteWarning(stale);
                }
            }
        }

        /// <summary>A deployment named only by its id; the plan reads the rest from Azure.</summary>
        private static Deployment Named(AzureResourceId id) => new Deployment
        {
            Name = id.DeploymentName!,
            SubscriptionId = id.SubscriptionId,
            ResourceGroupName = id.ResourceGroupName,
            AccountName = id.AccountName,
            ResourceId = id.DeploymentId,
        };

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

            // The account (for its location) and its deployments are read at the same time, and so are the
            // location's models and usages: a plan waits two round trips, not four.
            var account = AzureResourceId.ForAccount(source.SubscriptionId, source.ResourceGroupName, source.AccountName);
            var accountRead = AccountOf(account, cancellationToken);
            var deploymentsRead = DeploymentsOf(account, cancellationToken);
            var accountBody = await accountRead.ConfigureAwait(false);
            var location = source.Location ?? (string?)accountBody["location"];

            var deployments = await deploymentsRead.ConfigureAwait(false);
            var live = deployments?.FirstOrDefault(d => string.Equals(d.Name, source.Name, StringComparison.OrdinalIgnoreCase));

            // The deployment as ARM has it now is what moves, not a copy that may be old (an inventory file).
            var planned = live ?? source;
            planned.Location ??= location;
            var fresh = ReferenceEquals(planned, source) ? request : WithSource(request, planned);

            if (location is not null)
            {
                var key = source.SubscriptionId + "/" + NormalizeLocation(location);
                var models = _models.GetOrAdd(key, _ => TryListAsync(() => _arm.ListModelsAsync(source.SubscriptionId, location, cancellationToken), $"the models offered in {location}"));
                var usages = _usages.GetOrAdd(key, _ => TryListAsync(() => _arm.ListUsagesAsync(source.SubscriptionId, location, cancellationToken), $"the quota usages of {location}"));
                context.Models = await models.ConfigureAwait(false);
                context.Usages = await usages.ConfigureAwait(false);
            }

            context.AccountDeployments = deployments;
            context.Location = location;
            var plan = MigrationPlanner.Plan(fresh, context);
            if (live is null && deployments is not null && plan.ModeValue != MigrationMode.SideBySide && request.Mode == MigrationMode.Auto)
            {
                // The source is gone and nothing says which model it ran, so Auto cannot tell a finished
                // side-by-side move (its source removed) from an in-place one: look for the side-by-side result.
                var sideBySide = MigrationPlanner.Plan(WithSource(fresh, planned, MigrationMode.SideBySide), context);
                if (Moved(sideBySide, deployments) is not null)
                {
                    plan = sideBySide;
                }
            }

            return Resumed(plan, live, deployments);
        }

        // The deployment a side-by-side plan creates, when a previous run already created it: it runs the
        // target and provisioned successfully.
        private static Deployment? Moved(MigrationPlan plan, IReadOnlyList<Deployment> deployments)
        {
            if (plan.ModeValue != MigrationMode.SideBySide || plan.TargetDeployment is null || plan.TargetModel is null)
            {
                return null;
            }

            var target = deployments.FirstOrDefault(d => string.Equals(d.Name, plan.TargetDeployment, StringComparison.OrdinalIgnoreCase));
            return target is not null && DeploymentNames.RunsTarget(target, plan.TargetModel, plan.TargetVersion)
                && (string.IsNullOrWhiteSpace(target.ProvisioningState) || string.Equals(target.ProvisioningState, "Succeeded", StringComparison.OrdinalIgnoreCase))
                ? target
                : null;
        }

        /// <summary>
        /// A rerun of a side-by-side move whose new deployment a previous run created: the checks about
        /// creating it (offer, lifecycle, quota, limited access) no longer apply, since nothing is created
        /// (its capacity already counts in the quota usage), and a source that is gone was removed by that
        /// run, and one left Failed by a removal that failed is what is left to remove. The executor then reports
        /// the steps already done AlreadyDone.
        /// </summary>
        /// <summary>
        /// An in-place change whose operation failed leaves the deployment serving as before but in
        /// provisioningState Failed, and SourceFound fails for that state. Trying the change again is what a
        /// rerun is for, so that is a warning (-Force goes ahead), not a stop; other states still stop.
        /// </summary>
        private static MigrationPlan RetryFailedInPlace(MigrationPlan plan, Deployment? live)
        {
            if (live is null || !string.Equals(live.ProvisioningState, "Failed", StringComparison.OrdinalIgnoreCase)
                || plan.Check(MigrationCheckNames.SourceFound)?.StatusValue != MigrationCheckStatus.Fail)
            {
                return plan;
            }

            plan.Checks = new MigrationCheckList(plan.Checks.Select(c => c.Name == MigrationCheckNames.SourceFound
                ? new MigrationCheck(c.Name, MigrationCheckStatus.Warn, $"'{live.Name}' runs {live.Model} {live.Version} and is in provisioningState Failed: an earlier write to it failed (ARM put the deployment back as it was). -Force tries the change again; look at the deployment first if no migration of it failed.")
                : c));
            plan.Ready = plan.Checks.All(c => c.StatusValue != MigrationCheckStatus.Fail);
            return plan;
        }

        private static MigrationPlan Resumed(MigrationPlan plan, Deployment? live, IReadOnlyList<Deployment>? deployments)
        {
            var target = deployments is null ? null : Moved(plan, deployments);
            if (target is null)
            {
                return plan.ModeValue == MigrationMode.InPlace ? RetryFailedInPlace(plan, live) : plan;
            }

            var done = $"'{target.Name}' already runs {target.Model} {target.Version} (created by a previous run), so nothing is created and this check does not apply.";
            var about = new HashSet<string>(StringComparer.Ordinal)
            {
                MigrationCheckNames.TargetOffered, MigrationCheckNames.TargetLifecycle, MigrationCheckNames.Quota, MigrationCheckNames.LimitedAccess,
            };
            var sourceFailed = live is not null && string.Equals(live.ProvisioningState, "Failed", StringComparison.OrdinalIgnoreCase);
            plan.Checks = new MigrationCheckList(plan.Checks.Select(c =>
                c.Name == MigrationCheckNames.SourceFound && live is null
                    ? new MigrationCheck(c.Name, MigrationCheckStatus.Pass, $"'{plan.SourceDeployment}' is gone and '{target.Name}' runs {target.Model} {target.Version}: a previous run moved it and removed the source.")
                    : c.Name == MigrationCheckNames.SourceFound && sourceFailed
                    ? new MigrationCheck(c.Name, MigrationCheckStatus.Pass, $"'{plan.SourceDeployment}' is in provisioningState Failed (a removal that failed leaves it so), and '{target.Name}' already runs {target.Model} {target.Version}: only removing the source is left.")
                    : about.Contains(c.Name) && c.StatusValue != MigrationCheckStatus.Pass
                        ? new MigrationCheck(c.Name, MigrationCheckStatus.Pass, done + " (Was: " + c.Status + ": " + c.Detail + ")")
                        : c));
            plan.Ready = plan.Checks.All(c => c.StatusValue != MigrationCheckStatus.Fail);
            return plan;
        }

        private Task<JObject> AccountOf(AzureResourceId account, CancellationToken cancellationToken) =>
            _accounts.GetOrAdd(account.AccountId, _ => _arm!.GetAccountAsync(account, cancellationToken));

        private Task<IReadOnlyList<Deployment>?> DeploymentsOf(AzureResourceId account, CancellationToken cancellationToken) =>
            _deployments.GetOrAdd(account.AccountId, _ => ReadDeploymentsAsync(account, AccountOf(account, cancellationToken), cancellationToken));

        private async Task<IReadOnlyList<Deployment>?> ReadDeploymentsAsync(AzureResourceId account, Task<JObject> accountRead, CancellationToken cancellationToken)
        {
            var list = await _arm!.ListDeploymentsAsync(account, cancellationToken).ConfigureAwait(false);
            var location = (string?)(await accountRead.ConfigureAwait(false))["location"];
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

        private static MigrationRequest WithSource(MigrationRequest r, Deployment source, MigrationMode? mode = null) => new MigrationRequest(source, r.AsOf)
        {
            WarningDays = r.WarningDays,
            Cloud = r.Cloud,
            TargetModel = r.TargetModel,
            TargetVersion = r.TargetVersion,
            Mode = mode ?? r.Mode,
            NewDeploymentName = r.NewDeploymentName,
            SkuName = r.SkuName,
            Capacity = r.Capacity,
            UpgradeOption = r.UpgradeOption,
            Offline = r.Offline,
        };

        private static string NormalizeLocation(string location) => location.Replace(" ", string.Empty).ToLowerInvariant();
    }
}
