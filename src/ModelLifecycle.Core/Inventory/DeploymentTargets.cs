using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// The deployments a write command acts on, from whatever named them: deployment objects and ids
    /// (used as given), accounts (all their deployments), or explicit subscriptions. A write is always
    /// made to the deployment as ARM has it now, never to the object that came down the pipeline.
    /// </summary>
    public sealed class DeploymentTargets
    {
        private readonly List<AzureResourceId> _deployments = new List<AzureResourceId>();
        private readonly List<AzureResourceId> _accounts = new List<AzureResourceId>();

        public IReadOnlyList<AzureResourceId> Deployments => _deployments;

        public IReadOnlyList<AzureResourceId> Accounts => _accounts;

        /// <summary>
        /// Discovery whose every match is a target: subscriptions named explicitly, with any resource
        /// group, account and deployment filters. Never implied by empty input.
        /// </summary>
        public ScanRequest? Discovery { get; set; }

        public bool IsEmpty => _deployments.Count == 0 && _accounts.Count == 0 && Discovery is null;

        /// <summary>Takes one piece of input; what cannot name a deployment is reported.</summary>
        public void Add(InputItem item, IOperationSink sink)
        {
            if (item.Error is not null)
            {
                sink.WriteError(item.Error);
            }
            else if (item.Account is not null)
            {
                _accounts.Add(item.Account);
            }
            else if (item.Deployment is Deployment d)
            {
                if (AzureResourceId.TryParse(d.ResourceId, out var id) && id!.DeploymentName is not null)
                {
                    _deployments.Add(id);
                }
                else
                {
                    sink.WriteError(new ModelLifecycleException(
                        "DeploymentIdUnknown",
                        ErrorKind.InvalidArgument,
                        $"Deployment '{d}' carries no resource id, subscription, resource group and account, so it cannot be changed in Azure.",
                        d.Name)
                    {
                        RecommendedAction = "Pipe the deployment from Get-AzCognitiveServicesAccountDeployment or Test-DeploymentUpgradePolicy, or use -ResourceId.",
                    });
                }
            }
        }

        public void AddAccount(AzureResourceId account) => _accounts.Add(account);

        public void AddDeployment(AzureResourceId deployment) => _deployments.Add(deployment);

        /// <summary>Every target deployment id, listing accounts and subscriptions through ARM.</summary>
        public async Task<IReadOnlyList<AzureResourceId>> ResolveAsync(ArmClient arm, IOperationSink sink, CancellationToken cancellationToken)
        {
            var result = new List<AzureResourceId>(_deployments);
            if (_accounts.Count == 0 && Discovery is null)
            {
                return result;
            }

            if (Discovery is not null && Discovery.SubscriptionIds is null)
            {
                // Null would mean "the context's subscription": a write never widens to that by default.
                throw new ModelLifecycleException("TargetSubscriptionRequired", ErrorKind.InvalidArgument, "Name the subscriptions to change explicitly (-SubscriptionId).", null);
            }

            var found = new List<AzureResourceId>();
            var request = Discovery ?? new ScanRequest();
            if (_accounts.Count > 0)
            {
                request.Accounts = _accounts.ToList();
            }

            await new FleetScanner(arm, sink).ScanAsync(
                request,
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
    }
}
