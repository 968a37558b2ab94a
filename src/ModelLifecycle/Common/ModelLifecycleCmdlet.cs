using System;
using System.Management.Automation;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Azure;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Commands
{
    /// <summary>
    /// What every cmdlet of the module shares: turning the Core's classified errors into ErrorRecords
    /// (ErrorId and category chosen by the Core), and a sink the Core reports through.
    /// Cmdlets bind, call the Core, and report; they decide nothing else.
    /// </summary>
    public abstract class ModelLifecycleCmdlet : PSCmdlet, IOperationSink
    {
        void IOperationSink.WriteVerbose(string message) => Dispatch(() => WriteVerbose(message));

        void IOperationSink.WriteDebug(string message) => Dispatch(() => WriteDebug(message));

        void IOperationSink.WriteWarning(string message) => Dispatch(() => WriteWarning(message));

        void IOperationSink.WriteProgress(ProgressReport progress) => Dispatch(() => WriteProgress(ToProgressRecord(progress, ProgressBase)));

        private int? _progressBase;

        /// <summary>This command's block of host progress ids, taken at its first bar.</summary>
        private int ProgressBase => _progressBase ??= ProgressIds.NextBlock();

        void IOperationSink.WriteError(ModelLifecycleException error) => Dispatch(() => WriteError(ToErrorRecord(error)));

        /// <summary>
        /// Runs a write to the host. PowerShell only accepts writes on the pipeline thread; cmdlets that
        /// do their work elsewhere (<see cref="AsyncModelLifecycleCmdlet"/>) queue them instead.
        /// </summary>
        protected virtual void Dispatch(Action write) => write();

        /// <summary>Stops the command: for errors after which no input can succeed.</summary>
        protected void Terminate(ModelLifecycleException error) => ThrowTerminatingError(ToErrorRecord(error));

        internal static ErrorRecord ToErrorRecord(ModelLifecycleException error)
        {
            var record = new ErrorRecord(error, error.ErrorId, ToCategory(error.Kind), error.Target);
            if (error.RecommendedAction is not null)
            {
                record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction };
            }

            return record;
        }

        /// <summary>ErrorKind members carry ErrorCategory's names, so the mapping is by name.</summary>
        internal static ErrorCategory ToCategory(ErrorKind kind) =>
            Enum.TryParse<ErrorCategory>(kind.ToString(), out var category) ? category : ErrorCategory.NotSpecified;

        internal static ProgressRecord ToProgressRecord(ProgressReport p, int idBase)
        {
            var record = new ProgressRecord(idBase + (p.ActivityId % ProgressIds.BlockSize), p.Activity, string.IsNullOrEmpty(p.Status) ? " " : p.Status)
            {
                PercentComplete = p.PercentComplete,
            };
            if (p.IsComplete)
            {
                record.RecordType = ProgressRecordType.Completed;
            }

            return record;
        }

        /// <summary>The embedded catalog with -CatalogPath (resolved like any PowerShell path) laid over it; a bad file ends the command.</summary>
        protected LifecycleCatalog LoadCatalog(string? catalogPath)
        {
            try
            {
                return CatalogSources.Load(catalogPath is null ? null : GetUnresolvedProviderPathFromPSPath(catalogPath));
            }
            catch (ModelLifecycleException ex)
            {
                Terminate(ex);
                throw; // not reached: Terminate throws
            }
        }

        /// <summary>
        /// The cloud before any sign-in (<see cref="CloudChoice.Decide"/>): with an Az context that is already
        /// signed in, if any (Az.Accounts is not loaded for this, and not asked when -Cloud was given).
        /// </summary>
        protected CatalogCloud CloudOrContext(CatalogCloud cloud)
        {
            var requested = RequestedCloud(cloud);
            return CloudChoice.Decide(requested, requested is null ? Azure.PowerShellAzureSession.PeekContext(this) : null);
        }

        /// <summary>-Cloud as the user gave it; null when it was not given.</summary>
        protected CatalogCloud? RequestedCloud(CatalogCloud cloud) => IsBound("Cloud") ? cloud : (CatalogCloud?)null;

        /// <summary>-AsOf when given, else today: the day every date rule is applied to.</summary>
        protected DateTime AsOfOrToday(DateTime asOf) => IsBound("AsOf") ? asOf.Date : DateTime.Today;

        /// <summary>A bound parameter's presence, for optional value-type parameters.</summary>
        protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);
    }
}
