using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// At most N pieces of work running at once; starting one more waits for a free slot, so a producer
    /// can never run ahead of the workers (memory stays flat however large the fleet). Work is not kept in
    /// a list: only a count, so a run of a million accounts holds no more than N of them.
    /// </summary>
    internal sealed class FleetScannerWorkGroup : IDisposable
    {
        private readonly SemaphoreSlim slots;
        private readonly TaskCompletionSource<bool> drained = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Action<Exception> onFault;
        private int pending = 1; // the group itself, until Complete is called
        private int completed;

        public FleetScannerWorkGroup(int limit, Action<Exception> onFault)
        {
            slots = new SemaphoreSlim(limit, limit);
            this.onFault = onFault;
        }

        /// <summary>Waits for a free slot, then starts <paramref name="work"/> on the thread pool and returns.</summary>
        public async Task StartAsync(Func<Task> work, CancellationToken cancellationToken)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref pending);
            _ = Task.Run(async () =>
            {
                try
                {
                    await work().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    onFault(ex);
                }
                finally
                {
                    slots.Release();
                    Leave();
                }
            });
        }

        /// <summary>No more work will be started: completes when every started piece has finished.</summary>
        public Task CompleteAsync()
        {
            if (Interlocked.Exchange(ref completed, 1) == 0)
            {
                Leave();
            }

            return drained.Task;
        }

        public void Dispose() => slots.Dispose();

        private void Leave()
        {
            if (Interlocked.Decrement(ref pending) == 0)
            {
                drained.TrySetResult(true);
            }
        }
    }
}
