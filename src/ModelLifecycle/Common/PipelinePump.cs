using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace ModelLifecycle.Commands
{
    /// <summary>
    /// Runs work on the thread pool while the calling thread (PowerShell's pipeline thread) executes,
    /// in order, the actions the work posts back: writes, and calls that must happen in the caller's
    /// runspace. Knows nothing of PowerShell, so it is tested on its own.
    /// </summary>
    internal sealed class PipelinePump
    {
        private readonly int _capacity;
        private BlockingCollection<Action>? _queue;
        private int _ownerThread = -1;

        public PipelinePump(int capacity = 1024) => _capacity = capacity;

        /// <summary>
        /// Starts <paramref name="work"/> and runs posted actions on this thread until it ends. If an
        /// action throws (the pipeline was stopped downstream), <paramref name="cancel"/> is called, the
        /// queue is drained so no producer stays blocked, and that exception is rethrown. Otherwise the
        /// work's own exception, if any, is rethrown.
        /// </summary>
        public void Run(Func<Task> work, Action cancel)
        {
            _ownerThread = Thread.CurrentThread.ManagedThreadId;
            using var queue = new BlockingCollection<Action>(_capacity);
            _queue = queue;
            Task task;
            try
            {
                task = Task.Run(work);
            }
            catch
            {
                _queue = null;
                throw;
            }

            task.ContinueWith(_ => queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

            Exception? actionFailure = null;
            foreach (var action in queue.GetConsumingEnumerable())
            {
                if (actionFailure is not null)
                {
                    continue;
                }

                try
                {
                    action();
                }
                catch (Exception ex)
                {
                    actionFailure = ex;
                    cancel();
                }
            }

            _queue = null;
            if (actionFailure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(actionFailure).Throw();
            }

            task.GetAwaiter().GetResult();
        }

        /// <summary>
        /// Runs <paramref name="action"/> on the owner thread: now if called there (or before any work has
        /// run), else queued. A post from another thread once the work has ended, or while it is being
        /// stopped, is dropped: it never runs off the owner thread. Returns false when dropped.
        /// </summary>
        public bool Post(Action action, CancellationToken cancellationToken)
        {
            var queue = _queue;
            var onOwner = Thread.CurrentThread.ManagedThreadId == _ownerThread;
            if (queue is null)
            {
                if (_ownerThread != -1 && !onOwner)
                {
                    return false;
                }

                action();
                return true;
            }

            if (onOwner)
            {
                action();
                return true;
            }

            try
            {
                queue.Add(action, cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is OperationCanceledException)
            {
                // The work has ended or is being stopped: nothing more reaches the owner thread.
                return false;
            }
        }

        /// <summary>Runs <paramref name="func"/> on the owner thread and awaits its result from any thread.</summary>
        public Task<T> InvokeAsync<T>(Func<T> func, CancellationToken cancellationToken)
        {
            var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (cancellationToken.IsCancellationRequested)
            {
                tcs.TrySetCanceled();
                return tcs.Task;
            }

            var registration = cancellationToken.Register(() => tcs.TrySetCanceled());
            var posted = Post(
                () =>
                {
                    try
                    {
                        tcs.TrySetResult(func());
                    }
                    catch (Exception ex)
                    {
                        tcs.TrySetException(ex);
                    }
                    finally
                    {
                        registration.Dispose();
                    }
                },
                cancellationToken);
            if (!posted)
            {
                // Dropped: nobody will run it, so the caller must not wait for it.
                registration.Dispose();
                tcs.TrySetCanceled();
            }

            return tcs.Task;
        }
    }
}
