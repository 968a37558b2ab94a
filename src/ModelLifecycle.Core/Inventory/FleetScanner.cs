using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// Finds model deployments at fleet scale: subscriptions -> accounts -> deployments, with the requests
    /// in flight bounded by the client's ThrottleLimit, streaming each account's deployments to the caller
    /// as its list arrives (nothing is collected, so memory does not grow with the fleet).
    /// </summary>
    /// <remarks>
    /// <para>Threads. The work runs on thread-pool threads. <c>onDeployment</c> and every call of the sink
    /// (by the scanner and by its ArmClient) are made one at a time, under the sink's one lock
    /// (<see cref="SerializedSink"/>), so neither needs to be
    /// thread-safe; both must return quickly (enqueue and return), because while they run no other
    /// deployment, error or progress report can be handed over. No call is made after ScanAsync
    /// has finished.</para>
    /// <para>Failures. A subscription or account that cannot be read gives one <see cref="IOperationSink.WriteError"/>
    /// (an <see cref="ArmException"/> whose Target is the subscription id or the account's resource id) and the
    /// scan goes on. A named account or deployment that cannot be read gives one error for it. A literal
    /// filter that matched nothing anywhere gives one not-found error at the end (AccountNotFound,
    /// ResourceGroupNotFound, DeploymentNotFound), unless some other error may explain it. ScanAsync itself
    /// throws only when nothing can succeed (no subscription in the context, the subscription list cannot be
    /// read, no token), when <c>onDeployment</c> or the sink throws (that exception), or on cancellation
    /// (OperationCanceledException).</para>
    /// <para>Progress. "Reading model deployments", status "12 of 200 accounts, 118 deployments" ("200+" while
    /// accounts are still being discovered), at most four reports a second, and a final one with IsComplete.</para>
    /// </remarks>
    public sealed class FleetScanner
    {
        public const string ProgressActivity = "Reading model deployments";

        private readonly ArmClient arm;
        private readonly IOperationSink sink;

        public FleetScanner(ArmClient arm, IOperationSink sink)
        {
            this.arm = arm ?? throw new ArgumentNullException(nameof(arm));
            this.sink = sink ?? throw new ArgumentNullException(nameof(sink));
        }

        /// <summary>How often progress is reported at most.</summary>
        internal static TimeSpan ProgressInterval { get; } = TimeSpan.FromMilliseconds(250);

        /// <summary>
        /// Reads the deployments <paramref name="request"/> names and hands each to <paramref name="onDeployment"/>
        /// (Location = its account's location, RawBody = the JSON as ARM sent it).
        /// </summary>
        public Task ScanAsync(ScanRequest request, Action<Deployment> onDeployment, CancellationToken cancellationToken)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            if (onDeployment is null)
            {
                throw new ArgumentNullException(nameof(onDeployment));
            }

            return new FleetScannerRun(arm, sink, request, onDeployment).RunAsync(cancellationToken);
        }
    }
}
