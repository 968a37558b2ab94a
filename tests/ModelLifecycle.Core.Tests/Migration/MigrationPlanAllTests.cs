using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Migration;
using Xunit;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>What Invoke-ModelMigration hands the preflight: sources and accounts, planned together.</summary>
    public sealed class MigrationPlanAllTests
    {
        private static MigrationRequest For(Deployment d) => new MigrationRequest(d, MigrationRig.Request(d.Name).AsOf) { TargetModel = "gpt-4.1", TargetVersion = "2025-04-14" };

        [Fact]
        public async Task An_account_is_every_deployment_of_it_in_order_and_its_list_is_read_once()
        {
            await using var rig = await MigrationRig.StartAsync(MigrationFleets.Build(accounts: 2, extraChats: 2));
            var given = MigrationRig.Request("chat-2", account: MigrationFleets.AccountName(1)).Source;
            var account = AzureResourceId.ForAccount(MigrationFleets.Subscription, MigrationFleets.Group, MigrationFleets.AccountName(0));
            var seen = new List<MigrationPlan>();

            var plans = await new MigrationPreflight(rig.H.Client, MigrationFleets.Catalog, rig.Sink)
                .PlanAllAsync(new[] { given }, new[] { account }, For, p => { lock (seen) { seen.Add(p); } }, CancellationToken.None);

            Assert.Equal(
                new[] { "chat-2", "chat", "ptu", "chat-1", "chat-2" },
                plans.Select(p => p.SourceDeployment));
            Assert.Equal(MigrationFleets.AccountName(1), plans[0].AccountName);
            Assert.All(plans.Skip(1), p => Assert.Equal(MigrationFleets.AccountName(0), p.AccountName));
            Assert.Equal(plans.Count, seen.Count);
            Assert.Equal(1, rig.Server.Counters.Count("GET", MigrationFleets.AccountName(0) + "/deployments"));
            Assert.Empty(rig.Sink.Errors);
            Assert.True(rig.Sink.Progress.Last().IsComplete);
        }

        [Fact]
        public async Task Offline_an_account_is_refused_and_sources_are_planned_from_the_catalog()
        {
            var preflight = new MigrationPreflight(null, MigrationFleets.Catalog, NullOperationSink.Instance);
            var account = AzureResourceId.ForAccount(MigrationFleets.Subscription, MigrationFleets.Group, MigrationFleets.Account);
            var source = MigrationRig.Request("chat").Source;
            source.Model = "gpt-4o";
            source.Version = "2024-08-06";

            var e = await Assert.ThrowsAsync<ModelLifecycleException>(() => preflight.PlanAllAsync(new[] { source }, new[] { account }, For, _ => { }, CancellationToken.None));
            Assert.Equal("AccountNeedsAzure", e.ErrorId);

            var plans = await preflight.PlanAllAsync(new[] { source }, new AzureResourceId[0], d => { var r = For(d); r.Offline = true; return r; }, _ => { }, CancellationToken.None);
            Assert.Equal(MigrationCheckStatus.Skipped, Assert.Single(plans).Check(MigrationCheckNames.Quota)!.StatusValue);
        }
    }
}
