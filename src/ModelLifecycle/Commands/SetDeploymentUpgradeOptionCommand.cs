using System;
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
    public sealed class SetDeploymentUpgradeOptionCommand : AsyncModelLifecycleCmdlet
    {
        private const string ByInput = "ByInput";
        private const string ByName = "ByName";
        private const string ByResourceId = "ByResourceId";
        private const string BySubscription = "BySubscription";

        private readonly DeploymentTargets _targets = new DeploymentTargets();

        [Parameter(Mandatory = true)]
        [ValidateSet(UpgradeOptionNames.OnceNewDefaultVersionAvailable, UpgradeOptionNames.OnceCurrentVersionExpired, UpgradeOptionNames.NoAutoUpgrade)]
        public string UpgradeOption { get; set; } = string.Empty;

        /// <summary>Deployments or accounts from the pipeline: Az objects, ARM JSON, this module's objects (Test-DeploymentUpgradePolicy's included).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByInput)]
        [Alias("Deployment")]
        public PSObject[]? InputObject { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string? ResourceGroupName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string? AccountName { get; set; }

        /// <summary>A deployment of the account; every deployment of the account when omitted.</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        [Alias("DeploymentName")]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByResourceId)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[]? ResourceId { get; set; }

        /// <summary>
        /// With -ResourceGroupName/-AccountName: where the account is (default the Az context's subscription).
        /// Alone: every deployment of these subscriptions ('*' for all the sign-in can see); never implied.
        /// </summary>
        [Parameter(ParameterSetName = ByName)]
        [Parameter(Mandatory = true, ParameterSetName = BySubscription)]
        [ValidateNotNullOrEmpty]
        public string[]? SubscriptionId { get; set; }

        /// <summary>Output each deployment as it is after the command (changed or already set).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Setting NoAutoUpgrade on a deployment that retires within this many days writes a warning.</summary>
        [Parameter]
        [ValidateRange(0, 3650)]
        public int WarningDays { get; set; } = 90;

        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = ArmClientOptions.DefaultThrottleLimit;

        [Parameter]
        [Alias("AzContext", "AzureRmContext", "AzureCredential")]
        public PSObject? DefaultProfile { get; set; }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ByInput:
                    foreach (var input in InputObject ?? Array.Empty<PSObject>())
                    {
                        foreach (var item in DeploymentReader.Read(input, PSObjectPropertyBag.Adapt, PSObjectPropertyBag.Unwrap))
                        {
                            _targets.Add(item, this);
                        }
                    }

                    break;
                case ByResourceId:
                    foreach (var id in ResourceId ?? Array.Empty<string>())
                    {
                        foreach (var item in DeploymentReader.Read(id))
                        {
                            _targets.Add(item, this);
                        }
                    }

                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == BySubscription)
            {
                _targets.Discovery = new ScanRequest { SubscriptionIds = SubscriptionId };
            }

            if (ParameterSetName != ByName && _targets.IsEmpty)
            {
                return;
            }

            var session = ConnectAzure(DefaultProfile);
            if (ParameterSetName == ByName)
            {
                FleetAssessmentPlan.For(false, SubscriptionId, session.Context.SubscriptionId, ResourceGroupName, AccountName, Name).ApplyTo(_targets);
            }

            var options = new EvaluationOptions(DateTime.Today, WarningDays, AzShapes.CatalogCloudOf(session.Context));
            RunPipelineWork(async token =>
            {
                using var arm = new ArmClient(session, new ArmClientOptions { ThrottleLimit = ThrottleLimit }, this);
                var ids = await _targets.ResolveAsync(arm, this, token).ConfigureAwait(false);
                var writer = new UpgradeOptionWriter(arm, EmbeddedCatalog.Catalog, options, this, (target, action) => OnPipelineAsync(() => ShouldProcess(target, action)));
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
