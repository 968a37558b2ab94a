using System;
using System.IO;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using ModelLifecycle.Binding;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Reporting;

namespace ModelLifecycle.Commands
{
    /// <summary>Writes assessments as an HTML report, a Markdown summary or an iCalendar file.</summary>
    [Cmdlet(VerbsData.Export, "ModelLifecycleReport", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportModelLifecycleReportCommand : ModelLifecycleCmdlet
    {
        private ReportBuilder? _builder;
        private string _fullPath = string.Empty;
        private ReportFormat _format;

        /// <summary>Assessments from Test-DeploymentUpgradePolicy.</summary>
        [Parameter(ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Default: from the extension (.html, .md, .ics).</summary>
        [Parameter]
        public ReportFormat Format { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>Days before each date that the calendar's reminder fires.</summary>
        [Parameter]
        [ValidateRange(0, 3650)]
        public int WarningDays { get; set; } = 90;

        /// <summary>The report's "today"; default the assessments' own as-of date.</summary>
        [Parameter]
        [ValidateAsOf]
        public DateTime AsOf { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private ReportFileOptions FileOptions => new ReportFileOptions { Force = Force, NoClobber = NoClobber };

        protected override void BeginProcessing()
        {
            // Everything that can be known wrong before the input arrives stops the command here.
            try
            {
                _fullPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out var provider, out _);
                if (provider.ImplementingType != typeof(FileSystemProvider))
                {
                    Terminate(new ModelLifecycleException(ReportErrorIds.ReportPathNotInFileSystem, ErrorKind.InvalidArgument, $"'{Path}' is on the {provider.Name} drive; a report is written to a file.", Path));
                }

                ReportFile.Check(_fullPath, FileOptions);
                _format = ReportFormats.Resolve(_fullPath, IsBound(nameof(Format)) ? Format : (ReportFormat?)null);
            }
            catch (ModelLifecycleException ex)
            {
                Terminate(ex);
            }
            catch (Exception ex) when (ex is SessionStateException || ex is ProviderInvocationException || ex is NotSupportedException || ex is ArgumentException)
            {
                Terminate(new ModelLifecycleException(ReportErrorIds.ReportDirectoryNotFound, ErrorKind.ObjectNotFound, ex.Message, Path, ex));
            }

            _builder = new ReportBuilder(LoadCatalog(null));
        }

        protected override void ProcessRecord()
        {
            if (InputObject is null)
            {
                return;
            }

            if (InputObject.BaseObject is UpgradePolicyAssessment assessment)
            {
                _builder!.Add(assessment);
                return;
            }

            WriteError(ToErrorRecord(new ModelLifecycleException(
                ReportErrorIds.ReportInputNotSupported,
                ErrorKind.InvalidArgument,
                $"Export-ModelLifecycleReport takes the assessments of Test-DeploymentUpgradePolicy; '{InputObject.BaseObject.GetType().FullName}' is not one, and is left out of the report.",
                InputObject)
            {
                RecommendedAction = "Pipe the output of Test-DeploymentUpgradePolicy into Export-ModelLifecycleReport.",
            }));
        }

        protected override void EndProcessing()
        {
            var report = _builder!.Build(Title, IsBound(nameof(AsOf)) ? AsOf.Date : (DateTime?)null, DateTimeOffset.UtcNow);

            // As Export-Csv: -WhatIf writes nothing, -Confirm asks once for the file.
            if (!ShouldProcess(_fullPath, $"Write a {_format} report of {report.Entries.Count} deployments"))
            {
                return;
            }

            try
            {
                var file = ReportFile.Write(report, _fullPath, ReportFormats.WriterFor(_format, WarningDays), FileOptions);
                WriteVerbose($"Wrote {report.Entries.Count} deployments as {_format} to '{file.FullName}'.");
                if (PassThru)
                {
                    // Through the provider, as Get-Item would return it, so it formats as a file does.
                    WriteObject(InvokeProvider.Item.Get(new[] { file.FullName }, force: true, literalPath: true), enumerateCollection: true);
                }
            }
            catch (ModelLifecycleException ex)
            {
                Terminate(ex);
            }
        }
    }
}
