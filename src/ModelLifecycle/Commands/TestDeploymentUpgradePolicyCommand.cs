using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ModelLifecycle.Binding;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Policy;

namespace ModelLifecycle.Commands
{
    /// <summary>For each deployment: what will happen to it, when, and what to do.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "DeploymentUpgradePolicy", DefaultParameterSetName = ByInput)]
    [OutputType(typeof(UpgradePolicyAssessment))]
    [OutputType(typeof(bool))]
    public sealed class TestDeploymentUpgradePolicyCommand : ModelLifecycleCmdlet
    {
        private const string ByInput = "ByInput";
        private const string ByPath = "ByPath";

        private OfflineAssessor? _assessor;
        private readonly List<UpgradePolicyAssessment> _quietResults = new List<UpgradePolicyAssessment>();

        /// <summary>Deployments (Az objects, ARM JSON objects, this module's objects), one List per account included.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByInput)]
        [Alias("Deployment")]
        public PSObject[]? InputObject { get; set; }

        /// <summary>Inventory files: an ARM list response, an array of deployments, or ConvertTo-Json of Az objects.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByPath, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter]
        public DateTime AsOf { get; set; }

        [Parameter]
        [ValidateRange(0, 3650)]
        public int WarningDays { get; set; } = 90;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CatalogPath { get; set; }

        [Parameter]
        public CatalogCloud Cloud { get; set; } = CatalogCloud.AzureCloud;

        /// <summary>Return one [bool]: $true when no deployment is at Warning or Critical.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            var asOf = IsBound(nameof(AsOf)) ? AsOf.Date : DateTime.Today;
            LifecycleCatalog catalog;
            try
            {
                catalog = CatalogSources.Load(CatalogPath is null ? null : GetUnresolvedProviderPathFromPSPath(CatalogPath));
            }
            catch (ModelLifecycleException ex)
            {
                Terminate(ex);
                return;
            }

            var stale = CatalogSources.StalenessWarning(catalog, asOf);
            if (stale is not null)
            {
                WriteWarning(stale);
            }

            _assessor = new OfflineAssessor(catalog, new EvaluationOptions(asOf, WarningDays, Cloud));
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByPath)
            {
                foreach (var file in ResolveFiles(Path!))
                {
                    IEnumerable<InputItem> items;
                    try
                    {
                        items = DeploymentReader.ReadFile(file).ToList();
                    }
                    catch (ModelLifecycleException ex)
                    {
                        WriteError(ToErrorRecord(ex));
                        continue;
                    }

                    Emit(items);
                }

                return;
            }

            foreach (var input in InputObject ?? Array.Empty<PSObject>())
            {
                Emit(DeploymentReader.Read(input, PSObjectPropertyBag.Adapt, PSObjectPropertyBag.Unwrap));
            }
        }

        protected override void EndProcessing()
        {
            if (Quiet)
            {
                WriteObject(AssessmentSummary.IsHealthy(_quietResults));
            }
        }

        private void Emit(IEnumerable<InputItem> items)
        {
            foreach (var assessment in _assessor!.Assess(items, this))
            {
                if (Quiet)
                {
                    _quietResults.Add(assessment);
                }
                else
                {
                    WriteObject(assessment);
                }
            }
        }

        private IEnumerable<string> ResolveFiles(IEnumerable<string> paths)
        {
            foreach (var p in paths)
            {
                IEnumerable<string> resolved;
                try
                {
                    resolved = GetResolvedProviderPathFromPSPath(p, out _);
                }
                catch (ItemNotFoundException ex)
                {
                    WriteError(new ErrorRecord(ex, "InventoryFileNotFound", ErrorCategory.ObjectNotFound, p));
                    continue;
                }

                foreach (var r in resolved)
                {
                    yield return r;
                }
            }
        }
    }
}
