namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// What the worker threads hand to the consuming thread. Errors, progress and messages travel with the
    /// matches so that every <see cref="IOperationSink"/> call happens on the thread that enumerates the
    /// results (for a cmdlet, the pipeline thread), in the order things happened.
    /// </summary>
    internal sealed class ScanEvent
    {
        private ScanEvent(ReferenceMatch? match, ModelLifecycleException? error, ProgressReport? progress, string? verbose)
        {
            Match = match;
            Error = error;
            Progress = progress;
            Verbose = verbose;
        }

        public ReferenceMatch? Match { get; }

        public ModelLifecycleException? Error { get; }

        public ProgressReport? Progress { get; }

        public string? Verbose { get; }

        public static ScanEvent Found(ReferenceMatch match) => new ScanEvent(match, null, null, null);

        public static ScanEvent Failed(ModelLifecycleException error) => new ScanEvent(null, error, null, null);

        public static ScanEvent Progressed(ProgressReport progress) => new ScanEvent(null, null, progress, null);

        public static ScanEvent Said(string message) => new ScanEvent(null, null, null, message);
    }
}
