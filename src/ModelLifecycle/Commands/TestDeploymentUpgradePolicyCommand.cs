using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ModelLifecycle.Azure;
using ModelLifecycle.Binding;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Azure;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Policy;

namespace ModelLifecycle.Commands
{
    /// <summary>For each deployment: what will happen to it, when, and what to do.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "DeploymentUpgradePolicy", DefaultParameterSetName = Discover)]
    [OutputType(typeof(UpgradePolicyAssessment))]
    [OutputType(typeof(bool))]
    public sealed class TestDeploymentUpgradePolicyCommand : DeploymentCmdlet
    {
        private const string Discover = "Discover";
        private const string ByPath = "ByPath";
        private const string ByLiteralPath = "ByLiteralPath";

        // Pipeline input that needs Azure, held until EndProcessing builds the selection from it.
        private readonly List<InputItem> _azureInput = new List<InputItem>();
        private readonly AssessmentTally _tally = new AssessmentTally();

        // Overlapping -Path values (a.json, *.json) name a file once: it is read and reported once.
        private readonly HashSet<string> _filesRead = new HashSet<string>(StringComparer.Ordinal);
        private IOperationSink? _sink;
        private LifecycleCatalog? _catalog;
        private OfflineAssessor? _offline;
        private DataAgeCheck? _ages;
        private DateTime _asOf;

        /// <summary>Inventory files: an ARM list response, an array of deployments, or ConvertTo-Json of Az objects.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByPath, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>
        /// Inventory files taken as written: '[' and ']' are part of the name. Files piped from
        /// Get-ChildItem bind here (PSPath), as with Get-Content, so such names are never skipped.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByLiteralPath, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        /// <summary>Subscriptions to read; default the Az context's; '*' for every subscription the sign-in can see.</summary>
        [Parameter(ParameterSetName = Discover)]
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        [ValidateSubscriptionId]
        public string[]? SubscriptionId { get; set; }

        [Parameter]
        [ValidateAsOf]
        public DateTime AsOf { get; set; }

        [Parameter]
        [ValidateRange(0, 3650)]
        public int WarningDays { get; set; } = 90;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CatalogPath { get; set; }

        /// <summary>Whose schedule applies; default the Az context's cloud, or AzureCloud offline.</summary>
        [Parameter]
        public CatalogCloud Cloud { get; set; } = CloudChoice.Default;

        /// <summary>Also read the ARM Models API for each deployment's location (dates, replacementConfig).</summary>
        [Parameter]
        public SwitchParameter Live { get; set; }

        private ModelData Data => Live ? ModelData.Live : ModelData.Catalog;

        /// <summary>Return one [bool]: $true when no deployment is at Warning or Critical.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            // Every error the Core writes is counted, so -Quiet cannot answer "all clear" for what it could not read.
            _sink = new TallyingSink(this, _tally);
            _asOf = AsOfOrToday(AsOf);
            Cloud = CloudOrContext(Cloud);
            _catalog = LoadCatalog(CatalogPath);

            // Staleness is decided per assessment, from the data each one used (a -CatalogPath file or
            // live data makes the entries it covers current, not the whole catalog).
            _ages = new DataAgeCheck(_asOf);
            WriteVerbose(RunDescription.Settings(_asOf, Cloud, _catalog, CatalogPath, Live));
            _offline = new OfflineAssessor(_catalog, new EvaluationOptions(_asOf, WarningDays, Cloud), _ages);
        }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ByPath:
                case ByLiteralPath:
                    foreach (var file in ParameterSetName == ByPath ? ResolveFiles(Path!) : ResolveLiteralFiles(LiteralPath!))
                    {
                        if (!_filesRead.Add(file))
                        {
                            continue;
                        }

                        try
                        {
                            Take(DeploymentReader.ReadFile(file).ToList());
                        }
                        catch (ModelLifecycleException ex)
                        {
                            _sink!.WriteError(ex);
                        }
                    }

                    break;
                default:
                    Take(ReadRecordInput());
                    break;
            }
        }

        protected override void EndProcessing()
        {
            // Piped input that turned out empty (a filter that matched nothing) is no input: it never
            // widens to discovering the whole subscription, as running the command alone would.
            var discover = ParameterSetName == Discover && !MyInvocation.ExpectingInput;
            if (discover || ParameterSetName == ByName || _azureInput.Count > 0)
            {
                var session = ConnectAzure(DefaultProfile);
                var cloud = CloudChoice.Decide(RequestedCloud(Cloud), session.Context);
                WriteVerbose(RunDescription.Azure(session.Context, SubscriptionId));
                var selection = discover
                    ? DeploymentSelection.Discover(SubscriptionId)
                    : DeploymentSelection.Of(_azureInput, NamedByParameters(SubscriptionId));
                RunPipelineWork(async token =>
                {
                    using var arm = NewArmClient(session);
                    var assessor = new FleetAssessor(arm, _catalog!, new EvaluationOptions(_asOf, WarningDays, cloud), _sink!, _ages);
                    await assessor.AssessAsync(selection, Data, session.Context.SubscriptionId ?? string.Empty, a => Dispatch(() => Report(a)), token).ConfigureAwait(false);
                });
            }

            WriteVerbose(_tally.Describe());
            if (Quiet)
            {
                WriteObject(_tally.IsHealthy);
            }
        }

        /// <summary>Offline inputs are judged at once; anything that needs Azure waits for EndProcessing.</summary>
        private void Take(IEnumerable<InputItem> items)
        {
            var offline = new List<InputItem>();
            foreach (var item in items)
            {
                (DeploymentSelection.NeedsAzure(item, Data) ? _azureInput : offline).Add(item);
            }

            foreach (var assessment in _offline!.Assess(offline, _sink!))
            {
                Report(assessment);
            }
        }

        private void Report(UpgradePolicyAssessment assessment)
        {
            _tally.Add(assessment);
            if (!Quiet)
            {
                WriteObject(assessment);
            }
        }

        private IEnumerable<string> ResolveLiteralFiles(IEnumerable<string> paths)
        {
            // A file that does not exist is reported when it is read (InventoryFileNotFound).
            foreach (var p in paths)
            {
                yield return GetUnresolvedProviderPathFromPSPath(p);
            }
        }

        private IEnumerable<string> ResolveFiles(IEnumerable<string> paths)
        {
            foreach (var p in paths)
            {
                System.Collections.ObjectModel.Collection<string> resolved;
                try
                {
                    resolved = GetResolvedProviderPathFromPSPath(p, out _);
                }
                catch (ItemNotFoundException ex)
                {
                    _sink!.WriteError(DeploymentReader.FileUnreadable(p, ex, notFound: true));
                    continue;
                }

                if (resolved.Count == 0)
                {
                    _sink!.WriteError(new ModelLifecycleException("InventoryFileNotFound", ErrorKind.ObjectNotFound, $"No inventory file matches '{p}'.", p));
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
