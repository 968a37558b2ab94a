using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Microsoft.PowerShell.Commands;
using ModelLifecycle.Binding;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Azure;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.References;

namespace ModelLifecycle.Commands
{
    /// <summary>Finds every place in a source tree that names a model id or a deployment name.</summary>
    [Cmdlet(VerbsCommon.Find, "ModelReference", DefaultParameterSetName = ByPath)]
    [OutputType(typeof(ModelReference))]
    public sealed class FindModelReferenceCommand : ModelLifecycleCmdlet, IDisposable
    {
        private const string ByPath = "Path";
        private const string ByLiteralPath = "LiteralPath";

        // Cancelled by StopProcessing (Ctrl+C), which PowerShell calls on another thread while the scan runs.
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ModelReferenceRequest _request = new ModelReferenceRequest();

        // Files and folders piped from Get-ChildItem/Get-Item: the paths to search, as in Select-String.
        private readonly List<string> _pipedRoots = new List<string>();
        private LifecycleCatalog? _catalog;
        private DateTime _asOf;

        [Parameter(Position = 0, ParameterSetName = ByPath)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = { "." };

        [Parameter(Mandatory = true, ParameterSetName = ByLiteralPath)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string[]? Model { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? DeploymentName { get; set; }

        /// <summary>
        /// Deployments (Az objects, ARM JSON, this module's assessments): each adds its model id and name.
        /// Migration plans and results (Invoke-ModelMigration) add their source, and the request parameters
        /// that change, searched in the files that name it.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        [Alias("Deployment")]
        public PSObject[]? InputObject { get; set; }

        [Parameter]
        [ValidateRange(0, 36500)]
        public int RetiringWithinDays { get; set; } = 365;

        /// <summary>A replacement retiring within this many days is passed over in the labels, as in the verdict's advice.</summary>
        [Parameter]
        [ValidateRange(0, 3650)]
        public int WarningDays { get; set; } = 90;

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Include { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Exclude { get; set; }

        [Parameter]
        public SwitchParameter NoIgnore { get; set; }

        /// <summary>Also report an id inside a longer token (gpt-4o in gpt-4o-mini).</summary>
        [Parameter]
        public SwitchParameter AllowSubstring { get; set; }

        [Parameter]
        public SwitchParameter CaseSensitive { get; set; }

        [Parameter]
        public CatalogCloud Cloud { get; set; } = CloudChoice.Default;

        [Parameter]
        [ValidateAsOf]
        public DateTime AsOf { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CatalogPath { get; set; }

        protected override void BeginProcessing()
        {
            _asOf = AsOfOrToday(AsOf);
            Cloud = CloudOrContext(Cloud);
            _catalog = LoadCatalog(CatalogPath);
        }

        /// <summary>Only collects: the tree is searched once, for everything piped in, in EndProcessing.</summary>
        protected override void ProcessRecord()
        {
            foreach (var input in InputObject ?? Array.Empty<PSObject>())
            {
                // A migration adds its source, and the parameters that change for its target.
                if (input?.BaseObject is MigrationPlan plan)
                {
                    _request.AddMigration(plan);
                    continue;
                }

                if (input?.BaseObject is MigrationResult result)
                {
                    _request.AddMigration(result.Plan);
                    continue;
                }

                if (input?.BaseObject is System.IO.FileSystemInfo item)
                {
                    _pipedRoots.Add(item.FullName);
                    continue;
                }

                _request.AddInput(DeploymentReader.Read(CoreView.Of(input)), this);
            }
        }

        protected override void EndProcessing()
        {
            var roots = ResolveRoots();
            if (roots.Count == 0)
            {
                return;
            }

            _request.Models = Model ?? Array.Empty<string>();
            _request.DeploymentNames = DeploymentName ?? Array.Empty<string>();
            _request.RetiringWithinDays = RetiringWithinDays;
            _request.WarningDays = WarningDays;
            _request.Cloud = Cloud;
            _request.AsOf = _asOf;
            var options = new ReferenceScanOptions
            {
                Paths = roots,
                Include = Include ?? Array.Empty<string>(),
                Exclude = Exclude ?? Array.Empty<string>(),
                NoIgnore = NoIgnore,
                AllowSubstring = AllowSubstring,
                CaseSensitive = CaseSensitive,
                SortResults = true,
            };

            try
            {
                // The engine calls this cmdlet's sink on the enumerating thread, which is this one.
                foreach (var reference in ModelReferenceFinder.Find(_catalog!, _request, options, this, _stop.Token))
                {
                    WriteObject(reference);
                }
            }
            catch (ModelLifecycleException ex)
            {
                Terminate(ex);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell is already stopping the pipeline.
            }
        }

        protected override void StopProcessing() => _stop.Cancel();

        public void Dispose() => _stop.Dispose();

        /// <summary>
        /// PowerShell paths (relative to the current location, drives, ~, wildcards unless -LiteralPath) as
        /// file-system paths. A path that resolves to nothing is a per-path error; the others are searched.
        /// </summary>
        private List<string> ResolveRoots()
        {
            var roots = new List<string>();
            var literal = ParameterSetName == ByLiteralPath;

            // The default '.' applies only when nothing was piped to search.
            var paths = literal ? LiteralPath! : _pipedRoots.Count > 0 && !IsBound(nameof(Path)) ? Array.Empty<string>() : Path;
            roots.AddRange(_pipedRoots);
            foreach (var path in paths)
            {
                try
                {
                    ProviderInfo provider;
                    Collection<string> resolved;
                    if (literal)
                    {
                        resolved = new Collection<string> { SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) };
                    }
                    else
                    {
                        resolved = GetResolvedProviderPathFromPSPath(path, out provider);
                    }

                    if (provider.ImplementingType != typeof(FileSystemProvider))
                    {
                        WriteError(ToErrorRecord(new ModelLifecycleException(
                            ReferenceErrorIds.PathNotInFileSystem, ErrorKind.InvalidArgument, $"'{path}' is on the {provider.Name} drive; Find-ModelReference searches files.", path)));
                        continue;
                    }

                    if (resolved.Count == 0)
                    {
                        WriteError(ToErrorRecord(NotFound(path, null)));
                    }

                    // A literal path that does not exist is reported by the scan, with the same error id.
                    roots.AddRange(resolved);
                }
                catch (SessionStateException ex)
                {
                    WriteError(ToErrorRecord(NotFound(path, ex)));
                }
            }

            return roots.Distinct(StringComparer.Ordinal).ToList();
        }

        private static ModelLifecycleException NotFound(string path, Exception? inner) =>
            new ModelLifecycleException(
                ReferenceErrorIds.PathNotFound, ErrorKind.ObjectNotFound, inner?.Message ?? $"Cannot find path '{path}' because it does not exist.", path, inner);
    }
}
