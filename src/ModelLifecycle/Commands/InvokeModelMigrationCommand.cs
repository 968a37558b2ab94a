using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Binding;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Azure;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Migration;

namespace ModelLifecycle.Commands
{
    /// <summary>
    /// Moves deployments off a retiring model version: plans, checks, writes, verifies and resumes.
    /// The Core plans (MigrationPreflight, MigrationPlanner) and writes (MigrationExecutor); this cmdlet
    /// binds the parameters, asks ShouldProcess and reports.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ModelMigration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByInput)]
    [OutputType(typeof(MigrationResult), typeof(MigrationPlan))]
    public sealed class InvokeModelMigrationCommand : DeploymentCmdlet
    {
        private readonly List<InputItem> _input = new List<InputItem>();
        private LifecycleCatalog? _catalog;
        private DateTime _asOf;
        private bool _yesToAllRemovals;
        private bool _noToAllRemovals;

        /// <summary>With -ResourceGroupName/-AccountName: the account's subscription (default the Az context's).</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string? SubscriptionId { get; set; }

        /// <summary>The model to move to; default: the upgrade target, else the recorded replacement (past retired ones).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string? TargetModel { get; set; }

        /// <summary>Default: the region's default version for the SKU, else the catalog's newest generally available one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TargetVersion { get; set; }

        /// <summary>Auto: same model -> InPlace; another model -> SideBySide, except provisioned managed types (InPlace).</summary>
        [Parameter]
        public MigrationMode Mode { get; set; } = MigrationMode.Auto;

        /// <summary>SideBySide, one source only: the new deployment's name. Default: derived from the source name and the target model.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewDeploymentName { get; set; }

        /// <summary>The deployment type (SKU) of the result; default the source's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SkuName { get; set; }

        /// <summary>The capacity of the result; default the source's.</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int Capacity { get; set; }

        /// <summary>versionUpgradeOption of the result; default the source's, or OnceNewDefaultVersionAvailable.</summary>
        [Parameter]
        [ValidateSet(UpgradeOptionNames.OnceNewDefaultVersionAvailable, UpgradeOptionNames.OnceCurrentVersionExpired, UpgradeOptionNames.NoAutoUpgrade)]
        public string? UpgradeOption { get; set; }

        /// <summary>SideBySide: delete the source once the new deployment is verified (asks again, at high impact).</summary>
        [Parameter]
        public SwitchParameter RemoveSource { get; set; }

        /// <summary>Return the plans with every check run; write nothing.</summary>
        [Parameter]
        public SwitchParameter PlanOnly { get; set; }

        /// <summary>With -PlanOnly: no Azure at all; checks that need Azure are Skipped.</summary>
        [Parameter]
        public SwitchParameter Offline { get; set; }

        /// <summary>Go ahead despite Warn checks, and remove the source without asking again. A Fail check always stops.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>A target retiring within this many days warns; the replacement chain skips such models.</summary>
        [Parameter]
        [ValidateRange(0, 3650)]
        public int WarningDays { get; set; } = 90;

        /// <summary>The day the plan is for (default today).</summary>
        [Parameter]
        [ValidateAsOf]
        public DateTime AsOf { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CatalogPath { get; set; }

        /// <summary>Whose schedule applies; default the Az context's cloud, or AzureCloud offline.</summary>
        [Parameter]
        public CatalogCloud Cloud { get; set; } = CloudChoice.Default;

        protected override void BeginProcessing()
        {
            if (MigrationParameterRules.Refuse(Offline, PlanOnly, RemoveSource, Mode, NewDeploymentName) is ModelLifecycleException refused)
            {
                Terminate(refused);
            }

            _asOf = AsOfOrToday(AsOf);
            Cloud = CloudOrContext(Cloud);
            _catalog = LoadCatalog(CatalogPath);
        }

        protected override void ProcessRecord()
        {
            foreach (var item in ReadRecordInput())
            {
                if (item.Error is not null)
                {
                    WriteError(ToErrorRecord(item.Error));
                }
                else
                {
                    _input.Add(item);
                }
            }
        }

        protected override void EndProcessing()
        {
            // The one selection of this run, read by the planning below whether or not it needs Azure.
            var selection = DeploymentSelection.Of(_input, NamedByParameters(SubscriptionId is null ? null : new[] { SubscriptionId }));
            if (MigrationParameterRules.Refuse(NewDeploymentName, selection) is ModelLifecycleException oneSource)
            {
                Terminate(oneSource);
            }

            if (Offline)
            {
                RunPipelineWork(token => new MigrationPreflight(null, _catalog!, this).PlanAllAsync(selection, null, Request, Emit, token));
                return;
            }

            if (selection.IsEmpty)
            {
                return;
            }

            var session = ConnectAzure(DefaultProfile);
            RunPipelineWork(async token =>
            {
                using var arm = NewArmClient(session);
                var plans = await new MigrationPreflight(arm, _catalog!, this).PlanAllAsync(selection, session.Context.SubscriptionId, Request, plan => { if (PlanOnly) { Emit(plan); } }, token).ConfigureAwait(false);
                if (PlanOnly)
                {
                    return;
                }

                var executor = new MigrationExecutor(arm, this, c => OnPipelineAsync(() => Confirm(c)), new MigrationExecutionOptions { RemoveSource = RemoveSource, Force = Force, Preview = IsWhatIf() });
                await executor.RunAsync(plans, result => Emit(result), token).ConfigureAwait(false);
            });
        }

        private MigrationRequest Request(Deployment source) => new MigrationRequest(source, _asOf)
        {
            WarningDays = WarningDays,
            Cloud = Cloud,
            TargetModel = TargetModel,
            TargetVersion = TargetVersion,
            Mode = Mode,
            NewDeploymentName = NewDeploymentName,
            SkuName = SkuName,
            Capacity = IsBound(nameof(Capacity)) ? Capacity : (int?)null,
            UpgradeOption = UpgradeOption,
            Offline = Offline,
        };

        // Runs on the pipeline thread. Creating or changing a deployment is ShouldProcess at Medium; removing
        // the source asks again, as a High-impact action would, unless -Confirm:$false or -Force says not to.
        private bool Confirm(MigrationConfirmation c)
        {
            if (!ShouldProcess(c.Target, c.Action))
            {
                return false;
            }

            if (!c.Destructive || Force || _yesToAllRemovals || AskedAlready())
            {
                return true;
            }

            if (_noToAllRemovals)
            {
                return false;
            }

            try
            {
                return ShouldContinue($"{c.Action}?", $"Remove {c.Target}", ref _yesToAllRemovals, ref _noToAllRemovals);
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is HostException || ex is NotImplementedException)
            {
                WriteWarning($"{c.Target} was not removed: removing it needs a confirmation this session cannot ask for. Add -Confirm:$false (or -Force) to remove sources without asking.");
                return false;
            }
        }

        private bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound))
            {
                return bound is SwitchParameter sp ? sp.IsPresent : bound is bool b && b;
            }

            var preference = SessionState.PSVariable.GetValue("WhatIfPreference");
            return preference is SwitchParameter p ? p.IsPresent : preference is bool on && on;
        }

        // -Confirm:$false turns confirmation off; -Confirm, or $ConfirmPreference at Medium or lower, already prompted in ShouldProcess.
        private bool AskedAlready()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
            {
                return true;
            }

            var preference = SessionState.PSVariable.GetValue("ConfirmPreference");
            return preference is ConfirmImpact impact && impact != ConfirmImpact.None && impact <= ConfirmImpact.Medium;
        }
    }
}
