using System.Linq;
using ModelLifecycle.Core.Inventory;
using Xunit;

namespace ModelLifecycle.Core.Tests.Inventory
{
    public class DeploymentSelectionTests
    {
        private const string Account = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a";

        private static InputItem[] Items() => new[]
        {
            InputItem.ForAccount(AzureResourceId.Parse(Account)),
            DeploymentReader.Read(Account + "/deployments/bare").Single(),
            InputItem.ForDeployment(new Deployment { Name = "full", Model = "o1", Version = "2024-12-17", ResourceId = Account + "/deployments/full" }),
            InputItem.ForError(new ModelLifecycleException("InputNotADeployment", ErrorKind.InvalidArgument, "x")),
        };

        private static DeploymentSelection FromInput(InputItem[] items) => DeploymentSelection.Of(items, null, null, null, null, null);

        [Fact]
        public void Offline_keeps_full_deployments_and_errors_and_takes_what_needs_Azure()
        {
            var offline = Items().Where(i => !DeploymentSelection.NeedsAzure(i, live: false)).ToArray();
            Assert.Equal(new[] { "full", null }, offline.Select(i => i.Deployment?.Name));
            var selection = FromInput(Items().Where(i => DeploymentSelection.NeedsAzure(i, live: false)).ToArray());
            Assert.Single(selection.Accounts);
            Assert.Equal("bare", Assert.Single(selection.ToScanRequest()!.Deployments!).DeploymentName);
            Assert.Empty(selection.WithDetails);
            Assert.False(selection.IsEmpty);
        }

        [Fact]
        public void Live_sends_full_deployments_to_Azure_too()
        {
            var offline = Items().Where(i => !DeploymentSelection.NeedsAzure(i, live: true)).ToArray();
            Assert.Null(Assert.Single(offline).Deployment);
            var selection = FromInput(Items().Where(i => DeploymentSelection.NeedsAzure(i, live: true)).ToArray());
            Assert.Equal("full", Assert.Single(selection.WithDetails).Name);
        }

        [Fact]
        public void Nothing_given_is_no_Azure_work()
        {
            var selection = FromInput(new InputItem[0]);
            Assert.True(selection.IsEmpty);
            Assert.Null(selection.ToScanRequest());
        }

        [Fact]
        public void Names_select_one_account_in_each_subscription_the_context_s_by_default()
        {
            var inContext = DeploymentSelection.Of(new InputItem[0], null, "ctx", "g", "a", null);
            Assert.Null(inContext.Discovery);
            Assert.Equal("ctx", Assert.Single(inContext.Accounts).SubscriptionId);

            var oneDeployment = DeploymentSelection.Of(new InputItem[0], new[] { "s1", "s2" }, "ctx", "g", "a", "d");
            Assert.Empty(oneDeployment.Accounts);
            Assert.Equal(new[] { "s1", "s2" }, oneDeployment.DeploymentIds.Select(i => i.SubscriptionId));
            Assert.All(oneDeployment.DeploymentIds, i => Assert.Equal("d", i.DeploymentName));
        }

        [Fact]
        public void Every_subscription_discovers_with_the_names_as_filters()
        {
            var selection = DeploymentSelection.Of(new InputItem[0], new[] { "*" }, "ctx", "g", "a", "d");
            var scan = selection.ToScanRequest()!;
            Assert.Equal(new[] { "*" }, scan.SubscriptionIds);
            Assert.Equal(("g", "a", "d"), (scan.ResourceGroupName, scan.AccountName, scan.DeploymentName));
            Assert.Null(scan.Accounts);
            Assert.Null(scan.Deployments);
        }

        [Fact]
        public void Discovery_alone_names_no_filters()
        {
            var scan = DeploymentSelection.Discover(new[] { "s1" }).ToScanRequest()!;
            Assert.Equal(new[] { "s1" }, scan.SubscriptionIds);
            Assert.Null(scan.AccountName);
        }
    }
}
