using System.Collections.Generic;
using System.Threading;

namespace ModelLifecycle.Core.Tests.References
{
    internal sealed class RecordingSink : IOperationSink
    {
        public List<ModelLifecycleException> Errors { get; } = new List<ModelLifecycleException>();

        public List<ProgressReport> Progress { get; } = new List<ProgressReport>();

        public List<string> Verbose { get; } = new List<string>();

        public List<string> Warnings { get; } = new List<string>();

        /// <summary>Managed thread ids of every call, to check they all come on the consuming thread.</summary>
        public HashSet<int> CallingThreads { get; } = new HashSet<int>();

        public void WriteVerbose(string message) => Record(() => Verbose.Add(message));

        public void WriteDebug(string message) => Record(() => { });

        public void WriteWarning(string message) => Record(() => Warnings.Add(message));

        public void WriteProgress(ProgressReport progress) => Record(() => Progress.Add(progress));

        public void WriteError(ModelLifecycleException error) => Record(() => Errors.Add(error));

        private void Record(System.Action add)
        {
            lock (this)
            {
                CallingThreads.Add(Thread.CurrentThread.ManagedThreadId);
                add();
            }
        }
    }
}
