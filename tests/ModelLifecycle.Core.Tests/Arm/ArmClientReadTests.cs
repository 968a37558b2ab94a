using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Tests.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ModelLifecycle.Core.Tests.Arm
{
    /// <summary>Reads: paging, each list endpoint, what a 404 means, the throttle, the debug lines.</summary>
    public sealed class ArmClientReadTests
    {
        private static readonly AzureResourceId AccountOne = AzureResourceId.ForAccount(TestFleets.Subscription, TestFleets.Group, TestFleets.Account);

        internal static Fleet SmallWith(int extraDeployments)
        {
            Fleet fleet = TestFleets.Small();
            FleetAccount one = fleet.Subscriptions[0].ResourceGroups[0].Accounts[0];
            for (int i = 1; i <= extraDeployments; i++)
            {
                one.AddDeployment($"extra-{i:D2}", "gpt-4.1", "2025-04-14", "GlobalStandard", i);
            }

            return fleet;
        }

        [Fact]
        public async Task Deployments_are_read_across_every_page_in_order()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(SmallWith(5), new EmulatorOptions { PageSize = 3 });

            IReadOnlyList<JObject> deployments = await h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None);

            Assert.Equal(new[] { "chat", "embed", "extra-01", "extra-02", "extra-03", "extra-04", "extra-05" }, deployments.Select(d => (string?)d["name"]));
            Assert.Equal(3, h.Server.Counters.Count("GET", "/deployments"));
            Assert.Contains(h.Sink.Debug, d => d.Contains("$skipToken=***", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Subscriptions_and_accounts_are_paged_too()
        {
            Fleet fleet = Fleet.Generate(3, 5, 1, 11);
            string subscription = fleet.Subscriptions[1].SubscriptionId;
            await using ArmHarness h = await ArmHarness.StartAsync(fleet, new EmulatorOptions { PageSize = 2 });

            IReadOnlyList<JObject> subscriptions = await h.Client.ListSubscriptionsAsync(CancellationToken.None);
            IReadOnlyList<JObject> accounts = await h.Client.ListAccountsAsync(subscription, null, CancellationToken.None);
            string group = fleet.Subscriptions[1].ResourceGroups[0].Name;
            IReadOnlyList<JObject> inGroup = await h.Client.ListAccountsAsync(subscription, group, CancellationToken.None);

            Assert.Equal(fleet.Subscriptions.Select(s => s.SubscriptionId), subscriptions.Select(s => (string?)s["subscriptionId"]));
            Assert.Equal(5, accounts.Count);
            Assert.Equal(fleet.Subscriptions[1].ResourceGroups[0].Accounts.Count, inGroup.Count);
            Assert.Equal(2L, h.Server.Counters.Snapshot().ByPath["GET /subscriptions"]);
            Assert.Contains(h.Sink.Debug, d => d.Contains("/subscriptions?api-version=" + Core.Arm.ApiVersions.Subscriptions, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Account_deployment_models_usages_and_capacities_come_back_raw()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());

            JObject account = await h.Client.GetAccountAsync(AccountOne, CancellationToken.None);
            JObject chat = await h.Client.GetDeploymentAsync(Deployment("chat"), CancellationToken.None);
            IReadOnlyList<JObject> models = await h.Client.ListModelsAsync(TestFleets.Subscription, "eastus", CancellationToken.None);
            IReadOnlyList<JObject> usages = await h.Client.ListUsagesAsync(TestFleets.Subscription, "eastus", CancellationToken.None);
            IReadOnlyList<JObject> here = await h.Client.ListModelCapacitiesAsync(TestFleets.Subscription, "eastus", "OpenAI", "gpt-4.1", "2025-04-14", CancellationToken.None);
            IReadOnlyList<JObject> everywhere = await h.Client.ListModelCapacitiesAsync(TestFleets.Subscription, null, "OpenAI", "gpt-4.1", "2025-04-14", CancellationToken.None);

            Assert.Equal("eastus", (string?)account["location"]);
            Assert.Equal(3, (int?)chat["properties"]!["futureKnob"]!["level"]);
            Assert.Equal("chat-overflow", (string?)chat["properties"]!["spilloverDeploymentName"]);
            Assert.Equal(JTokenType.String, chat["systemData"]!["createdAt"]!.Type); // dates stay text
            Assert.Equal(new[] { "gpt-4o", "gpt-4.1" }, models.Select(m => (string?)m["model"]!["name"]));
            Assert.Equal(2, usages.Count);
            Assert.Equal(300, (double?)Assert.Single(here)["properties"]!["availableCapacity"]);
            Assert.Single(everywhere);
            Assert.All(h.Sink.Debug, d => Assert.Contains("api-version=", d, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("deployment-missing", ArmErrorIds.DeploymentNotFound)]
        [InlineData("deployment-in-missing-account", ArmErrorIds.AccountNotFound)]
        [InlineData("account-missing", ArmErrorIds.AccountNotFound)]
        [InlineData("deployments-of-missing-account", ArmErrorIds.AccountNotFound)]
        [InlineData("subscription-missing", ArmErrorIds.SubscriptionNotFound)]
        [InlineData("group-missing", ArmErrorIds.ResourceGroupNotFound)]
        public async Task A_404_says_what_is_missing(string what, string errorId)
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            const string nowhere = "00000000-0000-4000-8000-00000000dead";
            Func<Task> call = what switch
            {
                "deployment-missing" => () => h.Client.GetDeploymentAsync(Deployment("nope"), CancellationToken.None),
                "deployment-in-missing-account" => () => h.Client.GetDeploymentAsync(AzureResourceId.ForDeployment(TestFleets.Subscription, TestFleets.Group, "gone", "chat"), CancellationToken.None),
                "account-missing" => () => h.Client.GetAccountAsync(AzureResourceId.ForAccount(TestFleets.Subscription, TestFleets.Group, "gone"), CancellationToken.None),
                "deployments-of-missing-account" => () => h.Client.ListDeploymentsAsync(AzureResourceId.ForAccount(TestFleets.Subscription, TestFleets.Group, "gone"), CancellationToken.None),
                "subscription-missing" => () => h.Client.ListAccountsAsync(nowhere, null, CancellationToken.None),
                _ => () => h.Client.ListAccountsAsync(TestFleets.Subscription, "rg-nope", CancellationToken.None),
            };

            ArmException e = await Assert.ThrowsAsync<ArmException>(call);

            Assert.Equal(errorId, e.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, e.Kind);
            Assert.Equal(404, e.HttpStatus);
            Assert.NotNull(e.ArmCode);
            Assert.Contains(e.ArmCode!, e.Message, StringComparison.Ordinal);
            Assert.Equal(1, e.Attempts);
            Assert.Equal(1L, h.Server.Counters.Total); // a 404 is not retried
        }

        [Fact]
        public async Task The_message_says_what_was_asked_and_carries_ARMs_code_and_message()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());

            ArmException e = await Assert.ThrowsAsync<ArmException>(() =>
                h.Client.ListDeploymentsAsync(AzureResourceId.ForAccount(TestFleets.Subscription, TestFleets.Group, "gone"), CancellationToken.None));

            Assert.StartsWith("Reading deployments of account 'gone' failed: 404 ResourceNotFound: The Resource", e.Message, StringComparison.Ordinal);
            Assert.Equal("/subscriptions/" + TestFleets.Subscription + "/resourceGroups/rg-one/providers/Microsoft.CognitiveServices/accounts/gone", e.Target);
            Assert.Contains("/accounts/gone/deployments?api-version=2026-05-01", e.RequestUrl, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Requests_in_flight_never_exceed_the_throttle_limit()
        {
            Fleet fleet = SmallWith(30);

            // A handler with plenty of connections, so that only the client's own throttle can hold requests back.
            await using ArmHarness h = await ArmHarness.StartAsync(fleet, new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(30) }, o => o.ThrottleLimit = 3, handler: _ => new InterceptingHandler());

            IEnumerable<Task<JObject>> reads = Enumerable.Range(1, 30)
                .Select(i => h.Client.GetDeploymentAsync(Deployment($"extra-{i:D2}"), CancellationToken.None));
            JObject[] all = await Task.WhenAll(reads);

            Assert.Equal(30, all.Length);
            Assert.Equal(3, h.Server.Counters.MaxInFlight);
        }

        [Fact]
        public async Task Each_request_gives_one_debug_line_with_method_url_status_and_time()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());

            await h.Client.GetDeploymentAsync(Deployment("chat"), CancellationToken.None);

            string line = Assert.Single(h.Sink.Debug);
            Assert.Matches(new Regex(@"^GET http://127\.0\.0\.1:\d+/subscriptions/[0-9a-f-]+/resourceGroups/rg-one/providers/Microsoft\.CognitiveServices/accounts/acct-one/deployments/chat\?api-version=2026-05-01 -> 200 in \d+ ms$"), line);
            Assert.Empty(h.Sink.Verbose);
        }

        internal static AzureResourceId Deployment(string name) =>
            AzureResourceId.ForDeployment(TestFleets.Subscription, TestFleets.Group, TestFleets.Account, name);
    }
}
