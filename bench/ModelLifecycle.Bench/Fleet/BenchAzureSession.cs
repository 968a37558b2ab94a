using System;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core;
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

    /// <summary>Drops everything but counts errors, so a run with failures is not reported as a result.</summary>
    internal sealed class CountingSink : IOperationSink
    {
        private int errors;

        public int Errors => Volatile.Read(ref errors);

        public string? FirstError { get; private set; }

        public void WriteDebug(string message)
        {
        }

        public void WriteVerbose(string message)
        {
        }

        public void WriteWarning(string message)
        {
        }

        public void WriteProgress(ProgressReport progress)
        {
        }

        public void WriteError(ModelLifecycleException error)
        {
            if (Interlocked.Increment(ref errors) == 1)
            {
                FirstError = error.ErrorId + ": " + error.Message;
            }
        }
    }
}
