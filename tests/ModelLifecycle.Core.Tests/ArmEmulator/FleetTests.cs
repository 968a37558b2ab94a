using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    public sealed class FleetTests
    {
        private static string SampleFleetPath => Path.Combine(AppContext.BaseDirectory, "fleets", "sample-fleet.json");

        [Fact]
        public void The_sample_fleet_loads_and_has_the_cases_tests_need()
        {
            Fleet fleet = Fleet.Load(SampleFleetPath);
            var deployments = fleet.Subscriptions.SelectMany(s => s.ResourceGroups).SelectMany(g => g.Accounts).SelectMany(a => a.Deployments).ToList();

            Assert.Equal(2, fleet.Subscriptions.Count);
            Assert.Contains(deployments, d => Model(d) == "dall-e-3/3.0" && (string?)d.Properties["versionUpgradeOption"] == "OnceNewDefaultVersionAvailable");
            Assert.Contains(deployments, d => Model(d) == "gpt-4o/2024-08-06" && d.Sku?.Name == "Standard" && d.Properties["versionUpgradeOption"] == null);
            Assert.Contains(deployments, d => Model(d) == "gpt-4o/2024-08-06" && d.Sku?.Name == "ProvisionedManaged");
            Assert.Contains(deployments, d => Model(d) == "o1/2024-12-17" && (string?)d.Properties["versionUpgradeOption"] == "NoAutoUpgrade");
            Assert.Contains(deployments, d => Model(d) == "gpt-4.1/2025-04-14" && d.Sku?.Name == "GlobalStandard");
            Assert.Contains(deployments, d => Model(d).Contains(".ft-", StringComparison.Ordinal));
            Assert.Contains(deployments, d => d.Properties["spilloverDeploymentName"] != null && d.Properties["serviceTier"] != null
                && d.Properties["deploymentState"] != null && d.Properties["capacitySettings"] != null && d.Tags != null && d.Properties["trafficShapingPolicy"] != null);
        }

        [Fact]
        public void A_fleet_round_trips_through_json_with_raw_properties_and_dates_intact()
        {
            Fleet fleet = TestFleets.Small();
            fleet.Location("eastus").Models[0]["model"]!["systemData"] = new JObject { ["createdAt"] = "2024-05-13T00:00:00.1234567+00:00" };

            Fleet again = Fleet.Parse(fleet.ToJson());

            Assert.Equal(fleet.ToJson(), again.ToJson());
            Assert.Contains("\"2024-05-13T00:00:00.1234567+00:00\"", again.ToJson(), StringComparison.Ordinal);
            Assert.Equal("a", (string?)again.Subscriptions[0].ResourceGroups[0].Accounts[0].Deployments[0].Properties["futureKnob"]!["modes"]![0]);
        }

        [Fact]
        public void Generate_is_deterministic_and_has_the_requested_size()
        {
            Fleet first = Fleet.Generate(4, 50, 10, seed: 7);
            Fleet second = Fleet.Generate(4, 50, 10, seed: 7);
            Fleet other = Fleet.Generate(4, 50, 10, seed: 8);
            var accounts = first.Subscriptions.SelectMany(s => s.ResourceGroups).SelectMany(g => g.Accounts).ToList();
            var deployments = accounts.SelectMany(a => a.Deployments).ToList();

            Assert.Equal(first.ToJson(), second.ToJson());
            Assert.NotEqual(first.ToJson(), other.ToJson());
            Assert.Equal(200, accounts.Count);
            Assert.Equal(2000, deployments.Count);
            Assert.True(deployments.Select(d => d.Sku?.Name).Distinct().Count() >= 4);
            Assert.True(deployments.Select(d => (string?)d.Properties["versionUpgradeOption"]).Distinct().Count() >= 4);
            Assert.Contains(deployments, d => Model(d).Contains(".ft-", StringComparison.Ordinal));

            // Every location an account is in has a catalog, so lifecycle lookups find the models.
            var catalogued = first.Locations.Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.All(accounts, a => Assert.Contains(a.Location, catalogued));
            Assert.All(first.Locations, l => Assert.Contains(l.Models, m => m["model"]?["replacementConfig"] != null));
        }

        [Fact]
        public async Task A_generated_fleet_is_served()
        {
            Fleet fleet = Fleet.Generate(2, 3, 4, seed: 1);
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            using EmulatorHttp http = EmulatorHttp.For(server);
            FleetSubscription subscription = fleet.Subscriptions[1];

            EmulatorHttp.Reply accounts = await http.GetAsync($"/subscriptions/{subscription.SubscriptionId}/providers/Microsoft.CognitiveServices/accounts?{TestFleets.Api}");

            Assert.Equal(HttpStatusCode.OK, accounts.Status);
            Assert.Equal(3, ((JArray)accounts.Json["value"]!).Count);
        }

        [Fact]
        public async Task Changing_the_fleet_after_start_does_not_reach_the_server_and_the_snapshot_shows_writes()
        {
            Fleet fleet = TestFleets.Small();
            await using ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet);
            fleet.Subscriptions[0].ResourceGroups[0].Accounts[0].Deployments.Clear();
            using EmulatorHttp http = EmulatorHttp.For(server);

            await http.SendAsync(System.Net.Http.HttpMethod.Delete, TestFleets.DeploymentPath("embed"));
            Fleet snapshot = server.State.Snapshot();

            var names = snapshot.Subscriptions[0].ResourceGroups[0].Accounts[0].Deployments.Select(d => d.Name).ToList();
            Assert.Contains("chat", names);
            Assert.Equal("Deleting", (string?)snapshot.Subscriptions[0].ResourceGroups[0].Accounts[0].Deployments.Single(d => d.Name == "embed").Properties["provisioningState"]);
        }

        private static string Model(FleetDeployment deployment) =>
            $"{deployment.Properties["model"]?["name"]}/{deployment.Properties["model"]?["version"]}";
    }
}
