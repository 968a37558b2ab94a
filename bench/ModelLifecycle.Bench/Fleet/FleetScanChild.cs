using System;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Inventory;

namespace ModelLifecycle.Bench.FleetScan
{
    /// <summary>
    /// The memory half of the "fleet" scenario, run in a process of its own so that nothing but the scanner
    /// (not the emulator, not earlier runs) is on its heap: scans every subscription at --url with a callback
    /// that discards and prints one JSON line. It samples the managed heap as it is every 5 ms (garbage
    /// included, so mostly the GC's gen0 budget), or with --live what survives a full collection every
    /// 20 ms (the memory the scan really holds on to; slower, as each sample is a blocking GC).
    /// </summary>
    internal static class FleetScanChild
    {
        public static int Run(BenchArgs options)
        {
            var url = new Uri(options.String("url") ?? throw new ArgumentException("--child needs --url."));
            int throttle = options.Int("throttle", 16);
            bool live = options.Has("live");
            bool keep = options.Has("keep"); // the control: a caller that holds on to every deployment
            var kept = new System.Collections.Generic.List<ModelLifecycle.Deployment>();

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long baseline = GC.GetTotalMemory(false);
            long peak = baseline;
            bool done = false;
            var sampler = new Thread(() =>
            {
                while (!Volatile.Read(ref done))
                {
                    long now = GC.GetTotalMemory(live);
                    if (now > peak)
                    {
                        peak = now;
                    }

                    Thread.Sleep(live ? 20 : 5);
                }
            })
            { IsBackground = true, Name = "heap sampler" };
            sampler.Start();

            var sink = new CountingSink();
            long deployments = 0;
            long finalLive;
            Stopwatch watch = Stopwatch.StartNew();
            using (var arm = new ArmClient(new BenchAzureSession(url), new ArmClientOptions { ThrottleLimit = throttle }, sink))
            {
                new FleetScanner(arm, sink)
                    .ScanAsync(
                        new ScanRequest { SubscriptionIds = new[] { "*" } },
                        d =>
                        {
                            deployments++;
                            if (keep)
                            {
                                kept.Add(d);
                            }
                        },
                        CancellationToken.None)
                    .GetAwaiter().GetResult();
                finalLive = GC.GetTotalMemory(true); // what the scan left behind, with the client still alive
            }

            double seconds = watch.Elapsed.TotalSeconds;
            Volatile.Write(ref done, true);
            sampler.Join();
            GC.KeepAlive(kept);
            using Process self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine(JsonSerializer.Serialize(new ChildResult
            {
                Deployments = deployments,
                Errors = sink.Errors,
                FirstError = sink.FirstError,
                Seconds = seconds,
                Live = live,
                BaselineManagedBytes = baseline,
                PeakManagedBytes = peak,
                FinalLiveBytes = finalLive,
                PeakWorkingSetBytes = self.PeakWorkingSet64,
                Gen0Collections = GC.CollectionCount(0),
                Gen2Collections = GC.CollectionCount(2),
            }));
            return 0;
        }
    }

    /// <summary>What a child run prints (one JSON line).</summary>
    internal sealed class ChildResult
    {
        public long Deployments { get; set; }

        public int Errors { get; set; }

        public string? FirstError { get; set; }

        public double Seconds { get; set; }

        /// <summary>True when PeakManagedBytes is the peak of live data (sampled after full collections).</summary>
        public bool Live { get; set; }

        public long BaselineManagedBytes { get; set; }

        public long PeakManagedBytes { get; set; }

        /// <summary>Live managed memory right after the scan, the client not yet disposed: a leak shows here.</summary>
        public long FinalLiveBytes { get; set; }

        public long PeakWorkingSetBytes { get; set; }

        public int Gen0Collections { get; set; }

        public int Gen2Collections { get; set; }
    }
}
