using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.ArmEmulator.TestFleets;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>ARM runs one operation per account; a second write meanwhile is a 409 RequestConflict.</summary>
    public sealed class ConflictTests
    {
        private static readonly JObject CapacityPatch = new JObject { ["sku"] = new JObject { ["capacity"] = 60 } };

        [Fact]
        public async Task A_write_to_any_deployment_of_a_busy_account_is_refused_until_the_operation_ends()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);
            EmulatorHttp.Reply first = await http.SendAsync(HttpMethod.Patch, DeploymentPath("chat"), CapacityPatch);
            Assert.Equal(HttpStatusCode.Accepted, first.Status);

            EmulatorHttp.Reply second = await http.SendAsync(HttpMethod.Patch, DeploymentPath("embed"), CapacityPatch);
            Assert.Equal(HttpStatusCode.Conflict, second.Status);
            Assert.Equal("RequestConflict", second.ErrorCode);
            Assert.Equal(
                $"Another operation is being performed on the parent resource '{AccountPath()}'. Please try again later.",
                (string?)second.Json["error"]!["message"]);
            Assert.Equal(HttpStatusCode.Conflict, (await http.SendAsync(HttpMethod.Delete, DeploymentPath("embed"))).Status);

            // Another account is not affected.
            Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(HttpMethod.Patch, DeploymentPath("d1", SecondAccount), CapacityPatch)).Status);

            await http.WaitForStatusAsync(first);
            Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(HttpMethod.Patch, DeploymentPath("embed"), CapacityPatch)).Status);
        }

        [Fact]
        public async Task Of_two_concurrent_puts_on_one_account_exactly_one_wins()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);
            JObject body = (await http.GetAsync(DeploymentPath("embed"))).Json;

            Task<EmulatorHttp.Reply>[] puts =
            {
                http.SendAsync(HttpMethod.Put, DeploymentPath("embed"), body),
                http.SendAsync(HttpMethod.Put, DeploymentPath("other"), body),
            };
            EmulatorHttp.Reply[] replies = await Task.WhenAll(puts);

            Assert.Single(replies, r => r.Status == HttpStatusCode.Conflict);
            Assert.Single(replies, r => r.Status is HttpStatusCode.OK or HttpStatusCode.Created);
        }
    }
}
