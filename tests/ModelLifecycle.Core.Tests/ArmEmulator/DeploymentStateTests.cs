using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.ArmEmulator.TestFleets;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>A write is visible to the next read, and a whole-body PUT keeps exactly what was sent.</summary>
    public sealed class DeploymentStateTests
    {
        [Fact]
        public async Task Get_returns_every_seeded_property_including_unknown_ones()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            JObject chat = (await http.GetAsync(DeploymentPath("chat"))).Json;

            Assert.Equal("chat-overflow", (string?)chat["properties"]!["spilloverDeploymentName"]);
            Assert.Equal("Priority", (string?)chat["properties"]!["serviceTier"]);
            Assert.Equal(3, (int?)chat["properties"]!["futureKnob"]!["level"]);
            Assert.Equal("team-a", (string?)chat["tags"]!["owner"]);
            Assert.Equal("Succeeded", (string?)chat["properties"]!["provisioningState"]);
            Assert.Equal("Microsoft.CognitiveServices/accounts/deployments", (string?)chat["type"]);
        }

        [Fact]
        public async Task Put_then_get_shows_the_write_with_unknown_properties_kept_and_absent_ones_dropped()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);
            JObject before = (await http.GetAsync(DeploymentPath("chat"))).Json;

            // The client keeps the invented property but loses spilloverDeploymentName and tags.
            var body = new JObject
            {
                ["sku"] = new JObject { ["name"] = "GlobalStandard", ["capacity"] = 80 },
                ["properties"] = new JObject
                {
                    ["model"] = new JObject { ["format"] = "OpenAI", ["name"] = "gpt-4o", ["version"] = "2024-08-06" },
                    ["versionUpgradeOption"] = "NoAutoUpgrade",
                    ["serviceTier"] = "Priority",
                    ["futureKnob"] = new JObject { ["level"] = 4 },
                },
            };
            EmulatorHttp.Reply put = await http.SendAsync(HttpMethod.Put, DeploymentPath("chat"), body);
            Assert.Equal(HttpStatusCode.OK, put.Status);
            Assert.Equal("Accepted", (string?)put.Json["properties"]!["provisioningState"]);

            JObject after = (await http.GetAsync(DeploymentPath("chat"))).Json;
            JToken properties = after["properties"]!;
            Assert.Equal(80, (int?)after["sku"]!["capacity"]);
            Assert.Equal("NoAutoUpgrade", (string?)properties["versionUpgradeOption"]);
            Assert.Equal(4, (int?)properties["futureKnob"]!["level"]);
            Assert.Null(properties["futureKnob"]!["modes"]);
            Assert.Null(properties["spilloverDeploymentName"]);
            Assert.Null(properties["deploymentState"]);
            Assert.Null(after["tags"]);

            // Read-only members are the server's and come back although the client did not send them.
            Assert.Equal("true", (string?)properties["capabilities"]!["chatCompletion"]);
            Assert.NotNull(properties["rateLimits"]);
            Assert.NotEqual((string?)before["etag"], (string?)after["etag"]);
            Assert.Equal((string?)before["systemData"]!["createdAt"], (string?)after["systemData"]!["createdAt"]);
        }

        [Fact]
        public async Task Put_of_a_new_deployment_answers_201_and_runs_Accepted_then_Succeeded()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small(), new EmulatorOptions { LroInProgressPolls = 2, RetryAfterSeconds = 3 });
            using EmulatorHttp http = EmulatorHttp.For(server);
            var body = new JObject
            {
                ["sku"] = new JObject { ["name"] = "GlobalStandard", ["capacity"] = 5 },
                ["properties"] = new JObject { ["model"] = new JObject { ["format"] = "OpenAI", ["name"] = "gpt-4.1" } },
            };

            EmulatorHttp.Reply created = await http.SendAsync(HttpMethod.Put, DeploymentPath("New-One"), body);

            Assert.Equal(HttpStatusCode.Created, created.Status);
            Assert.Equal("3", created.Header("Retry-After"));
            string status = new System.Uri(created.Header("Azure-AsyncOperation")!).PathAndQuery;
            Assert.Contains("api-version=2026-05-01", status, System.StringComparison.Ordinal);
            Assert.Equal("Accepted", (string?)(await http.GetAsync(DeploymentPath("new-one"))).Json["properties"]!["provisioningState"]);
            Assert.Equal("InProgress", (string?)(await http.GetAsync(status)).Json["status"]);
            Assert.Equal("InProgress", (string?)(await http.GetAsync(status)).Json["status"]);
            JObject done = (await http.GetAsync(status)).Json;
            Assert.Equal("Succeeded", (string?)done["status"]);
            Assert.NotNull(done["endTime"]);

            JObject deployment = (await http.GetAsync(DeploymentPath("NEW-ONE"))).Json;
            Assert.Equal("New-One", (string?)deployment["name"]);
            Assert.Equal("Succeeded", (string?)deployment["properties"]!["provisioningState"]);

            // No version given: the location's default version is assigned, and capabilities come from the catalog.
            Assert.Equal("2025-04-14", (string?)deployment["properties"]!["model"]!["version"]);
            Assert.Equal("true", (string?)deployment["properties"]!["capabilities"]!["responses"]);
        }

        [Fact]
        public async Task An_operation_can_finish_by_time_instead_of_polls()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small(), new EmulatorOptions { LroInProgressPolls = -1, LroDuration = System.TimeSpan.FromMilliseconds(300) });
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply accepted = await http.SendAsync(HttpMethod.Patch, DeploymentPath("embed"), new JObject { ["sku"] = new JObject { ["capacity"] = 30 } });
            Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
            Assert.Equal("InProgress", (string?)(await http.GetAsync(new System.Uri(accepted.Header("Azure-AsyncOperation")!).PathAndQuery)).Json["status"]);

            await Task.Delay(400);
            JObject embed = (await http.GetAsync(DeploymentPath("embed"))).Json;
            Assert.Equal("Succeeded", (string?)embed["properties"]!["provisioningState"]);
            Assert.Equal(30, (int?)embed["sku"]!["capacity"]);
            Assert.Equal("Standard", (string?)embed["sku"]!["name"]);
        }

        [Fact]
        public async Task Delete_answers_202_with_Location_and_the_deployment_is_gone_when_done()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply accepted = await http.SendAsync(HttpMethod.Delete, DeploymentPath("embed"));
            Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
            Assert.Equal("Deleting", (string?)(await http.GetAsync(DeploymentPath("embed"))).Json["properties"]!["provisioningState"]);

            string location = new System.Uri(accepted.Header("Location")!).PathAndQuery;
            Assert.Equal(HttpStatusCode.Accepted, (await http.GetAsync(location)).Status);
            Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync(location)).Status);

            EmulatorHttp.Reply gone = await http.GetAsync(DeploymentPath("embed"));
            Assert.Equal(HttpStatusCode.NotFound, gone.Status);
            Assert.Equal("DeploymentNotFound", gone.ErrorCode);
            Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(HttpMethod.Delete, DeploymentPath("embed"))).Status);
        }

        [Fact]
        public async Task An_older_api_version_hides_newer_properties()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);
            string path = $"{AccountPath()}/deployments/chat?api-version=2023-05-01";

            JObject old = (await http.GetAsync(path)).Json;

            Assert.Null(old["properties"]!["spilloverDeploymentName"]);
            Assert.Null(old["properties"]!["serviceTier"]);
            Assert.Null(old["properties"]!["capacitySettings"]);
            Assert.Null(old["tags"]);
            Assert.Equal("OnceNewDefaultVersionAvailable", (string?)old["properties"]!["versionUpgradeOption"]);
            Assert.NotNull((await http.GetAsync(DeploymentPath("chat"))).Json["properties"]!["spilloverDeploymentName"]);
        }

        [Fact]
        public async Task Pause_and_resume_change_deploymentState()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply paused = await http.SendAsync(HttpMethod.Post, $"{AccountPath()}/deployments/chat/pause?{Api}");

            Assert.Equal(HttpStatusCode.OK, paused.Status);
            Assert.Equal("Paused", (string?)paused.Json["properties"]!["deploymentState"]);
            Assert.Equal("Paused", (string?)server.State.FindDeployment(Subscription, Group, Account, "chat")!["properties"]!["deploymentState"]);
            EmulatorHttp.Reply resumed = await http.SendAsync(HttpMethod.Post, $"{AccountPath()}/deployments/chat/resume?{Api}");
            Assert.Equal("Running", (string?)resumed.Json["properties"]!["deploymentState"]);
        }

        [Fact]
        public async Task Put_without_a_model_or_with_broken_json_is_a_400()
        {
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(Small());
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply noModel = await http.SendAsync(HttpMethod.Put, DeploymentPath("x"), new JObject { ["properties"] = new JObject() });
            Assert.Equal(HttpStatusCode.BadRequest, noModel.Status);
            Assert.Equal("InvalidResourceProperties", noModel.ErrorCode);

            using var broken = new HttpRequestMessage(HttpMethod.Put, DeploymentPath("x")) { Content = new StringContent("{\"properties\": ", System.Text.Encoding.UTF8, "application/json") };
            using HttpResponseMessage response = await http.Client.SendAsync(broken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("InvalidRequestContent", await response.Content.ReadAsStringAsync(), System.StringComparison.Ordinal);
            Assert.Null(server.State.FindDeployment(Subscription, Group, Account, "x"));
        }
    }
}
