using System.Linq;
using ModelLifecycle.Core.Catalog;
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

        private static DeploymentSelection FromInput(InputItem[] items) => DeploymentSelection.Of(items);

        [Fact]
        public void Offline_keeps_full_deployments_and_errors_and_takes_what_needs_Azure()
        {
            var offline = Items().Where(i => !DeploymentSelection.NeedsAzure(i, ModelData.Catalog)).ToArray();
            Assert.Equal(new[] { "full", null }, offline.Select(i => i.Deployment?.Name));
            var selection = FromInput(Items().Where(i => DeploymentSelection.NeedsAzure(i, ModelData.Catalog)).ToArray());
            Assert.Single(selection.Accounts);
            Assert.Equal("bare", Assert.Single(selection.ToScanRequest("ctx")!.Deployments!).DeploymentName);
            Assert.Empty(selection.WithDetails);
            Assert.False(selection.IsEmpty);
        }

        [Fact]
        public void Live_sends_full_deployments_to_Azure_too()
        {
            var offline = Items().Where(i => !DeploymentSelection.NeedsAzure(i, ModelData.Live)).ToArray();
            Assert.Null(Assert.Single(offline).Deployment);
            var selection = FromInput(Items().Where(i => DeploymentSelection.NeedsAzure(i, ModelData.Live)).ToArray());
            Assert.Equal("full", Assert.Single(selection.WithDetails).Name);
        }

        [Fact]
        public void Nothing_given_is_no_Azure_work()
        {
            var selection = FromInput(new InputItem[0]);
            Assert.True(selection.IsEmpty);
            Assert.Null(selection.ToScanRequest("ctx"));
        }

        [Fact]
        public void Names_select_one_account_in_each_subscription_the_context_s_by_default()
        {
            var inContext = DeploymentSelection.Of(new InputItem[0], new NamedDeployments("g", "a"));
            Assert.Null(inContext.Discovery);
            Assert.Equal("ctx", Assert.Single(inContext.AccountIds("ctx")).SubscriptionId);

            var oneDeployment = DeploymentSelection.Of(new InputItem[0], new NamedDeployments("g", "a", "d", new[] { "s1", "s2" }));
            Assert.Empty(oneDeployment.AccountIds("ctx"));
            Assert.Equal(new[] { "s1", "s2" }, oneDeployment.DeploymentIds("ctx").Select(i => i.SubscriptionId));
            Assert.All(oneDeployment.DeploymentIds("ctx"), i => Assert.Equal("d", i.DeploymentName));
        }

        [Fact]
        public void Every_subscription_discovers_with_the_names_as_filters()
        {
            var selection = DeploymentSelection.Of(new InputItem[0], new NamedDeployments("g", "a", "d", new[] { "*" }));
            var scan = selection.ToScanRequest("ctx")!;
            Assert.Equal(new[] { "*" }, scan.SubscriptionIds);
            Assert.Equal(("g", "a", "d"), (scan.ResourceGroupName, scan.AccountName, scan.DeploymentName));
            Assert.Null(scan.Accounts);
            Assert.Null(scan.Deployments);
        }

        [Fact]
        public void Discovery_alone_names_no_filters()
        {
            var scan = DeploymentSelection.Discover(new[] { "s1" }).ToScanRequest("ctx")!;
            Assert.Equal(new[] { "s1" }, scan.SubscriptionIds);
            Assert.Null(scan.AccountName);
        }

        [Fact]
        public void The_selection_is_built_before_any_sign_in_and_the_context_subscription_is_asked_for_only_when_no_subscription_was_named()
        {
            var named = DeploymentSelection.Of(new InputItem[0], new NamedDeployments("g", "a", null, new[] { "s1" }));
            Assert.Equal("s1", Assert.Single(named.AccountIds(null)).SubscriptionId);

            var unplaced = DeploymentSelection.Of(new InputItem[0], new NamedDeployments("g", "a"));
            Assert.False(unplaced.IsEmpty);
            Assert.Equal("SubscriptionUnknown", Assert.Throws<ModelLifecycleException>(() => unplaced.ToScanRequest(null)).ErrorId);
        }

        [Fact]
        public void Input_accounts_come_before_the_named_account()
        {
            var selection = DeploymentSelection.Of(Items(), new NamedDeployments("g2", "a2"));
            Assert.Equal(new[] { "a", "a2" }, selection.AccountIds("ctx").Select(i => i.AccountName));
            Assert.Equal(new[] { "a", "a2" }, selection.ToScanRequest("ctx")!.Accounts!.Select(i => i.AccountName));
        }

        [Theory]
        [InlineData("piped one", true)]
        [InlineData("piped two", false)]
        [InlineData("piped account", false)]
        [InlineData("named deployment", true)]
        [InlineData("named deployment in two subscriptions", false)]
        [InlineData("named account", false)]
        [InlineData("named in every subscription", false)]
        public void Whether_exactly_one_deployment_is_selected(string what, bool one)
        {
            var full = Items()[2];
            var selection = what switch
            {
                "piped one" => DeploymentSelection.Of(new[] { full }),
                "piped two" => DeploymentSelection.Of(new[] { full, full }),
                "piped account" => DeploymentSelection.Of(new[] { full, Items()[0] }),
                "named deployment" => DeploymentSelection.Of(new InputItem[0], new NamedDeployments("g", "a", "d", new[] { "s1" })),
                "named deployment in two subscriptions" => DeploymentSelection.Of(new InputItem[0], new NamedDeployments("g", "a", "d", new[] { "s1", "s2" })),
                "named account" => DeploymentSelection.Of(new InputItem[0], new NamedDeployments("g", "a")),
                _ => DeploymentSelection.Of(new InputItem[0], new NamedDeployments("g", "a", "d", new[] { "*" })),
            };
            Assert.Equal(one, selection.NamesOneDeployment);
        }
    }
}
