using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using ModelLifecycle.Core.Arm;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// The one door from a fleet scan to its caller: deployments, per-item errors, warnings and progress,
    /// each handed over through the sink's <see cref="SerializedSink"/> so the caller sees one call at a time. It also keeps
    /// the counts that progress and the end-of-scan checks are made of.
    /// </summary>
    internal sealed class FleetScannerOutput
    {
        private readonly SerializedSink sink;
        private readonly Action<Deployment> onDeployment;
        private readonly int progressActivityId;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private int accountsFound;
        private int accountsDone;
        private int deployments;
        private int errors;
        private volatile bool discoveryDone;
        private long lastProgressTicks;

        public FleetScannerOutput(IOperationSink sink, int progressActivityId, Action<Deployment> onDeployment)
        {
            this.sink = SerializedSink.For(sink);
            this.progressActivityId = progressActivityId;
            this.onDeployment = onDeployment;
        }

        /// <summary>Accounts found so far (discovered or named), whether read yet or not.</summary>
        public int AccountsFound => Volatile.Read(ref accountsFound);

        /// <summary>Deployments handed to the caller.</summary>
        public int Deployments => Volatile.Read(ref deployments);

        /// <summary>Per-item errors written.</summary>
        public int Errors => Volatile.Read(ref errors);

        /// <summary>Counts accounts that will be read.</summary>
        public void AccountsFoundAdd(int count) => Interlocked.Add(ref accountsFound, count);

        /// <summary>Counts an account (or a group of named deployments) as read, whatever the outcome, and reports progress.</summary>
        public void AccountDone()
        {
            Interlocked.Increment(ref accountsDone);
            Report();
        }

        /// <summary>No more accounts will be found: progress can show a total.</summary>
        public void DiscoveryDone() => discoveryDone = true;

        /// <summary>Hands a batch of deployments to the caller, one after another under the sink's lock.</summary>
        public void Hand(IReadOnlyList<Deployment> batch)
        {
            if (batch.Count == 0)
            {
                return;
            }

            sink.Run(() =>
            {
                foreach (Deployment deployment in batch)
                {
                    onDeployment(deployment);
                    deployments++;
                }
            });
        }

        public void WriteError(ArmException error)
        {
            Interlocked.Increment(ref errors);
            sink.WriteError(error);
        }

        /// <summary>A not-found error about the request as a whole; not counted as a per-item error.</summary>
        public void WriteNotFound(string errorId, string message, string target)
        {
            sink.WriteError(new ArmException(errorId, ErrorKind.ObjectNotFound, message, target, httpStatus: 404));
        }

        public void WriteWarning(string message)
        {
            sink.WriteWarning(message);
        }

        /// <summary>Reports progress, at most once per <see cref="FleetScanner.ProgressInterval"/> unless forced.</summary>
        public void Report(bool force = false)
        {
            long now = clock.Elapsed.Ticks;
            long last = Interlocked.Read(ref lastProgressTicks);
            if (!force && now - last < FleetScanner.ProgressInterval.Ticks)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref lastProgressTicks, now, last) != last)
            {
                return; // another thread is reporting this moment
            }

            sink.WriteProgress(Progress(complete: false));
        }

        /// <summary>The last progress report, which tells the host to remove its progress bar.</summary>
        public void ReportComplete()
        {
            sink.WriteProgress(Progress(complete: true));
        }

        private ProgressReport Progress(bool complete)
        {
            int found = Volatile.Read(ref accountsFound);
            int done = Volatile.Read(ref accountsDone);
            bool known = discoveryDone || complete;
            string status = $"{done} of {found}{(known ? string.Empty : "+")} accounts, {Volatile.Read(ref deployments)} deployments";
            return new ProgressReport(progressActivityId, FleetScanner.ProgressActivity, status, done, known ? found : (int?)null)
            {
                IsComplete = complete,
            };
        }
    }
}
