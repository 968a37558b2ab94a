using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Migration;
using Xunit;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>What Invoke-ModelMigration hands the preflight: sources and accounts, planned together.</summary>
    public sealed class MigrationPlanAllTests
    {
        private static DeploymentSelection Selection(InputItem[] input, NamedDeployments? named = null) => DeploymentSelection.Of(input, named);

        private static MigrationRequest For(Deployment d) => new MigrationRequest(d, MigrationRig.Request(d.Name).AsOf) { TargetModel = "gpt-4.1", TargetVersion = "2025-04-14" };

        [Fact]
        public async Task An_account_is_every_deployment_of_it_in_order_and_its_list_is_read_once()
        {
            await using var rig = await MigrationRig.StartAsync(MigrationFleets.Build(accounts: 2, extraChats: 2));
            var given = MigrationRig.Request("chat-2", account: MigrationFleets.AccountName(1)).Source;
            var account = AzureResourceId.ForAccount(MigrationFleets.Subscription, MigrationFleets.Group, MigrationFleets.AccountName(0));
            var seen = new List<MigrationPlan>();

            var plans = await new MigrationPreflight(rig.H.Client, MigrationFleets.Catalog, rig.Sink)
                .PlanAllAsync(Selection(new[] { InputItem.ForDeployment(given), InputItem.ForAccount(account) }), null, For, p => { lock (seen) { seen.Add(p); } }, CancellationToken.None);

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

            var e = await Assert.ThrowsAsync<ModelLifecycleException>(() => preflight.PlanAllAsync(Selection(new[] { InputItem.ForDeployment(source), InputItem.ForAccount(account) }), null, For, _ => { }, CancellationToken.None));
            Assert.Equal("AccountNeedsAzure", e.ErrorId);

            var plans = await preflight.PlanAllAsync(Selection(new[] { InputItem.ForDeployment(source) }), null, d => { var r = For(d); r.Offline = true; return r; }, _ => { }, CancellationToken.None);
            Assert.Equal(MigrationCheckStatus.Skipped, Assert.Single(plans).Check(MigrationCheckNames.Quota)!.StatusValue);
        }

        [Fact]
        public async Task Names_select_the_account_in_the_context_subscription_or_one_deployment_of_it()
        {
            await using var rig = await MigrationRig.StartAsync(MigrationFleets.Build(accounts: 2, extraChats: 2));
            var preflight = new MigrationPreflight(rig.H.Client, MigrationFleets.Catalog, rig.Sink);

            var account = await preflight.PlanAllAsync(
                Selection(new InputItem[0], new NamedDeployments(MigrationFleets.Group, MigrationFleets.AccountName(0))), MigrationFleets.Subscription, For, _ => { }, CancellationToken.None);
            Assert.Equal(new[] { "chat", "ptu", "chat-1", "chat-2" }, account.Select(p => p.SourceDeployment));

            var one = await preflight.PlanAllAsync(
                Selection(new InputItem[0], new NamedDeployments(MigrationFleets.Group, MigrationFleets.AccountName(1), "chat-1", new[] { MigrationFleets.Subscription })), null, For, _ => { }, CancellationToken.None);
            var plan = Assert.Single(one);
            Assert.Equal(("chat-1", MigrationFleets.AccountName(1)), (plan.SourceDeployment, plan.AccountName));
            Assert.Empty(rig.Sink.Errors);
        }

        [Fact]
        public async Task Every_subscription_and_names_without_Azure_are_refused_before_any_read()
        {
            var offline = new MigrationPreflight(null, MigrationFleets.Catalog, NullOperationSink.Instance);
            var named = Selection(new InputItem[0], new NamedDeployments(MigrationFleets.Group, MigrationFleets.Account, "chat", new[] { MigrationFleets.Subscription }));
            Assert.Equal("AccountNeedsAzure", (await Assert.ThrowsAsync<ModelLifecycleException>(() => offline.PlanAllAsync(named, null, For, _ => { }, CancellationToken.None))).ErrorId);

            var everywhere = Selection(new InputItem[0], new NamedDeployments(MigrationFleets.Group, MigrationFleets.Account, null, new[] { "*" }));
            Assert.Equal("MigrationSubscriptionRequired", (await Assert.ThrowsAsync<ModelLifecycleException>(() => offline.PlanAllAsync(everywhere, null, For, _ => { }, CancellationToken.None))).ErrorId);
        }
    }
}
