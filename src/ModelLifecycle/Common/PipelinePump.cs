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
    /// The contract for every post: it runs on the owner thread, or it is dropped and counted in
    /// <see cref="Dropped"/> (and <see cref="Post"/> returns false when it knows at once). Nothing ever
    /// runs on another thread. Posts are dropped when they arrive after the drain ended (the work is
    /// over), while the work is being stopped, or when they were still queued behind an action that
    /// failed. The host reports the count as a debug line.
    /// </summary>
    internal sealed class PipelinePump
    {
        private readonly int _capacity;
        private volatile BlockingCollection<Action>? _queue;
        private volatile int _ownerThread = -1;
        private int _dropped;

        public PipelinePump(int capacity = 1024) => _capacity = capacity;

        /// <summary>Posts dropped so far: never run, because they came too late or the pipeline was stopping.</summary>
        public int Dropped => Volatile.Read(ref _dropped);

        /// <summary>Returns <see cref="Dropped"/> and starts counting again from zero.</summary>
        public int TakeDropped() => Interlocked.Exchange(ref _dropped, 0);

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
                    Interlocked.Increment(ref _dropped);
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
                    Interlocked.Increment(ref _dropped);
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
                Interlocked.Increment(ref _dropped);
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
