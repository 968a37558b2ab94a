using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// Which deployments a command works on, built once from its bound parameters and the pipeline input
    /// it collected: deployment objects that arrived (with their details, or named only by id), accounts
    /// (all their deployments), deployments named by parameters, and discovery of subscriptions.
    /// </summary>
    public sealed class DeploymentSelection
    {
        private static readonly AzureResourceId[] NoIds = new AzureResourceId[0];

        private DeploymentSelection(ScanRequest? discovery, IReadOnlyList<Deployment> deployments, IReadOnlyList<AzureResourceId> accounts, NamedDeployments? named)
        {
            Discovery = discovery;
            Deployments = deployments;
            Accounts = accounts;
            Named = named;
        }

        /// <summary>Discovery of subscriptions, with any resource group, account and deployment filters.</summary>
        public ScanRequest? Discovery { get; }

        /// <summary>Deployment objects from the input, in the order they came (with details, or bare ids).</summary>
        public IReadOnlyList<Deployment> Deployments { get; }

        /// <summary>Accounts from the input, whose deployments are all selected.</summary>
        public IReadOnlyList<AzureResourceId> Accounts { get; }

        /// <summary>An account or deployment named by parameters in named subscriptions (or the context's); '*' is <see cref="Discovery"/> instead.</summary>
        public NamedDeployments? Named { get; }

        /// <summary>Deployments that arrived with their model, so nothing needs reading to judge them.</summary>
        public IEnumerable<Deployment> WithDetails => Deployments.Where(d => !IsBare(d, out _));

        public bool IsEmpty => Discovery is null && Deployments.Count == 0 && Accounts.Count == 0 && Named is null;

        /// <summary>Exactly one deployment and nothing that could stand for more (an account, discovery, several subscriptions).</summary>
        public bool NamesOneDeployment =>
            Discovery is null && Accounts.Count == 0 && (Named is null
                ? Deployments.Count == 1
                : Deployments.Count == 0 && Named.DeploymentName is not null && Named.SubscriptionIds.Count <= 1);

        /// <summary>Every deployment of these subscriptions (null or empty: the context's; '*': all visible).</summary>
        public static DeploymentSelection Discover(IReadOnlyList<string>? subscriptionIds) =>
            new DeploymentSelection(new ScanRequest { SubscriptionIds = subscriptionIds }, new Deployment[0], NoIds, null);

        /// <summary>
        /// The input (deployments and accounts, in the order they came; errors are the caller's to report),
        /// plus what the parameters name. An account named in every subscription ('*') has to be found by
        /// discovery, with the names as its filters.
        /// </summary>
        public static DeploymentSelection Of(IEnumerable<InputItem> input, NamedDeployments? named = null)
        {
            var deployments = new List<Deployment>();
            var accounts = new List<AzureResourceId>();
            foreach (var item in input)
            {
                if (item.Account is not null)
                {
                    accounts.Add(item.Account);
                }
                else if (item.Deployment is Deployment d)
                {
                    deployments.Add(d);
                }
            }

            if (named is { InEverySubscription: true })
            {
                var scan = new ScanRequest { SubscriptionIds = named.SubscriptionIds, ResourceGroupName = named.ResourceGroupName, AccountName = named.AccountName, DeploymentName = named.DeploymentName };
                return new DeploymentSelection(scan, deployments, accounts, null);
            }

            return new DeploymentSelection(null, deployments, accounts, named);
        }

        /// <summary>Accounts whose deployments are all selected: from the input, then the one the parameters name in each subscription.</summary>
        public IReadOnlyList<AzureResourceId> AccountIds(string? contextSubscriptionId) =>
            Named is { DeploymentName: null } ? Accounts.Concat(Named.Ids(contextSubscriptionId)).ToList() : Accounts;

        /// <summary>Deployments named by parameters, one per subscription.</summary>
        public IReadOnlyList<AzureResourceId> DeploymentIds(string? contextSubscriptionId) =>
            Named is { DeploymentName: not null } ? Named.Ids(contextSubscriptionId) : NoIds;

        /// <summary>
        /// Whether an input needs Azure to be judged: accounts and bare deployment ids always, deployments
        /// that arrived with their model only when live data was asked for; errors never.
        /// </summary>
        public static bool NeedsAzure(InputItem item, ModelData data)
        {
            if (item.Error is not null)
            {
                return false;
            }

            if (item.Account is not null)
            {
                return true;
            }

            var d = item.Deployment!;
            if (string.IsNullOrWhiteSpace(d.Model))
            {
                return AzureResourceId.TryParse(d.ResourceId, out var id) && id!.DeploymentName is not null;
            }

            return data == ModelData.Live;
        }

        /// <summary>Whether an input can name a deployment to change in Azure; what cannot is reported.</summary>
        public static bool CanWrite(InputItem item, IOperationSink sink)
        {
            if (item.Error is not null)
            {
                sink.WriteError(item.Error);
                return false;
            }

            if (item.Deployment is Deployment d && !(AzureResourceId.TryParse(d.ResourceId, out var id) && id!.DeploymentName is not null))
            {
                sink.WriteError(new ModelLifecycleException(
                    "DeploymentIdUnknown",
                    ErrorKind.InvalidArgument,
                    $"Deployment '{d}' carries no resource id, subscription, resource group and account, so it cannot be changed in Azure.",
                    d.Name)
                {
                    RecommendedAction = "Pipe the deployment from Get-AzCognitiveServicesAccountDeployment or Test-DeploymentUpgradePolicy, or use -ResourceId.",
                });
                return false;
            }

            return item.Account is not null || item.Deployment is not null;
        }

        /// <summary>
        /// What the scanner reads to assess this selection: discovery, accounts and bare ids; null when
        /// nothing. Names without a subscription are looked for in <paramref name="contextSubscriptionId"/>.
        /// </summary>
        public ScanRequest? ToScanRequest(string? contextSubscriptionId)
        {
            var accounts = AccountIds(contextSubscriptionId);
            var ids = Deployments.Select(d => IsBare(d, out var id) ? id : null).Where(id => id is not null).Select(id => id!).Concat(DeploymentIds(contextSubscriptionId)).ToList();
            return Discovery is null && accounts.Count == 0 && ids.Count == 0 ? null : Scan(accounts, ids);
        }

        /// <summary>
        /// Every selected deployment id for a write, listing accounts and subscriptions through ARM. A write
        /// never widens to the context's subscription: discovery has to name its subscriptions.
        /// </summary>
        public async Task<IReadOnlyList<AzureResourceId>> ResolveForWriteAsync(ArmClient arm, string? contextSubscriptionId, IOperationSink sink, CancellationToken cancellationToken)
        {
            var result = new List<AzureResourceId>();
            foreach (var d in Deployments)
            {
                if (AzureResourceId.TryParse(d.ResourceId, out var id) && id!.DeploymentName is not null)
                {
                    result.Add(id);
                }
            }

            result.AddRange(DeploymentIds(contextSubscriptionId));
            var accounts = AccountIds(contextSubscriptionId);
            if (accounts.Count == 0 && Discovery is null)
            {
                return result;
            }

            if (Discovery is not null && Discovery.SubscriptionIds is null)
            {
                throw new ModelLifecycleException("TargetSubscriptionRequired", ErrorKind.InvalidArgument, "Name the subscriptions to change explicitly (-SubscriptionId).", null);
            }

            var found = new List<AzureResourceId>();
            await new FleetScanner(arm, sink).ScanAsync(
                Scan(accounts, null),
                d =>
                {
                    if (AzureResourceId.TryParse(d.ResourceId, out var id) && id!.DeploymentName is not null)
                    {
                        lock (found)
                        {
                            found.Add(id);
                        }
                    }
                },
                cancellationToken).ConfigureAwait(false);
            result.AddRange(found);
            return result;
        }

        private static bool IsBare(Deployment d, out AzureResourceId? id)
        {
            id = null;
            return string.IsNullOrWhiteSpace(d.Model) && AzureResourceId.TryParse(d.ResourceId, out id);
        }

        private ScanRequest Scan(IReadOnlyList<AzureResourceId> accounts, IReadOnlyList<AzureResourceId>? deployments) => new ScanRequest
        {
            SubscriptionIds = Discovery?.SubscriptionIds,
            ResourceGroupName = Discovery?.ResourceGroupName,
            AccountName = Discovery?.AccountName,
            DeploymentName = Discovery?.DeploymentName,
            Accounts = accounts.Count > 0 ? accounts : null,
            Deployments = deployments is { Count: > 0 } ? deployments : null,
            ProgressActivityId = Discovery?.ProgressActivityId ?? ProgressBars.Discovery,
        };
    }
}
