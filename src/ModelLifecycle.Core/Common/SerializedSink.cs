using System;
using System.Runtime.CompilerServices;

namespace ModelLifecycle.Core
{
    /// <summary>
    /// The one way a Core service calls its host: every sink call, and every result handed to a host
    /// callback, is made under one lock, so the host sees one call at a time whichever worker thread
    /// makes it. There is one wrapper per sink instance (<see cref="For"/>), so services that share a
    /// sink (the ARM client, the scanner, the writer, the live catalog, the migration) share its lock
    /// and none of them needs a lock of its own. Calls made while the lock is held on the same thread
    /// (a callback that reports) simply nest.
    /// </summary>
    internal sealed class SerializedSink : IOperationSink
    {
        private static readonly ConditionalWeakTable<IOperationSink, SerializedSink> Wrappers = new ConditionalWeakTable<IOperationSink, SerializedSink>();

        private readonly IOperationSink inner;
        private readonly object gate = new object();

        private SerializedSink(IOperationSink inner) => this.inner = inner;

        /// <summary>The one serialized view of <paramref name="sink"/>: the same object every time it is asked for.</summary>
        public static SerializedSink For(IOperationSink? sink)
        {
            if (sink is SerializedSink serialized)
            {
                return serialized;
            }

            return Wrappers.GetValue(sink ?? NullOperationSink.Instance, s => new SerializedSink(s));
        }

        public void WriteVerbose(string message) => Run(() => inner.WriteVerbose(message));

        public void WriteDebug(string message) => Run(() => inner.WriteDebug(message));

        public void WriteWarning(string message) => Run(() => inner.WriteWarning(message));

        public void WriteProgress(ProgressReport progress) => Run(() => inner.WriteProgress(progress));

        public void WriteError(ModelLifecycleException error) => Run(() => inner.WriteError(error));

        /// <summary>Hands one result to a host callback, under the sink's lock.</summary>
        public void Deliver<T>(Action<T> callback, T item) => Run(() => callback(item));

        /// <summary>
        /// Runs host-facing code under the sink's lock: a callback, or a count and the report made of it
        /// (so progress never goes backwards). Keep it short, and never wait in it for other Core work.
        /// </summary>
        public void Run(Action hostCall)
        {
            lock (gate)
            {
                hostCall();
            }
        }
    }
}
