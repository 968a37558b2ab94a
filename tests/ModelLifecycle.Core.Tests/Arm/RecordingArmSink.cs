using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ModelLifecycle.Core.Tests.Arm
{
    /// <summary>A thread-safe sink that keeps everything, and notices when two calls overlap.</summary>
    public sealed class RecordingArmSink : IOperationSink
    {
        private readonly object gate = new object();
        private readonly List<string> debug = new List<string>();
        private readonly List<string> verbose = new List<string>();
        private readonly List<string> warnings = new List<string>();
        private readonly List<ProgressReport> progress = new List<ProgressReport>();
        private readonly List<ModelLifecycleException> errors = new List<ModelLifecycleException>();
        private int inside;

        /// <summary>True when two sink calls ever ran at the same time.</summary>
        public bool Overlapped { get; private set; }

        public IReadOnlyList<string> Debug => Snapshot(debug);

        public IReadOnlyList<string> Verbose => Snapshot(verbose);

        public IReadOnlyList<string> Warnings => Snapshot(warnings);

        public IReadOnlyList<ProgressReport> Progress => Snapshot(progress);

        public IReadOnlyList<ModelLifecycleException> Errors => Snapshot(errors);

        /// <summary>Every text the sink received (messages, error messages, error ToString, recommended actions).</summary>
        public IEnumerable<string> AllText()
        {
            lock (gate)
            {
                return debug.Concat(verbose).Concat(warnings).Concat(progress.Select(p => p.Status))
                    .Concat(errors.SelectMany(e => new[] { e.Message, e.ToString(), e.RecommendedAction ?? string.Empty })).ToList();
            }
        }

        public void WriteDebug(string message) => Add(debug, message);

        public void WriteVerbose(string message) => Add(verbose, message);

        public void WriteWarning(string message) => Add(warnings, message);

        public void WriteProgress(ProgressReport report) => Add(progress, report);

        public void WriteError(ModelLifecycleException error) => Add(errors, error);

        private void Add<T>(List<T> list, T item)
        {
            if (Interlocked.Increment(ref inside) > 1)
            {
                Overlapped = true;
            }

            lock (gate)
            {
                list.Add(item);
            }

            Interlocked.Decrement(ref inside);
        }

        private List<T> Snapshot<T>(List<T> list)
        {
            lock (gate)
            {
                return list.ToList();
            }
        }
    }
}
