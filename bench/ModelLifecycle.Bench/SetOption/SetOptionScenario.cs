using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Bench.FleetScan;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Policy;

namespace ModelLifecycle.Bench.SetOption
{
    /// <summary>
    /// Set-DeploymentUpgradeOption's Core over a fleet behind the emulator with added latency: the
    /// default throttle against -ThrottleLimit 1 (a sequential loop), each on a fresh copy of the same
    /// fleet so both do the same writes, plus the bound that the request count and the per-account
    /// chains set. Reported as ratios measured in one run.
    /// </summary>
    internal sealed class SetOptionScenario : IScenario
    {
        public string Name => "set-option";

        public string Description => "Set-DeploymentUpgradeOption over 500 deployments / 50 accounts at 50 ms latency: default vs -ThrottleLimit 1";

        public int Run(string[] args)
        {
            var a = new BenchArgs(args, "quick");
            var accounts = a.Int("accounts", a.Has("quick") ? 10 : 50);
            var perAccount = a.Int("deployments", 10);
            var latencyMs = a.Int("latency-ms", 50);
            var pollMs = a.Int("poll-ms", latencyMs);
            var throttle = a.Int("throttle", ArmClientOptions.DefaultThrottleLimit);
            const string Option = UpgradeOptionNames.NoAutoUpgrade;

            var fleet = Fleet.Generate(1, accounts, perAccount, 7);
            foreach (var d in fleet.Subscriptions.SelectMany(s => s.ResourceGroups).SelectMany(g => g.Accounts).SelectMany(x => x.Deployments))
            {
                // Every deployment needs the write, so both runs do exactly the same work.
                d.Properties["versionUpgradeOption"] = UpgradeOptionNames.OnceCurrentVersionExpired;
            }

            Console.WriteLine($"set-option: {accounts} accounts x {perAccount} deployments, {latencyMs} ms per request, poll interval {pollMs} ms");
            var parallel = Measure(fleet, throttle, latencyMs, pollMs, Option);
            Console.WriteLine($"  -ThrottleLimit {throttle,-3}: {parallel.Seconds,8:F2} s  ({parallel.Requests} requests, {parallel.Writes} writes, max {parallel.MaxInFlight} in flight, {parallel.Errors} errors{parallel.FirstError})");
            var sequential = Measure(fleet, 1, latencyMs, pollMs, Option);
            Console.WriteLine($"  -ThrottleLimit 1  : {sequential.Seconds,8:F2} s  ({sequential.Requests} requests, {sequential.Writes} writes, max {sequential.MaxInFlight} in flight, {sequential.Errors} errors{sequential.FirstError})");

            // Bound: the requests spread over the throttle, or the longest account's chain, whichever is longer.
            var perRequest = latencyMs / 1000.0;
            var chainPerDeployment = (parallel.Requests / (double)(accounts * perAccount)) * perRequest + 2 * pollMs / 1000.0;
            var bound = Math.Max(parallel.Requests * perRequest / throttle, perAccount * chainPerDeployment);
            var speedup = sequential.Seconds / parallel.Seconds;
            var toBound = parallel.Seconds / bound;
            Console.WriteLine($"  bound             : {bound,8:F2} s");
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "ratio sequential/default = {0:F1}x (target >= 10x); default/bound = {1:F2}x", speedup, toBound));

            var file = BenchResults.Write(
                a.String("results"),
                "set-option",
                new
                {
                    scenario = Name,
                    accounts,
                    deploymentsPerAccount = perAccount,
                    latencyMs,
                    pollMs,
                    throttle,
                    defaultSeconds = parallel.Seconds,
                    sequentialSeconds = sequential.Seconds,
                    boundSeconds = bound,
                    speedup,
                    defaultOverBound = toBound,
                });
            Console.WriteLine($"results: {file}");
            return parallel.Errors == 0 && sequential.Errors == 0 && parallel.Writes == accounts * perAccount ? 0 : 1;
        }

        private sealed class Measurement
        {
            public double Seconds { get; set; }
            public long Requests { get; set; }
            public long Writes { get; set; }
            public int MaxInFlight { get; set; }
            public int Errors { get; set; }
            public string? FirstError { get; set; }
        }

        private static Measurement Measure(Fleet fleet, int throttle, int latencyMs, int pollMs, string option)
        {
            return Task.Run(async () =>
            {
                await using var server = await ArmEmulatorServer.StartAsync(fleet.Clone(), new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(latencyMs), LroInProgressPolls = 1 });
                var subscription = fleet.Subscriptions[0].SubscriptionId;
                var sink = new CountingSink();
                using var arm = new ArmClient(new BenchAzureSession(server.BaseUri, subscription), new ArmClientOptions { ThrottleLimit = throttle, MinimumPollInterval = TimeSpan.FromMilliseconds(pollMs) }, sink);
                var ids = fleet.Subscriptions.SelectMany(s => s.ResourceGroups.SelectMany(g => g.Accounts.SelectMany(acc => acc.Deployments.Select(d =>
                    AzureResourceId.ForDeployment(s.SubscriptionId, g.Name, acc.Name, d.Name))))).ToList();
                var writer = new UpgradeOptionWriter(arm, EmbeddedCatalog.Catalog, new Core.Policy.EvaluationOptions(DateTime.Today), sink, (_, _) => Task.FromResult(true));
                server.Counters.Reset();
                var clock = Stopwatch.StartNew();
                await writer.SetAsync(ids, option, _ => { }, CancellationToken.None);
                clock.Stop();
                return new Measurement
                {
                    Seconds = clock.Elapsed.TotalSeconds,
                    Requests = server.Counters.Total,
                    Writes = server.Counters.Count("PUT"),
                    MaxInFlight = server.Counters.MaxInFlight,
                    Errors = sink.Errors,
                    FirstError = sink.FirstError is null ? null : "; first: " + sink.FirstError,
                };
            }).GetAwaiter().GetResult();
        }
    }
}
