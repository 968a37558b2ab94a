using System;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Azure;

namespace ModelLifecycle.Bench.FleetScan
{
    /// <summary>A sign-in for the emulator, which accepts any bearer token.</summary>
    internal sealed class BenchAzureSession : IAzureSession
    {
        public BenchAzureSession(Uri endpoint, string? subscriptionId = null)
        {
            Context = new AzureContextInfo(subscriptionId, null, "AzureCloud", endpoint, "bench");
        }

        public AzureContextInfo Context { get; }

        public Task<AccessTokenInfo> GetTokenAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new AccessTokenInfo("bench-token", DateTimeOffset.UtcNow.AddHours(1)));
    }

    /// <summary>
    /// Drops everything but counts errors, so a run with failures is not reported as a result; and the 409
    /// RequestConflicts met (retried, in verbose) and surfacing (errors).
    /// </summary>
    internal sealed class CountingSink : IOperationSink
    {
        private int errors;
        private int conflictErrors;
        private int conflictsMet;

        public int Errors => Volatile.Read(ref errors);

        public int ConflictErrors => Volatile.Read(ref conflictErrors);

        public int ConflictsMet => Volatile.Read(ref conflictsMet);

        public string? FirstError { get; private set; }

        public void WriteDebug(string message)
        {
        }

        public void WriteVerbose(string message)
        {
            if (message.Contains("RequestConflict", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref conflictsMet);
            }
        }

        public void WriteWarning(string message)
        {
        }

        public void WriteProgress(ProgressReport progress)
        {
        }

        public void WriteError(ModelLifecycleException error)
        {
            if (error.ErrorId == ArmErrorIds.RequestConflict)
            {
                Interlocked.Increment(ref conflictErrors);
            }

            if (Interlocked.Increment(ref errors) == 1)
            {
                FirstError = error.ErrorId + ": " + error.Message;
            }
        }
    }
}
