using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Migration;
using ModelLifecycle.Core.Tests.Arm;
using ModelLifecycle.Core.Tests.ArmEmulator;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>The preflight: ARM's lists, read through the emulator, make a plan with every check run.</summary>
    public class MigrationPreflightTests
    {
        private static Fleet FleetWithTarget()
        {
            var fleet = new Fleet();
            var group = fleet.AddSubscription(TestFleets.Subscription, "Test One", "00000000-0000-4000-8000-00000000000f").AddResourceGroup(TestFleets.Group, "eastus");
            var account = group.AddAccount(TestFleets.Account);
            account.AddDeployment("chat", "gpt-4o", "2024-08-06", "GlobalStandard", 50, "OnceNewDefaultVersionAvailable");
            account.AddDeployment("chat-gpt-5.1", "whisper", "001", "Standard", 1);
            fleet.Location("eastus")
                .AddModel(ModelItem.Create("gpt-4o", "2024-08-06").Lifecycle("GenerallyAvailable").Sku("GlobalStandard", "OpenAI.GlobalStandard.gpt-4o").ToJson())
                .AddModel(ModelItem.Create("gpt-5.1", "2025-11-13").Lifecycle("GenerallyAvailable").DefaultVersion(true).Sku("GlobalStandard", "OpenAI.GlobalStandard.gpt-5.1").ToJson())
                .AddUsage("OpenAI.GlobalStandard.gpt-5.1", "Tokens Per Minute (thousands) - gpt-5.1", 401, 450);
            return fleet;
        }

        [Fact]
        public async Task A_plan_from_the_emulator_runs_every_check_against_live_data()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(FleetWithTarget());
            // As an Az object arrives: no location.
            var source = new Deployment
            {
                Name = "chat",
                SubscriptionId = TestFleets.Subscription,
                ResourceGroupName = TestFleets.Group,
                AccountName = TestFleets.Account,
                Model = "gpt-4o",
                Version = "2024-08-06",
                DeploymentType = "GlobalStandard",
                Capacity = 50,
            };

            var plan = await new MigrationPreflight(h.Client, Embedded, NullOperationSink.Instance).PlanAsync(new MigrationRequest(source, Date("2026-08-01")) { TargetModel = "gpt-5.1" }, CancellationToken.None);

            Assert.Equal("eastus", plan.Location);
            Assert.Equal("2025-11-13", plan.TargetVersion);
            Assert.Contains("eastus's default version of gpt-5.1 for GlobalStandard", plan.TargetReason);
            Assert.Equal(MigrationMode.SideBySide, plan.ModeValue);
            Assert.Equal("chat-gpt-5.1-2", plan.TargetDeployment); // chat-gpt-5.1 runs whisper
            Assert.Equal(MigrationCheckStatus.Pass, plan.Check("SourceFound")!.StatusValue);
            Assert.Equal(MigrationCheckStatus.Pass, plan.Check("TargetOffered")!.StatusValue);
            Assert.Equal(MigrationCheckStatus.Pass, plan.Check("NameAvailable")!.StatusValue);
            var quota = plan.Check("Quota")!;
            Assert.Equal(MigrationCheckStatus.Fail, quota.StatusValue);
            Assert.Contains("OpenAI.GlobalStandard.gpt-5.1: 401 in use + 50 for the target = 451 of a limit of 450: 1 over", quota.Detail);
            Assert.False(plan.Ready);
        }
    }
}
