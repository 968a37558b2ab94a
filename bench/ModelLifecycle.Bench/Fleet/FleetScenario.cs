using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Inventory;
using EmulatedFleet = ModelLifecycle.ArmEmulator.Fleet;

namespace ModelLifecycle.Bench.FleetScan
{
    /// <summary>
    /// "fleet": FleetScanner against the ARM emulator with latency added to every request. In one run it
    /// times the default ThrottleLimit (16) and ThrottleLimit 1 (the one-request-at-a-time loop Az users
    /// write today), compares the default with the bound requests / in-flight x latency, and compares the
    /// scanner's peak memory on a fleet ten times larger (each size scanned in a child process).
    /// </summary>
    internal sealed class FleetScenario : IScenario
    {
        public string Name => "fleet";

        public string Description => "fleet scan: ThrottleLimit 16 vs 1 vs the latency bound, and memory at 10x [--latency-ms N] [--reps N] [--warmups N] [--seed N] [--control] [--no-memory]";

        public int Run(string[] args)
        {
            var options = new BenchArgs(args, "child", "live", "keep", "control", "no-memory");
            if (options.Has("child"))
            {
                return FleetScanChild.Run(options);
            }

            return RunAsync(options).GetAwaiter().GetResult();
        }

        private static async Task<int> RunAsync(BenchArgs options)
        {
            int latencyMs = options.Int("latency-ms", 50);
            int reps = options.Int("reps", 5);
            int warmups = options.Int("warmups", 5);
            int seed = options.Int("seed", 1);
            const int DefaultLimit = 16;
            var size = (Subscriptions: 4, Accounts: 50, Deployments: 10);
            string command = "dotnet run -c Release --project bench/ModelLifecycle.Bench -- fleet" + CommandSuffix(options);
            Console.WriteLine($"fleet: {size.Subscriptions} x {size.Accounts} x {size.Deployments} (subscriptions x accounts x deployments), {latencyMs} ms added to every request");

            TimeRow concurrent;
            TimeRow sequential;
            EmulatedFleet fleet = EmulatedFleet.Generate(size.Subscriptions, size.Accounts, size.Deployments, seed);
            int expected = size.Subscriptions * size.Accounts * size.Deployments;
            await using (ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet, new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(latencyMs) }))
            {
                // Warm-up, so the timed scans run tier-1 JIT code over open connections: the first scans
                // of a process cost several times the CPU per request of later ones.
                for (int i = 0; i < warmups; i++)
                {
                    await ScanAsync(server, DefaultLimit);
                }
                var runs = new List<ScanRun>();
                for (int i = 0; i < reps; i++)
                {
                    runs.Add(await ScanAsync(server, DefaultLimit));
                }

                concurrent = new TimeRow(DefaultLimit, runs);
                Console.WriteLine($"ThrottleLimit {DefaultLimit}: {concurrent.Median:0.000} s median of {reps} ({string.Join(", ", runs.Select(r => r.Seconds.ToString("0.000", CultureInfo.InvariantCulture)))}), {concurrent.Requests} requests, max in flight {concurrent.MaxInFlight}, process CPU (client, emulator, JIT) {concurrent.Runs.Average(r => r.CpuSeconds) * 1000 / concurrent.Requests:0.00} ms per request");
                sequential = new TimeRow(1, new List<ScanRun> { await ScanAsync(server, 1) });
                Console.WriteLine($"ThrottleLimit 1:  {sequential.Median:0.000} s, {sequential.Requests} requests, max in flight {sequential.MaxInFlight}");
            }

            foreach (TimeRow row in new[] { concurrent, sequential })
            {
                if (row.Runs.Any(r => r.Deployments != expected || r.Errors > 0))
                {
                    Console.Error.WriteLine($"ThrottleLimit {row.Limit}: expected {expected} deployments and no errors, got {row.Runs.First().Deployments} and {row.Runs.Max(r => r.Errors)} errors ({row.Runs.First().FirstError}).");
                    return 1;
                }
            }

            double bound = concurrent.Requests / (double)DefaultLimit * latencyMs / 1000.0;
            double speedup = sequential.Median / concurrent.Median;
            double overBound = concurrent.Median / bound;

            var memory = new List<MemoryRow>();
            if (!options.Has("no-memory"))
            {
                // live=false, live=true, and with --control a caller that keeps every deployment (live), to
                // show what the measurement reports when memory does grow with the fleet.
                var modes = new List<(bool Live, bool Keep)> { (false, false), (true, false) };
                if (options.Has("control"))
                {
                    modes.Add((true, true));
                }

                foreach ((bool live, bool keep) in modes)
                {
                    foreach (int subscriptions in new[] { size.Subscriptions, size.Subscriptions * 10 })
                    {
                        MemoryRow row = await MeasureMemoryAsync(subscriptions, size.Accounts, size.Deployments, seed, latencyMs, DefaultLimit, live, keep);
                        memory.Add(row);
                        ChildResult c = row.Child;
                        Console.WriteLine($"  {c.Deployments} deployments in {c.Seconds:0.00} s, peak {(live ? "live" : "managed")} heap {Mb(c.PeakManagedBytes)}, live after the scan {Mb(c.FinalLiveBytes)}, peak working set {Mb(c.PeakWorkingSetBytes)}, gen0/gen2 GCs {c.Gen0Collections}/{c.Gen2Collections}");
                        if (c.Errors > 0 || c.Deployments != row.Expected)
                        {
                            Console.Error.WriteLine($"memory run {row.Label}: expected {row.Expected} deployments and no errors ({c.FirstError}).");
                            return 1;
                        }
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"command: {command}");
            Console.WriteLine($"bound = requests / in-flight x latency = {concurrent.Requests} / {DefaultLimit} x {latencyMs} ms = {bound:0.000} s");
            Console.WriteLine($"sequential / default  = {speedup,6:0.00}x   (target >= 10x)  {Verdict(speedup >= 10)}");
            Console.WriteLine($"default / bound       = {overBound,6:0.00}x   (target <= 1.5x) {Verdict(overBound <= 1.5)}");
            double? heapRatio = null;
            double? liveRatio = null;
            double? workingSetRatio = null;
            double? controlRatio = null;
            if (memory.Count >= 4)
            {
                heapRatio = memory[1].Child.PeakManagedBytes / (double)memory[0].Child.PeakManagedBytes;
                workingSetRatio = memory[1].Child.PeakWorkingSetBytes / (double)memory[0].Child.PeakWorkingSetBytes;
                liveRatio = memory[3].Child.PeakManagedBytes / (double)memory[2].Child.PeakManagedBytes;
                Console.WriteLine($"peak managed heap, 10x fleet / 1x fleet = {heapRatio,6:0.00}x   (target: roughly flat, under 3x) {Verdict(heapRatio < 3)}");
                Console.WriteLine($"peak live heap,    10x fleet / 1x fleet = {liveRatio,6:0.00}x   (target: roughly flat, under 3x) {Verdict(liveRatio < 3)}");
                Console.WriteLine($"peak working set,  10x fleet / 1x fleet = {workingSetRatio,6:0.00}x");
            }

            if (memory.Count == 6)
            {
                controlRatio = memory[5].Child.PeakManagedBytes / (double)memory[4].Child.PeakManagedBytes;
                Console.WriteLine($"control (a caller that keeps every deployment), peak live heap 10x / 1x = {controlRatio,6:0.00}x ({Mb(memory[4].Child.PeakManagedBytes)} -> {Mb(memory[5].Child.PeakManagedBytes)})");
            }

            string file = BenchResults.Write(options.String("results"), "fleet", new
            {
                scenario = "fleet",
                command,
                utc = DateTime.UtcNow.ToString("o"),
                machine = new { cores = Environment.ProcessorCount, os = RuntimeInformation.OSDescription, runtime = RuntimeInformation.FrameworkDescription },
                fleet = new { size.Subscriptions, size.Accounts, size.Deployments, seed, latencyMs },
                concurrent = new { throttleLimit = DefaultLimit, median = concurrent.Median, times = concurrent.Runs.Select(r => r.Seconds), concurrent.Requests, concurrent.MaxInFlight },
                sequential = new { throttleLimit = 1, median = sequential.Median, sequential.Requests, sequential.MaxInFlight },
                boundSeconds = bound,
                ratios = new { sequentialOverDefault = speedup, defaultOverBound = overBound, peakManagedHeap10xOver1x = heapRatio, peakLiveHeap10xOver1x = liveRatio, peakWorkingSet10xOver1x = workingSetRatio, controlKeepingEverything10xOver1x = controlRatio },
                memory = memory.Select(m => new { m.Label, m.Keep, m.Expected, m.Child }),
            });
            Console.WriteLine($"results: {file}");
            return 0;
        }

        private static string CommandSuffix(BenchArgs options) =>
            (options.Has("latency-ms") ? " --latency-ms " + options.String("latency-ms") : string.Empty)
            + (options.Has("reps") ? " --reps " + options.String("reps") : string.Empty)
            + (options.Has("warmups") ? " --warmups " + options.String("warmups") : string.Empty)
            + (options.Has("seed") ? " --seed " + options.String("seed") : string.Empty)
            + (options.Has("control") ? " --control" : string.Empty)
            + (options.Has("no-memory") ? " --no-memory" : string.Empty);

        private static string Verdict(bool met) => met ? "met" : "MISSED";

        private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

        /// <summary>One in-process scan of every subscription with a callback that only counts.</summary>
        private static async Task<ScanRun> ScanAsync(ArmEmulatorServer server, int throttleLimit)
        {
            server.Counters.Reset();
            var sink = new CountingSink();
            long deployments = 0;
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            Stopwatch watch = Stopwatch.StartNew();
            using (var arm = new ArmClient(new BenchAzureSession(server.BaseUri), new ArmClientOptions { ThrottleLimit = throttleLimit }, sink))
            {
                await new FleetScanner(arm, sink).ScanAsync(new ScanRequest { SubscriptionIds = new[] { "*" } }, _ => deployments++, CancellationToken.None);
            }

            double seconds = watch.Elapsed.TotalSeconds;
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            return new ScanRun(seconds, cpu, server.Counters.Total, server.Counters.MaxInFlight, deployments, sink.Errors, sink.FirstError);
        }

        /// <summary>Serves a fleet of the given size here and scans it from a child process (see FleetScanChild).</summary>
        private static async Task<MemoryRow> MeasureMemoryAsync(int subscriptions, int accounts, int deployments, int seed, int latencyMs, int throttleLimit, bool live, bool keep)
        {
            string label = $"{subscriptions} x {accounts} x {deployments}";
            EmulatedFleet fleet = EmulatedFleet.Generate(subscriptions, accounts, deployments, seed);
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet, new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(latencyMs) });
            Console.WriteLine($"memory, {label}, {(live ? "live data (full GC every 20 ms)" : "heap as it is (every 5 ms)")}{(keep ? ", control: the caller keeps every deployment" : string.Empty)}: scanning in a child process");
            var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
            string self = Environment.ProcessPath ?? "dotnet";
            start.FileName = self;
            if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
            {
                start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            }

            foreach (string a in new[] { "fleet", "--child", "--url", server.BaseUri.AbsoluteUri, "--throttle", throttleLimit.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(a);
            }

            if (live)
            {
                start.ArgumentList.Add("--live");
            }

            if (keep)
            {
                start.ArgumentList.Add("--keep");
            }

            using Process child = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
            string output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            string? line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("{", StringComparison.Ordinal));
            if (child.ExitCode != 0 || line == null)
            {
                throw new InvalidOperationException($"The child scan failed (exit {child.ExitCode}): {output}");
            }

            return new MemoryRow(label, keep, subscriptions * accounts * deployments, JsonSerializer.Deserialize<ChildResult>(line)!);
        }

        private sealed record ScanRun(double Seconds, double CpuSeconds, long Requests, int MaxInFlight, long Deployments, int Errors, string? FirstError);

        private sealed record MemoryRow(string Label, bool Keep, long Expected, ChildResult Child);

        private sealed class TimeRow
        {
            public TimeRow(int limit, List<ScanRun> runs)
            {
                Limit = limit;
                Runs = runs;
                List<double> sorted = runs.Select(r => r.Seconds).OrderBy(s => s).ToList();
                Median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
                Requests = runs[0].Requests;
                MaxInFlight = runs.Max(r => r.MaxInFlight);
            }

            public int Limit { get; }

            public List<ScanRun> Runs { get; }

            public double Median { get; }

            public long Requests { get; }

            public int MaxInFlight { get; }
        }
    }
}
