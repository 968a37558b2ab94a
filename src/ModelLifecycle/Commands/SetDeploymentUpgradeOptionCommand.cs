using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ModelLifecycle.Binding;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Azure;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Policy;

namespace ModelLifecycle.Commands
{
    /// <summary>Changes deployments' versionUpgradeOption through ARM, and nothing else about them.</summary>
    [Cmdlet(VerbsCommon.Set, "DeploymentUpgradeOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByInput)]
    [OutputType(typeof(Deployment))]
    public sealed class SetDeploymentUpgradeOptionCommand : DeploymentCmdlet
    {
        private const string BySubscription = "BySubscription";

        // Pipeline input that names deployments or accounts, held until EndProcessing builds the selection from it.
        private readonly List<InputItem> _input = new List<InputItem>();

        [Parameter(Mandatory = true)]
        [ValidateSet(UpgradeOptionNames.OnceNewDefaultVersionAvailable, UpgradeOptionNames.OnceCurrentVersionExpired, UpgradeOptionNames.NoAutoUpgrade)]
        public string UpgradeOption { get; set; } = string.Empty;

        /// <summary>
        /// With -ResourceGroupName/-AccountName: where the account is (default the Az context's subscription).
        /// Alone: every deployment of these subscriptions ('*' for all the sign-in can see); never implied.
        /// </summary>
        [Parameter(ParameterSetName = ByName)]
        [Parameter(Mandatory = true, ParameterSetName = BySubscription)]
        [ValidateNotNullOrEmpty]
        [ValidateSubscriptionId]
        public string[]? SubscriptionId { get; set; }

        /// <summary>Output each deployment as it is after the command (changed or already set).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Setting NoAutoUpgrade on a deployment that retires within this many days writes a warning.</summary>
        [Parameter]
        [ValidateRange(0, 3650)]
        public int WarningDays { get; set; } = 90;

        /// <summary>The day the NoAutoUpgrade warning is judged on; default today.</summary>
        [Parameter]
        [ValidateAsOf]
        public DateTime AsOf { get; set; }

        /// <summary>A catalog file laid over the embedded one for the NoAutoUpgrade warning.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CatalogPath { get; set; }

        private LifecycleCatalog? _catalog;

        protected override void BeginProcessing() => _catalog = LoadCatalog(CatalogPath);

        protected override void ProcessRecord()
        {
            foreach (var item in ReadRecordInput())
            {
                if (DeploymentSelection.CanWrite(item, this))
                {
                    _input.Add(item);
                }
            }
        }

        protected override void EndProcessing()
        {
            // Empty input names nothing: a write never widens to a subscription that was not named.
            if (ParameterSetName != ByName && ParameterSetName != BySubscription && _input.Count == 0)
            {
                return;
            }

            var session = ConnectAzure(DefaultProfile);
            var selection = ParameterSetName == BySubscription
                ? DeploymentSelection.Discover(SubscriptionId)
                : DeploymentSelection.Of(_input, NamedByParameters(SubscriptionId));
            var options = new EvaluationOptions(AsOfOrToday(AsOf), WarningDays, CloudChoice.Decide(null, session.Context));
            RunPipelineWork(async token =>
            {
                using var arm = NewArmClient(session);
                var ids = await selection.ResolveForWriteAsync(arm, session.Context.SubscriptionId, this, token).ConfigureAwait(false);
                var writer = new UpgradeOptionWriter(arm, _catalog!, options, this, (target, action) => OnPipelineAsync(() => ShouldProcess(target, action)));
                await writer.SetAsync(ids, UpgradeOption, change =>
                {
                    if (PassThru)
                    {
                        Emit(change.Deployment);
                    }
                }, token).ConfigureAwait(false);
            });
        }
    }
}
