using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Migration;
using ModelLifecycle.Core.Tests.Arm;
using Newtonsoft.Json.Linq;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>
    /// The path Invoke-ModelMigration takes, against the emulator: a fresh MigrationPreflight per run plans
    /// every request, then MigrationExecutor.RunAsync carries the plans out, asking <see cref="Answer"/>
    /// where the cmdlet would ask ShouldProcess.
    /// </summary>
    internal sealed class MigrationRig : IAsyncDisposable
    {
        private readonly List<MigrationConfirmation> asked = new List<MigrationConfirmation>();

        private MigrationRig(ArmHarness harness)
        {
            H = harness;
        }

        public ArmHarness H { get; }

        public ArmEmulatorServer Server => H.Server;

        public RecordingArmSink Sink => H.Sink;

        /// <summary>What the host answers to each confirmation (true: go ahead).</summary>
        public Func<MigrationConfirmation, bool> Answer { get; set; } = _ => true;

        public IReadOnlyList<MigrationConfirmation> Asked
        {
            get
            {
                lock (asked)
                {
                    return asked.ToList();
                }
            }
        }

        public static async Task<MigrationRig> StartAsync(Fleet? fleet = null, EmulatorOptions? emulator = null, Func<Uri, HttpMessageHandler>? handler = null, Action<Core.Arm.ArmClientOptions>? configure = null) =>
            new MigrationRig(await ArmHarness.StartAsync(fleet ?? MigrationFleets.Build(), emulator, configure, handler));

        /// <summary>A source named as -ResourceGroupName/-AccountName/-Name would give it: no model, only its place.</summary>
        public static MigrationRequest Request(string name, string? targetModel = null, string? targetVersion = null, string account = MigrationFleets.Account, MigrationMode mode = MigrationMode.Auto, int? capacity = null, string? upgradeOption = null, string? newName = null)
        {
            var source = new Deployment
            {
                Name = name,
                SubscriptionId = MigrationFleets.Subscription,
                ResourceGroupName = MigrationFleets.Group,
                AccountName = account,
                ResourceId = AzureResourceId.ForDeployment(MigrationFleets.Subscription, MigrationFleets.Group, account, name).DeploymentId,
            };
            return new MigrationRequest(source, Date(MigrationFleets.AsOf))
            {
                TargetModel = targetModel,
                TargetVersion = targetVersion,
                Mode = mode,
                Capacity = capacity,
                UpgradeOption = upgradeOption,
                NewDeploymentName = newName,
            };
        }

        public async Task<List<MigrationPlan>> PlanAsync(IEnumerable<MigrationRequest> requests, CancellationToken token = default)
        {
            var preflight = new MigrationPreflight(H.Client, MigrationFleets.Catalog, Sink);
            var plans = await Task.WhenAll(requests.Select(r => preflight.PlanAsync(r, token)));
            return plans.ToList();
        }

        public async Task<List<MigrationResult>> RunAsync(IReadOnlyCollection<MigrationPlan> plans, bool removeSource = false, bool force = false, CancellationToken token = default)
        {
            var executor = new MigrationExecutor(H.Client, Sink, Confirm, new MigrationExecutionOptions { RemoveSource = removeSource, Force = force });
            var results = new List<MigrationResult>();
            await executor.RunAsync(plans, r => { lock (results) { results.Add(r); } }, token);
            return results;
        }

        /// <summary>Plans one request and carries it out, as one Invoke-ModelMigration run.</summary>
        public async Task<MigrationResult> MigrateAsync(MigrationRequest request, bool removeSource = false, bool force = false, CancellationToken token = default)
        {
            var plans = await PlanAsync(new[] { request }, token);
            return Xunit.Assert.Single(await RunAsync(plans, removeSource, force, token));
        }

        public JObject? Stored(string name, string account = MigrationFleets.Account) =>
            Server.State.FindDeployment(MigrationFleets.Subscription, MigrationFleets.Group, account, name);

        /// <summary>A deployment body without what every write changes (etag, systemData, provisioningState).</summary>
        public static JObject? WithoutStamps(JObject? d)
        {
            if (d is null)
            {
                return null;
            }

            var copy = (JObject)d.DeepClone();
            copy.Remove("etag");
            copy.Remove("systemData");
            (copy["properties"] as JObject)?.Remove("provisioningState");
            return copy;
        }

        public ValueTask DisposeAsync() => H.DisposeAsync();

        private Task<bool> Confirm(MigrationConfirmation c)
        {
            lock (asked)
            {
                asked.Add(c);
            }

            return Task.FromResult(Answer(c));
        }
    }
}
