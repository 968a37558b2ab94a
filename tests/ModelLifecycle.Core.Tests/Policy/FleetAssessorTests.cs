using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Policy;
using ModelLifecycle.Core.Tests.Arm;
using ModelLifecycle.Core.Tests.TestSupport;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Policy
{
    /// <summary>The fleet assessor against the emulator: every deployment it is given is either assessed or reported.</summary>
    public sealed class FleetAssessorTests
    {
        private const string Production = "a1b2c3d4-0000-4000-8000-000000000001";

        private static Fleet SampleFleet() => Fleet.Load(Path.Combine(RepoPaths.Root!, "tests", "ArmEmulator", "fleets", "sample-fleet.json"));

        private static int DeploymentsOf(Fleet fleet) =>
            fleet.Subscriptions.Where(s => s.SubscriptionId == Production).SelectMany(s => s.ResourceGroups).SelectMany(g => g.Accounts).Sum(a => a.Deployments.Count);

        private static async Task<List<UpgradePolicyAssessment>> AssessLiveAsync(ArmHarness h, string asOf = "2026-08-01")
        {
            var found = new List<UpgradePolicyAssessment>();
            var gate = new object();
            var assessor = new FleetAssessor(h.Client, Embedded, new EvaluationOptions(Date(asOf), 90), h.Sink);
            await assessor.AssessAsync(DeploymentSelection.Discover(null), ModelData.Live, Production, a => { lock (gate) { found.Add(a); } }, CancellationToken.None);
            return found;
        }

        [Fact]
        public async Task Models_API_fields_of_an_unexpected_type_are_read_as_absent_and_no_deployment_is_dropped()
        {
            var fleet = SampleFleet();
            foreach (var item in fleet.Locations.SelectMany(l => l.Models))
            {
                var model = (JObject)item["model"]!;
                model["isDefaultVersion"] = "maybe";
                model["lifecycleStatus"] = new JObject { ["unexpected"] = true };
                if (model["replacementConfig"] is JObject replacement)
                {
                    replacement["upgradeOnExpiryLeadTimeDays"] = "soon";
                }
            }

            await using var h = await ArmHarness.StartAsync(fleet, subscriptionId: Production);
            var found = await AssessLiveAsync(h);

            Assert.Empty(h.Sink.Errors);
            Assert.Equal(DeploymentsOf(fleet), found.Count);
            Assert.All(found, a => Assert.Equal(UpgradePolicyAssessment.ReadFromLive, a.ReadFrom));
        }

        [Theory]
        [InlineData("2026-11-22", true)]
        [InlineData("2026-08-01", false)]
        public async Task A_location_whose_models_cannot_be_read_warns_once_naming_it_when_the_fallback_data_is_stale(string asOf, bool stale)
        {
            var fleet = SampleFleet();
            await using var h = await ArmHarness.StartAsync(fleet, subscriptionId: Production);
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, Method = "GET", PathContains = "/locations/eastus/models" });

            var found = await AssessLiveAsync(h, asOf);

            Assert.Equal(DeploymentsOf(fleet), found.Count);
            Assert.Contains(h.Sink.Errors, e => e.ErrorId == "LiveModelsUnavailable" && Equals(e.Target, "eastus"));
            var aboutEastUs = h.Sink.Warnings.Where(w => w.Contains("Models API for eastus could not be read")).ToList();
            Assert.Equal(stale ? 1 : 0, aboutEastUs.Count);
            Assert.DoesNotContain(h.Sink.Warnings, w => w.Contains("swedencentral"));
            if (stale)
            {
                Assert.Contains("2026-07-07", aboutEastUs[0]);
            }
        }

        [Fact]
        public void A_deployment_that_cannot_be_assessed_is_one_error_naming_it()
        {
            var d = Deployment("m", "1");
            var error = FleetAssessor.AssessmentFailed(d, new System.FormatException("bad"));
            Assert.Equal("AssessmentFailed", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, error.Kind);
            Assert.Equal(d.ResourceId, error.Target);
            Assert.Contains("acct/dep", error.Message);
        }
    }
}
