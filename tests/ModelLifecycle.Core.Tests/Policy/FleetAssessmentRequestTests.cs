using System.Linq;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Policy;
using Xunit;

namespace ModelLifecycle.Core.Tests.Policy
{
    public class FleetAssessmentRequestTests
    {
        private const string Account = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/a";

        private static InputItem[] Items() => new[]
        {
            InputItem.ForAccount(AzureResourceId.Parse(Account)),
            DeploymentReader.Read(Account + "/deployments/bare").Single(),
            InputItem.ForDeployment(new Deployment { Name = "full", Model = "o1", Version = "2024-12-17", ResourceId = Account + "/deployments/full" }),
            InputItem.ForError(new ModelLifecycleException("InputNotADeployment", ErrorKind.InvalidArgument, "x")),
        };

        [Fact]
        public void Offline_keeps_full_deployments_and_errors_and_takes_what_needs_Azure()
        {
            var request = new FleetAssessmentRequest();
            var offline = request.TakeAzureWork(Items());
            Assert.Equal(new[] { "full", null }, offline.Select(i => i.Deployment?.Name));
            Assert.Single(request.Accounts);
            Assert.Equal("bare", Assert.Single(request.DeploymentIds).DeploymentName);
            Assert.Empty(request.Deployments);
            Assert.True(request.HasAzureWork);
        }

        [Fact]
        public void Live_sends_full_deployments_to_Azure_too()
        {
            var request = new FleetAssessmentRequest { Live = true };
            var offline = request.TakeAzureWork(Items());
            Assert.Null(Assert.Single(offline).Deployment);
            Assert.Equal("full", Assert.Single(request.Deployments).Name);
        }

        [Fact]
        public void Nothing_given_is_no_Azure_work()
        {
            var request = new FleetAssessmentRequest();
            Assert.Empty(request.TakeAzureWork(new InputItem[0]));
            Assert.False(request.HasAzureWork);
        }
    }
}
