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
using ModelLifecycle.Core.Migration;

namespace ModelLifecycle.Bench.Migrate
{
    /// <summary>
    /// Invoke-ModelMigration's Core (MigrationPreflight, then MigrationExecutor) moving every deployment of
    /// a fleet side by side to another model, behind the emulator with added latency: the default throttle
    /// against -ThrottleLimit 1, and the bound that one account's chain of writes sets (writes to one
    /// account go one at a time, accounts in parallel), measured as one account migrated alone.
    /// </summary>
    internal sealed class MigrateScenario : IScenario
    {
        private const string Subscription = "00000000-0000-4000-8000-00000000b001";
        private const string Group = "rg-bench";
        private const string Location = "eastus";

        // A fixed day on which the embedded catalog has gpt-4.1 2025-04-14 generally available and not retiring
        // within 90 days, so every plan is Ready whenever the benchmark runs.
        private static readonly DateTime AsOf = new DateTime(2026, 1, 15);

        public string Name => "migrate";

        public string Description => "Invoke-ModelMigration side by side, 100 deployments / 20 accounts at 50 ms latency: default vs -ThrottleLimit 1 vs one account's chain";

        public int Run(string[] args)
        {
            var a = new BenchArgs(args, "quick");
            var accounts = a.Int("accounts", a.Has("quick") ? 8 : 20);
            var perAccount = a.Int("deployments", 5);
            var latencyMs = a.Int("latency-ms", 50);
            var pollMs = a.Int("poll-ms", latencyMs);
            var throttle = a.Int("throttle", ArmClientOptions.DefaultThrottleLimit);
            var reps = a.Int("reps", 3);

            Console.WriteLine($"migrate: {accounts} accounts x {perAccount} deployments side by side (gpt-4o -> gpt-4.1), {latencyMs} ms per request, poll interval {pollMs} ms");

            // Warm-up (JIT, connections): one small run, not reported.
            Measure(Build(2, 2), throttle, latencyMs, pollMs);

            var runs = Enumerable.Range(0, reps).Select(_ => Measure(Build(accounts, perAccount), throttle, latencyMs, pollMs)).ToList();
            var parallel = runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
            Report($"-ThrottleLimit {throttle}", parallel, $" (median of {reps}: {string.Join(", ", runs.Select(r => r.Seconds.ToString("F2", CultureInfo.InvariantCulture)))})");
            var chains = Enumerable.Range(0, reps).Select(_ => Measure(Build(1, perAccount), throttle, latencyMs, pollMs)).ToList();
            var chain = chains.OrderBy(r => r.Seconds).ElementAt(chains.Count / 2);
            Report("one account alone", chain, $" (median of {reps})");
            var sequential = Measure(Build(accounts, perAccount), 1, latencyMs, pollMs);
            Report("-ThrottleLimit 1", sequential, string.Empty);

            // The bound: one account's chain (its plan reads, then each deployment's GETs, PUT, polls and
            // verifying GET, one after another) measured alone, or the requests spread over the throttle,
            // whichever is longer.
            var byRequests = parallel.Requests * (latencyMs / 1000.0) / throttle;
            var bound = Math.Max(chain.Seconds, byRequests);
            var speedup = sequential.Seconds / parallel.Seconds;
            var toBound = parallel.Seconds / bound;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  bound               : {0,8:F2} s  (one account's chain {1:F2} s; requests / throttle x latency {2:F2} s)", bound, chain.Seconds, byRequests));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "ratio sequential/default = {0:F1}x (target >= 8x); default/bound = {1:F2}x (target <= 1.5x); conflicts surfacing: {2}", speedup, toBound, parallel.ConflictErrors + sequential.ConflictErrors));

            var file = BenchResults.Write(
                a.String("results"),
                "migrate",
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
                    chainSeconds = chain.Seconds,
                    boundSeconds = bound,
                    speedup,
                    defaultOverBound = toBound,
                    conflictsSurfacing = parallel.ConflictErrors + sequential.ConflictErrors,
                });
            Console.WriteLine($"results: {file}");

            var ok = new[] { parallel, sequential, chain }.All(m => m.Errors == 0 && m.Succeeded == m.Plans);
            return ok ? 0 : 1;
        }

        private static void Report(string what, Measurement m, string extra) =>
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  {0,-20}: {1,8:F2} s  ({2} migrated of {3}, {4} requests, {5} PUT, max {6} in flight, {7} conflicts met, {8} errors{9}){10}",
                what, m.Seconds, m.Succeeded, m.Plans, m.Requests, m.Puts, m.MaxInFlight, m.ConflictsMet, m.Errors, m.FirstError, extra));

        /// <summary>Accounts of <paramref name="perAccount"/> gpt-4o GlobalStandard deployments each, with gpt-4.1 offered and roomy quota.</summary>
        private static Fleet Build(int accounts, int perAccount)
        {
            var fleet = new Fleet();
            var group = fleet.AddSubscription(Subscription, "Bench", "00000000-0000-4000-8000-00000000000f").AddResourceGroup(Group, Location);
            for (int i = 0; i < accounts; i++)
            {
                var account = group.AddAccount("acct-" + i.ToString("D3", CultureInfo.InvariantCulture));
                for (int d = 0; d < perAccount; d++)
                {
                    var deployment = account.AddDeployment("chat-" + d.ToString(CultureInfo.InvariantCulture), "gpt-4o", "2024-08-06", "GlobalStandard", 10, UpgradeOptionNames.OnceNewDefaultVersionAvailable);
                    deployment.Properties["raiPolicyName"] = "Microsoft.DefaultV2";
                }
            }

            fleet.Location(Location)
                .AddModel(ModelItem.Create("gpt-4o", "2024-08-06").Lifecycle("GenerallyAvailable").DefaultVersion(true).Sku("GlobalStandard", "OpenAI.GlobalStandard.gpt-4o").ToJson())
                .AddModel(ModelItem.Create("gpt-4.1", "2025-04-14").Lifecycle("GenerallyAvailable").DefaultVersion(true).Sku("GlobalStandard", "OpenAI.GlobalStandard.gpt-4.1").ToJson())
                .AddQuota("OpenAI.GlobalStandard.gpt-4o", 1000000)
                .AddQuota("OpenAI.GlobalStandard.gpt-4.1", 1000000);
            return fleet;
        }

        private sealed class Measurement
        {
            public double Seconds { get; set; }
            public int Plans { get; set; }
            public int Succeeded { get; set; }
            public long Requests { get; set; }
            public long Puts { get; set; }
            public int MaxInFlight { get; set; }
            public int Errors { get; set; }
            public int ConflictErrors { get; set; }
            public int ConflictsMet { get; set; }
            public string? FirstError { get; set; }
        }

        private static Measurement Measure(Fleet fleet, int throttle, int latencyMs, int pollMs)
        {
            return Task.Run(async () =>
            {
                await using var server = await ArmEmulatorServer.StartAsync(fleet, new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(latencyMs), LroInProgressPolls = 1 });
                var sink = new CountingSink();
                using var arm = new ArmClient(new BenchAzureSession(server.BaseUri, Subscription), new ArmClientOptions { ThrottleLimit = throttle, MinimumPollInterval = TimeSpan.FromMilliseconds(pollMs) }, sink);
                var requests = fleet.Subscriptions.SelectMany(s => s.ResourceGroups.SelectMany(g => g.Accounts.SelectMany(acc => acc.Deployments.Select(d =>
                    new MigrationRequest(
                        new Deployment
                        {
                            Name = d.Name,
                            SubscriptionId = s.SubscriptionId,
                            ResourceGroupName = g.Name,
                            AccountName = acc.Name,
                            ResourceId = AzureResourceId.ForDeployment(s.SubscriptionId, g.Name, acc.Name, d.Name).DeploymentId,
                        },
                        AsOf)
                    {
                        TargetModel = "gpt-4.1",
                        TargetVersion = "2025-04-14",
                    })))).ToList();
                var results = new List<MigrationResult>();
                server.Counters.Reset();
                var clock = Stopwatch.StartNew();

                // As the cmdlet does: every plan at once (reads shared per account and location), then the executor.
                var preflight = new MigrationPreflight(arm, EmbeddedCatalog.Catalog, sink);
                var plans = await Task.WhenAll(requests.Select(r => preflight.PlanAsync(r, CancellationToken.None)));
                var executor = new MigrationExecutor(arm, sink, _ => Task.FromResult(true), new MigrationExecutionOptions { Force = true });
                await executor.RunAsync(plans, r => { lock (results) { results.Add(r); } }, CancellationToken.None);
                clock.Stop();
                return new Measurement
                {
                    Seconds = clock.Elapsed.TotalSeconds,
                    Plans = plans.Length,
                    Succeeded = results.Count(r => r.StatusValue == MigrationStatus.Succeeded),
                    Requests = server.Counters.Total,
                    Puts = server.Counters.Count("PUT"),
                    MaxInFlight = server.Counters.MaxInFlight,
                    Errors = sink.Errors,
                    ConflictErrors = sink.ConflictErrors,
                    ConflictsMet = sink.ConflictsMet,
                    FirstError = sink.FirstError is null ? null : "; first: " + sink.FirstError,
                };
            }).GetAwaiter().GetResult();
        }
    }
}
