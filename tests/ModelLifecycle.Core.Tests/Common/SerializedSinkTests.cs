using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Migration;
using ModelLifecycle.Core.Policy;
using ModelLifecycle.Core.Tests.Arm;
using ModelLifecycle.Core.Tests.Migration;
using ModelLifecycle.Core.Tests.TestSupport;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Common
{
    /// <summary>
    /// The Core's one threading rule: a host sees one call at a time, sink calls and result callbacks
    /// alike, from every service that shares its sink, so no host sink needs to be thread-safe.
    /// </summary>
    public sealed class SerializedSinkTests
    {
        private const string Production = "a1b2c3d4-0000-4000-8000-000000000001";

        [Fact]
        public void There_is_one_serialized_view_per_sink()
        {
            var host = new OverlapDetectingSink();
            var serialized = SerializedSink.For(host);

            Assert.Same(serialized, SerializedSink.For(host));
            Assert.Same(serialized, SerializedSink.For(serialized));
            Assert.NotSame(serialized, SerializedSink.For(new OverlapDetectingSink()));
            Assert.Same(SerializedSink.For(null), SerializedSink.For(NullOperationSink.Instance));
        }

        [Fact]
        public async Task A_decorator_and_the_host_sink_it_wraps_reach_the_host_one_call_at_a_time()
        {
            // Test-DeploymentUpgradePolicy gives the ARM client its own sink and the assessor a tallying one over it.
            var host = new OverlapDetectingSink();
            var tallying = new TallyingSink(host, new AssessmentTally());
            var views = new IOperationSink[] { SerializedSink.For(host), SerializedSink.For(tallying) };

            await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(() =>
            {
                for (var i = 0; i < 20; i++)
                {
                    views[(w + i) % 2].WriteVerbose($"{w}/{i}");
                }
            })));

            Assert.Equal(160, host.Calls);
            Assert.Equal(0, host.Overlaps);
        }

        [Fact]
        public async Task Services_sharing_one_sink_never_call_it_or_their_callbacks_at_once()
        {
            // The transport, the scanner, the live catalog and the assessor (assessing a fleet with -Live) and the
            // option writer (writing to several accounts at once) all report to one sink that is not thread-safe.
            string path = Path.Combine(RepoPaths.Root!, "tests", "ArmEmulator", "fleets", "sample-fleet.json");
            var fleet = Fleet.Load(path);
            var accounts = fleet.Subscriptions.Where(s => s.SubscriptionId == Production)
                .SelectMany(s => s.ResourceGroups.SelectMany(g => g.Accounts.Select(a => (Group: g.Name, Account: a))))
                .ToList();
            var toWrite = accounts
                .SelectMany(x => x.Account.Deployments.Take(2).Select(d => AzureResourceId.ForDeployment(Production, x.Group, x.Account.Name, d.Name)))
                .ToList();
            int deployments = accounts.Sum(x => x.Account.Deployments.Count);
            Assert.True(accounts.Count > 1 && toWrite.Count > 2, "the sample fleet has several accounts to read and write at once");

            await using var h = await ArmHarness.StartAsync(fleet, subscriptionId: Production);
            var host = new OverlapDetectingSink();
            var options = ArmHarness.FastOptions();
            options.ThrottleLimit = 8;
            using var client = new ArmClient(h.Session, options, host);
            var evaluation = new EvaluationOptions(Date("2026-08-01"), 90);

            var assessed = 0;
            var written = 0;
            var assessor = new FleetAssessor(client, Embedded, evaluation, host);
            var writer = new UpgradeOptionWriter(client, Embedded, evaluation, host, (target, action) => Task.FromResult(true));
            await Task.WhenAll(
                Task.Run(() => assessor.AssessAsync(DeploymentSelection.Discover(null), ModelData.Live, Production, a => host.Callback(ref assessed), CancellationToken.None)),
                Task.Run(() => writer.SetAsync(toWrite, "OnceCurrentVersionExpired", c => host.Callback(ref written), CancellationToken.None)));

            Assert.Empty(host.Errors);
            Assert.Equal(deployments, assessed);
            Assert.Equal(toWrite.Count, written);
            Assert.True(host.Calls > deployments + toWrite.Count, "the transport reported its requests too");
            Assert.Equal(0, host.Overlaps);
        }

        [Fact]
        public async Task The_migration_preflight_and_executor_sharing_one_sink_never_call_it_or_their_callbacks_at_once()
        {
            await using var h = await ArmHarness.StartAsync(MigrationFleets.Build(accounts: 3, extraChats: 2));
            var host = new OverlapDetectingSink();
            var options = ArmHarness.FastOptions();
            options.ThrottleLimit = 8;
            using var client = new ArmClient(h.Session, options, host);
            var accounts = Enumerable.Range(0, 3)
                .Select(i => AzureResourceId.ForAccount(MigrationFleets.Subscription, MigrationFleets.Group, MigrationFleets.AccountName(i)))
                .ToList();

            var planned = 0;
            var plans = await new MigrationPreflight(client, MigrationFleets.Catalog, host).PlanAllAsync(
                DeploymentSelection.Of(accounts.Select(InputItem.ForAccount).ToArray(), null),
                null,
                d => new MigrationRequest(d, Date(MigrationFleets.AsOf)) { TargetModel = "gpt-4.1", TargetVersion = "2025-04-14" },
                p => host.Callback(ref planned),
                CancellationToken.None);
            var done = 0;
            await new MigrationExecutor(client, host, c => Task.FromResult(true), new MigrationExecutionOptions())
                .RunAsync(plans, r => host.Callback(ref done), CancellationToken.None);

            Assert.True(plans.Count > 3, "every account has several deployments to plan and move");
            Assert.Equal(plans.Count, planned);
            Assert.Equal(plans.Count, done);
            Assert.Equal(0, host.Overlaps);
        }

        /// <summary>
        /// A host that is not thread-safe and notices when it is entered by two threads at once. Each call
        /// lingers a moment so that calls which are not serialized do meet.
        /// </summary>
        private sealed class OverlapDetectingSink : IOperationSink
        {
            private int inside;
            private int overlaps;
            private int calls;

            public List<ModelLifecycleException> Errors { get; } = new List<ModelLifecycleException>();

            public int Overlaps => Volatile.Read(ref overlaps);

            public int Calls => Volatile.Read(ref calls);

            public void WriteVerbose(string message) => Enter(null);

            public void WriteDebug(string message) => Enter(null);

            public void WriteWarning(string message) => Enter(null);

            public void WriteProgress(ProgressReport progress) => Enter(null);

            public void WriteError(ModelLifecycleException error) => Enter(() => Errors.Add(error));

            /// <summary>A result callback: counts like the host would, without a lock of its own.</summary>
            public void Callback(ref int count)
            {
                Enter(null);
                count++;
            }

            private void Enter(Action? work)
            {
                if (Interlocked.Increment(ref inside) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Interlocked.Increment(ref calls);
                work?.Invoke();
                Thread.Sleep(1);
                Interlocked.Decrement(ref inside);
            }
        }
    }
}
