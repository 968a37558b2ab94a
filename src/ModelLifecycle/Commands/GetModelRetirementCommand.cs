using System;
using System.Management.Automation;
using ModelLifecycle.Azure;
using ModelLifecycle.Binding;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Azure;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;

namespace ModelLifecycle.Commands
{
    /// <summary>What retires when, and what replaces it.</summary>
    [Cmdlet(VerbsCommon.Get, "ModelRetirement", DefaultParameterSetName = ByName)]
    [OutputType(typeof(ModelRetirement))]
    public sealed class GetModelRetirementCommand : AsyncModelLifecycleCmdlet
    {
        private const string ByName = "ByName";
        private const string ByDeployment = "ByDeployment";

        private LifecycleCatalog? _catalog;
        private DataAgeCheck? _ages;
        private DateTime _asOf;

        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string? Version { get; set; }

        [Parameter(ParameterSetName = ByName)]
        public LifecycleStage[]? Stage { get; set; }

        [Parameter(ParameterSetName = ByName)]
        [ValidateRange(0, 36500)]
        public int RetiringWithinDays { get; set; }

        [Parameter(ParameterSetName = ByName)]
        public DateTime RetiringBefore { get; set; }

        [Parameter(ParameterSetName = ByName)]
        public SwitchParameter IncludeRetired { get; set; }

        /// <summary>A deployment in any form: the record for its model and version.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByDeployment)]
        [Alias("Deployment")]
        public PSObject? InputObject { get; set; }

        [Parameter]
        public CatalogCloud Cloud { get; set; } = CloudChoice.Default;

        [Parameter]
        [ValidateAsOf]
        public DateTime AsOf { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CatalogPath { get; set; }

        /// <summary>Also read the live ARM Models API for these regions and merge it over the catalog.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Location { get; set; }

        /// <summary>The subscriptions whose Models API view is read with -Location; default the Az context's; '*' for every subscription the sign-in can see.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateSubscriptionId]
        public string[]? SubscriptionId { get; set; }

        /// <summary>ARM requests in flight at once (with -Location).</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = ArmClientOptions.DefaultThrottleLimit;

        /// <summary>The Az context to use (from Get-AzContext), as with Az cmdlets.</summary>
        [Parameter]
        [Alias("AzContext", "AzureRmContext", "AzureCredential")]
        public PSObject? DefaultProfile { get; set; }

        protected override void BeginProcessing()
        {
            _asOf = AsOfOrToday(AsOf);
            Cloud = CloudOrContext(Cloud);
            _catalog = LoadCatalog(CatalogPath);
            _ages = new DataAgeCheck(_asOf);

            if (Location is { Length: > 0 })
            {
                var session = ConnectAzure(DefaultProfile);
                Cloud = CloudChoice.Decide(RequestedCloud(Cloud), session.Context);

                var baseCatalog = _catalog!;
                RunPipelineWork(async token =>
                {
                    using var arm = new ArmClient(session, new ArmClientOptions { ThrottleLimit = ThrottleLimit }, this);
                    _catalog = await LiveCatalogCache.MergeLocationsAsync(arm, SubscriptionId, Location, baseCatalog, Cloud, _asOf, this, token).ConfigureAwait(false);
                });
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByDeployment && InputObject?.BaseObject is string text && !AzureResourceId.TryParse(text, out _))
            {
                // 'gpt-4o' | Get-ModelRetirement: a piped string that is not a resource id is a model name.
                WriteNamed(new[] { text });
                return;
            }

            if (ParameterSetName == ByDeployment)
            {
                foreach (var item in DeploymentReader.Read(CoreView.Of(InputObject)))
                {
                    if (item.Error is not null)
                    {
                        WriteError(ToErrorRecord(item.Error));
                        continue;
                    }

                    if (item.Deployment is null)
                    {
                        WriteError(ToErrorRecord(InputItem.AccountNotADeployment(item.Account!)));
                        continue;
                    }

                    try
                    {
                        Write(RetirementQuery.ForDeployment(_catalog!, item.Deployment, Cloud, _asOf));
                    }
                    catch (ModelLifecycleException ex)
                    {
                        WriteError(ToErrorRecord(ex));
                    }
                }

                return;
            }

            WriteNamed(Name ?? Array.Empty<string>());
        }

        /// <summary>Writes a record, and a warning the first time the data a record used is stale.</summary>
        private void Write(ModelRetirement record)
        {
            if (_ages!.Check(record) is string stale)
            {
                WriteWarning(stale);
            }

            WriteObject(record);
        }

        private void WriteNamed(string[] names)
        {
            var filter = new RetirementFilter
            {
                Names = names,
                Version = Version,
                Stages = Stage ?? Array.Empty<LifecycleStage>(),
                RetiringWithinDays = IsBound(nameof(RetiringWithinDays)) ? RetiringWithinDays : (int?)null,
                RetiringBefore = IsBound(nameof(RetiringBefore)) ? RetiringBefore : (DateTime?)null,
                IncludeRetired = IncludeRetired.IsPresent,
                Cloud = Cloud,
                AsOf = _asOf,
            };
            foreach (var record in RetirementQuery.Find(_catalog!, filter))
            {
                Write(record);
            }

            foreach (var missing in RetirementQuery.NamesNotInCatalog(_catalog!, filter))
            {
                WriteError(ToErrorRecord(missing));
            }
        }
    }
}
