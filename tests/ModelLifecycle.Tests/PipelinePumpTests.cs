using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Commands;
using Xunit;

namespace ModelLifecycle.Tests
{
    public class PipelinePumpTests
    {
        [Fact]
        public void Actions_posted_from_workers_run_on_the_owner_thread_in_order()
        {
            var pump = new PipelinePump(capacity: 4);
            var owner = Thread.CurrentThread.ManagedThreadId;
            var seen = new List<(int Value, int Thread)>();
            pump.Run(
                async () =>
                {
                    for (var i = 0; i < 50; i++)
                    {
                        var value = i;
                        await Task.Yield();
                        pump.Post(() => seen.Add((value, Thread.CurrentThread.ManagedThreadId)), CancellationToken.None);
                    }
                },
                () => { });
            Assert.Equal(Enumerable.Range(0, 50), seen.Select(s => s.Value));
            Assert.All(seen, s => Assert.Equal(owner, s.Thread));
        }

        [Fact]
        public void Posts_from_many_workers_at_once_all_run_on_the_owner_thread()
        {
            // The Core may call its sink from any thread, several at once (IOperationSink); the pump is what makes that safe.
            var pump = new PipelinePump(capacity: 8);
            var owner = Thread.CurrentThread.ManagedThreadId;
            var seen = new List<int>();
            var offOwner = 0;
            pump.Run(
                () => Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(() =>
                {
                    for (var i = 0; i < 100; i++)
                    {
                        var value = (w * 100) + i;
                        pump.Post(
                            () =>
                            {
                                if (Thread.CurrentThread.ManagedThreadId != owner)
                                {
                                    offOwner++;
                                }

                                seen.Add(value);
                            },
                            CancellationToken.None);
                    }
                }))),
                () => { });
            Assert.Equal(0, offOwner);
            Assert.Equal(Enumerable.Range(0, 800), seen.OrderBy(v => v));
        }

        [Fact]
        public void Workers_can_await_a_call_on_the_owner_thread()
        {
            var pump = new PipelinePump();
            var owner = Thread.CurrentThread.ManagedThreadId;
            var answered = 0;
            pump.Run(async () => answered = await pump.InvokeAsync(() => Thread.CurrentThread.ManagedThreadId, CancellationToken.None), () => { });
            Assert.Equal(owner, answered);
        }

        [Fact]
        public void The_works_exception_reaches_the_owner()
        {
            var pump = new PipelinePump();
            Assert.Throws<InvalidOperationException>(() => pump.Run(() => Task.Run(() => throw new InvalidOperationException("boom")), () => { }));
        }

        [Fact]
        public void A_failing_action_cancels_the_work_unblocks_producers_and_is_rethrown()
        {
            var pump = new PipelinePump(capacity: 2);
            using var cts = new CancellationTokenSource();
            var produced = 0;
            var ex = Assert.Throws<TimeoutException>(() => pump.Run(
                async () =>
                {
                    while (!cts.IsCancellationRequested && produced < 100_000)
                    {
                        produced++;
                        var n = produced;
                        pump.Post(() => { if (n == 3) throw new TimeoutException("downstream stopped"); }, cts.Token);
                        await Task.Yield();
                    }
                },
                cts.Cancel));
            Assert.Equal("downstream stopped", ex.Message);
            Assert.True(cts.IsCancellationRequested);
            Assert.True(produced < 100_000, "the producer stopped when the action failed");
        }

        [Fact]
        public void Posting_after_the_work_ended_runs_inline_on_the_owner_and_is_dropped_elsewhere()
        {
            var pump = new PipelinePump();
            var ran = false;
            pump.Post(() => ran = true, CancellationToken.None);
            Assert.True(ran, "with no work running, posting runs inline");

            pump.Run(() => Task.CompletedTask, () => { });
            var ranOnWorker = false;
            Task<int>? lateInvoke = null;
            var worker = new Thread(() =>
            {
                pump.Post(() => ranOnWorker = true, CancellationToken.None);
                lateInvoke = pump.InvokeAsync(() => 1, CancellationToken.None);
            });
            worker.Start();
            worker.Join();
            Assert.False(ranOnWorker, "a late post from a worker is dropped, never run on the worker");
            Assert.True(lateInvoke!.IsCanceled, "a late invoke does not leave its caller waiting");

            var ranOnOwner = false;
            pump.Post(() => ranOnOwner = true, CancellationToken.None);
            Assert.True(ranOnOwner, "the owner itself still runs inline after the work");
        }

        [Fact]
        public void A_post_after_the_drain_ended_is_dropped_counted_and_never_run_on_the_worker()
        {
            var pump = new PipelinePump();
            pump.Run(() => Task.CompletedTask, () => { });
            Assert.Equal(0, pump.Dropped);

            var ranOn = -1;
            var posted = true;
            var worker = new Thread(() => posted = pump.Post(() => ranOn = Thread.CurrentThread.ManagedThreadId, CancellationToken.None));
            worker.Start();
            worker.Join();

            Assert.False(posted, "a late post says it was dropped");
            Assert.Equal(-1, ranOn);
            Assert.Equal(1, pump.Dropped);
            Assert.Equal(1, pump.TakeDropped());
            Assert.Equal(0, pump.Dropped);
        }

        [Fact]
        public void Posts_queued_behind_a_failing_action_are_counted_as_dropped()
        {
            var pump = new PipelinePump(capacity: 16);
            using var cts = new CancellationTokenSource();
            var ran = new List<int>();
            using var queued = new ManualResetEventSlim();
            Assert.Throws<TimeoutException>(() => pump.Run(
                () => Task.Run(() =>
                {
                    // The first action blocks the owner until every later post is queued behind it, then fails.
                    pump.Post(
                        () =>
                        {
                            queued.Wait();
                            throw new TimeoutException("downstream stopped");
                        },
                        CancellationToken.None);
                    for (var i = 1; i <= 5; i++)
                    {
                        var n = i;
                        Assert.True(pump.Post(() => ran.Add(n), CancellationToken.None));
                    }

                    queued.Set();
                }),
                cts.Cancel));

            Assert.Empty(ran);
            Assert.Equal(5, pump.Dropped);
        }

        [Fact]
        public void Cancelled_invoke_completes_as_cancelled()
        {
            var pump = new PipelinePump();
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            Assert.True(pump.InvokeAsync(() => 1, cts.Token).IsCanceled);
        }
    }
}
