namespace ModelLifecycle.Core
{
    /// <summary>
    /// How Core services talk to their host while they work. The PowerShell face implements it and
    /// marshals every call to the pipeline thread; tests use a recording sink. Services never call back
    /// into PowerShell any other way.
    /// The one threading rule: the Core calls a sink, and the result callbacks handed to a service, one
    /// call at a time, from whichever thread the work is on. Every service that works on more than one
    /// thread reports only through <see cref="SerializedSink.For"/>, one lock per sink instance shared by
    /// every service given that sink, so no service keeps a lock of its own and no sink needs to be
    /// thread-safe. A call must return quickly and must not wait for other Core work. (The PowerShell
    /// face also moves every call to the pipeline thread; calls that arrive after the work ended are
    /// dropped and counted in a debug line.)
    /// </summary>
    public interface IOperationSink
    {
        void WriteVerbose(string message);

        void WriteDebug(string message);

        void WriteWarning(string message);

        void WriteProgress(ProgressReport progress);

        /// <summary>A failed item: the caller goes on with the rest.</summary>
        void WriteError(ModelLifecycleException error);
    }

    /// <summary>One progress update. <see cref="Total"/> is null while it is not known yet.</summary>
    public sealed class ProgressReport
    {
        public ProgressReport(int activityId, string activity, string status, int completed, int? total)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
            Completed = completed;
            Total = total;
        }

        public int ActivityId { get; }

        public string Activity { get; }

        public string Status { get; }

        public int Completed { get; }

        public int? Total { get; }

        /// <summary>True for the last report of an activity (the host removes its progress bar).</summary>
        public bool IsComplete { get; init; }

        public int PercentComplete => Total is int t && t > 0 ? (int)(100L * System.Math.Min(Completed, t) / t) : -1;
    }

    /// <summary>A sink that drops everything; for callers that want only the results.</summary>
    public sealed class NullOperationSink : IOperationSink
    {
        public static readonly NullOperationSink Instance = new NullOperationSink();

        public void WriteVerbose(string message) { }

        public void WriteDebug(string message) { }

        public void WriteWarning(string message) { }

        public void WriteProgress(ProgressReport progress) { }

        public void WriteError(ModelLifecycleException error) { }
    }
}
