using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Tests.TestSupport;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>
    /// For each official example: seed the emulator with the example's data, send the example's
    /// request, and require the example's status and shape. ARM's examples leave out etag and
    /// systemData, which real responses carry, so those two may be extra; example ids of deployments
    /// use placeholders ("subscriptionId"), so their values are not compared.
    /// </summary>
    public sealed class ConformanceTests
    {
        private static readonly JsonShape DeploymentShape = new JsonShape().AllowExtra("etag", "systemData").IgnoreValuesOf("id");

        /// <summary>Every example file must have a test below; a new file fails here until one is written.</summary>
        [RequiresArmExamplesFact]
        public void Every_example_file_has_a_conformance_test()
        {
            var covered = new HashSet<string>(StringComparer.Ordinal)
            {
                "2024-10-01_ListAccountsBySubscription.json",
                "2026-03-01_ListUsages.json",
                "2026-03-01_PutDeployment.json",
                "2026-03-01_UpdateDeployment.json",
                "2026-05-01_GetDeployment.json",
                "2026-05-01_ListDeployments.json",
                "2026-05-01_ListLocationModels.json",
                "2026-05-01_ListModelCapacities.json",
            };
            string[] files = Directory.GetFiles(RepoPaths.ArmExamples!, "*.json").Select(Path.GetFileName).Select(f => f!).ToArray();
            Assert.NotEmpty(files);
            Assert.All(files, file => Assert.Contains(file, covered));
        }

        [RequiresArmExamplesFact]
        public async Task ListAccountsBySubscription_matches_the_example()
        {
            ArmExample example = ArmExample.Load("2024-10-01_ListAccountsBySubscription.json");
            string subscriptionId = example.Parameter("subscriptionId");
            var fleet = new Fleet();
            FleetSubscription subscription = fleet.AddSubscription(subscriptionId, "Example", Guid.Empty.ToString());
            foreach (JObject item in example.ResponseBody("200")["value"]!)
            {
                string group = ((string)item["id"]!).Split('/')[4];
                FleetResourceGroup resourceGroup = subscription.ResourceGroups.FirstOrDefault(g => g.Name == group) ?? subscription.AddResourceGroup(group, "westus");
                resourceGroup.Accounts.Add(new FleetAccount
                {
                    Name = (string)item["name"]!,
                    Location = (string)item["location"]!,
                    Kind = (string)item["kind"]!,
                    Sku = item["sku"]!.ToObject<FleetSku>()!,
                    Tags = item["tags"]?.ToObject<Dictionary<string, string>>(),
                    Etag = (string?)item["etag"],
                    Properties = (JObject)item["properties"]!,
                });
            }

            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http = EmulatorHttp.For(server);
            EmulatorHttp.Reply reply = await http.GetAsync($"/subscriptions/{subscriptionId}/providers/Microsoft.CognitiveServices/accounts?{example.ApiVersionQuery}");

            Assert.Equal(HttpStatusCode.OK, reply.Status);
            new JsonShape().AssertMatches(example.ResponseBody("200"), reply.Json);
        }

        [RequiresArmExamplesFact]
        public async Task GetDeployment_matches_the_example()
        {
            ArmExample example = ArmExample.Load("2026-05-01_GetDeployment.json");
            JObject expected = example.ResponseBody("200");
            Fleet fleet = FleetWithOneAccount(example, expected);

            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http = EmulatorHttp.For(server);
            EmulatorHttp.Reply reply = await http.GetAsync(DeploymentUrl(example));

            Assert.Equal(HttpStatusCode.OK, reply.Status);
            DeploymentShape.AssertMatches(expected, reply.Json);
            Assert.Equal(DeploymentId(example), (string?)reply.Json["id"]);
        }

        [RequiresArmExamplesFact]
        public async Task ListDeployments_matches_the_example()
        {
            ArmExample example = ArmExample.Load("2026-05-01_ListDeployments.json");
            JObject expected = example.ResponseBody("200");
            Fleet fleet = FleetWithOneAccount(example, (JObject)expected["value"]![0]!);

            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http = EmulatorHttp.For(server);
            EmulatorHttp.Reply reply = await http.GetAsync($"{AccountPath(example)}/deployments?{example.ApiVersionQuery}");

            Assert.Equal(HttpStatusCode.OK, reply.Status);
            DeploymentShape.AssertMatches(expected, reply.Json);
        }

        [RequiresArmExamplesFact]
        public async Task PutDeployment_matches_the_example_for_create_and_update()
        {
            ArmExample example = ArmExample.Load("2026-03-01_PutDeployment.json");
            Fleet fleet = FleetWithOneAccount(example, deployment: null);
            var body = (JObject)example.Parameters["deployment"]!;

            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http = EmulatorHttp.For(server);

            EmulatorHttp.Reply created = await http.SendAsync(HttpMethod.Put, DeploymentUrl(example), body);
            Assert.Equal(HttpStatusCode.Created, created.Status);
            DeploymentShape.AssertMatches(example.ResponseBody("201"), created.Json);
            Assert.NotNull(created.Header("Azure-AsyncOperation"));
            Assert.NotNull(created.Header("Retry-After"));
            Assert.Equal("Succeeded", (string?)(await http.WaitForStatusAsync(created))["status"]);

            // The update answers 200 while its own operation runs; once done, GET is the example's 200 body.
            EmulatorHttp.Reply updated = await http.SendAsync(HttpMethod.Put, DeploymentUrl(example), body);
            Assert.Equal(HttpStatusCode.OK, updated.Status);
            new JsonShape().AllowExtra("etag", "systemData").IgnoreValuesOf("id", "provisioningState").AssertMatches(example.ResponseBody("200"), updated.Json);
            Assert.Equal("Succeeded", (string?)(await http.WaitForStatusAsync(updated))["status"]);
            DeploymentShape.AssertMatches(example.ResponseBody("200"), (await http.GetAsync(DeploymentUrl(example))).Json);
        }

        [RequiresArmExamplesFact]
        public async Task UpdateDeployment_matches_the_example()
        {
            ArmExample example = ArmExample.Load("2026-03-01_UpdateDeployment.json");
            JObject expected = example.ResponseBody("200");
            var before = (JObject)expected.DeepClone();
            before["sku"]!["capacity"] = 7;
            Fleet fleet = FleetWithOneAccount(example, before);

            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http = EmulatorHttp.For(server);
            EmulatorHttp.Reply accepted = await http.SendAsync(HttpMethod.Patch, DeploymentUrl(example), example.Parameters["deployment"]);

            Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
            foreach (string header in ((JObject?)example.Response("202")["headers"])?.Properties().Select(p => p.Name) ?? Enumerable.Empty<string>())
            {
                Assert.NotNull(accepted.Header(header));
            }

            Uri location = new Uri(accepted.Header("Location") ?? throw new Xunit.Sdk.XunitException("No Location header."));
            EmulatorHttp.Reply result = await http.GetAsync(location.PathAndQuery);
            for (int i = 0; i < 10 && result.Status == HttpStatusCode.Accepted; i++)
            {
                result = await http.GetAsync(location.PathAndQuery);
            }

            Assert.Equal(HttpStatusCode.OK, result.Status);
            DeploymentShape.AssertMatches(expected, result.Json);
        }

        [RequiresArmExamplesFact]
        public async Task ListLocationModels_matches_the_example()
        {
            ArmExample example = ArmExample.Load("2026-05-01_ListLocationModels.json");
            JObject expected = example.ResponseBody("200");
            var fleet = new Fleet();
            fleet.AddSubscription(example.Parameter("subscriptionId"), "Example", Guid.Empty.ToString());
            FleetLocation location = fleet.Location(example.Parameter("location"));
            foreach (JObject item in expected["value"]!)
            {
                location.AddModel(item);
            }

            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http = EmulatorHttp.For(server);
            EmulatorHttp.Reply reply = await http.GetAsync($"/subscriptions/{example.Parameter("subscriptionId")}/providers/Microsoft.CognitiveServices/locations/{example.Parameter("location")}/models?{example.ApiVersionQuery}");

            Assert.Equal(HttpStatusCode.OK, reply.Status);
            new JsonShape().AssertMatches(expected, reply.Json);

            // Dates must come back as the same strings, not re-formatted DateTimes.
            Assert.Contains("\"2025-04-16T04:45:33.9367873Z\"", reply.Text, StringComparison.Ordinal);
        }

        [RequiresArmExamplesFact]
        public async Task ListModelCapacities_matches_the_example()
        {
            ArmExample example = ArmExample.Load("2026-05-01_ListModelCapacities.json");
            JObject expected = example.ResponseBody("200");
            var fleet = new Fleet();
            fleet.AddSubscription(example.Parameter("subscriptionId"), "Example", Guid.Empty.ToString());
            foreach (JObject item in expected["value"]!)
            {
                JToken properties = item["properties"]!;
                fleet.Location((string)item["location"]!).ModelCapacities.Add(new FleetModelCapacity
                {
                    ModelFormat = (string)properties["model"]!["format"]!,
                    ModelName = (string)properties["model"]!["name"]!,
                    ModelVersion = (string)properties["model"]!["version"]!,
                    SkuName = (string)properties["skuName"]!,
                    AvailableCapacity = (decimal)properties["availableCapacity"]!,
                    AvailableFinetuneCapacity = (decimal?)properties["availableFinetuneCapacity"],
                    ScopeId = (string?)properties["scopeId"],
                    ScopeType = (string?)properties["scopeType"],
                });
            }

            // A capacity for another model must be filtered out by the query.
            fleet.Location("eastus").AddModelCapacity("OpenAI", "gpt-4o", "2024-08-06", "Standard", 10);

            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http = EmulatorHttp.For(server);
            string query = $"modelFormat={example.Parameter("modelFormat")}&modelName={example.Parameter("modelName")}&modelVersion={example.Parameter("modelVersion")}&{example.ApiVersionQuery}";
            EmulatorHttp.Reply reply = await http.GetAsync($"/subscriptions/{example.Parameter("subscriptionId")}/providers/Microsoft.CognitiveServices/modelCapacities?{query}");

            Assert.Equal(HttpStatusCode.OK, reply.Status);
            new JsonShape().AssertMatches(expected, reply.Json);
        }

        [RequiresArmExamplesFact]
        public async Task ListUsages_matches_the_example()
        {
            ArmExample example = ArmExample.Load("2026-03-01_ListUsages.json");
            JObject expected = example.ResponseBody("200");
            var fleet = new Fleet();
            fleet.AddSubscription(example.Parameter("subscriptionId"), "Example", Guid.Empty.ToString());
            FleetLocation location = fleet.Location(example.Parameter("location"));
            foreach (JObject item in expected["value"]!)
            {
                location.Usages.Add(item);
            }

            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http = EmulatorHttp.For(server);
            EmulatorHttp.Reply reply = await http.GetAsync($"/subscriptions/{example.Parameter("subscriptionId")}/providers/Microsoft.CognitiveServices/locations/{example.Parameter("location")}/usages?{example.ApiVersionQuery}");

            Assert.Equal(HttpStatusCode.OK, reply.Status);
            new JsonShape().AssertMatches(expected, reply.Json);
        }

        private static Fleet FleetWithOneAccount(ArmExample example, JObject? deployment)
        {
            var fleet = new Fleet();
            FleetAccount account = fleet.AddSubscription(example.Parameter("subscriptionId"), "Example", Guid.Empty.ToString())
                .AddResourceGroup(example.Parameter("resourceGroupName"), "westus")
                .AddAccount(example.Parameter("accountName"));
            if (deployment != null)
            {
                account.Deployments.Add(new FleetDeployment
                {
                    Name = (string?)deployment["name"] ?? example.Parameter("deploymentName"),
                    Sku = deployment["sku"]?.ToObject<FleetSku>(),
                    Properties = (JObject)deployment["properties"]!.DeepClone(),
                });
            }

            return fleet;
        }

        private static string AccountPath(ArmExample example) =>
            $"/subscriptions/{example.Parameter("subscriptionId")}/resourceGroups/{example.Parameter("resourceGroupName")}/providers/Microsoft.CognitiveServices/accounts/{example.Parameter("accountName")}";

        private static string DeploymentId(ArmExample example) => $"{AccountPath(example)}/deployments/{example.Parameter("deploymentName")}";

        private static string DeploymentUrl(ArmExample example) => $"{DeploymentId(example)}?{example.ApiVersionQuery}";
    }
}
