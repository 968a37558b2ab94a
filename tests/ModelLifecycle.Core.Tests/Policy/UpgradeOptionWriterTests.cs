using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Policy;
using ModelLifecycle.Core.Tests.Arm;
using ModelLifecycle.Core.Tests.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Policy
{
    /// <summary>Set-DeploymentUpgradeOption's Core: lossless read-modify-write against the emulator.</summary>
    public class UpgradeOptionWriterTests
    {
        private static AzureResourceId Id(string name, string account = TestFleets.Account) =>
            AzureResourceId.ForDeployment(TestFleets.Subscription, TestFleets.Group, account, name);

        private static JObject WithoutStamps(JObject d)
        {
            var copy = (JObject)d.DeepClone();
            copy.Remove("etag");
            copy.Remove("systemData");
            ((JObject)copy["properties"]!).Remove("provisioningState");
            return copy;
        }

        private sealed class Run
        {
            public List<UpgradeOptionChange> Changes { get; } = new List<UpgradeOptionChange>();
            public List<(string Target, string Action)> Asked { get; } = new List<(string, string)>();
        }

        private static async Task<Run> SetAsync(ArmHarness h, string option, IReadOnlyCollection<AzureResourceId> ids, bool confirm = true, LifecycleCatalog? catalog = null, string asOf = "2026-11-22")
        {
            var run = new Run();
            var writer = new UpgradeOptionWriter(
                h.Client,
                catalog ?? Embedded,
                new EvaluationOptions(Date(asOf)),
                h.Sink,
                (target, action) =>
                {
                    lock (run.Asked)
                    {
                        run.Asked.Add((target, action));
                    }

                    return Task.FromResult(confirm);
                });
            await writer.SetAsync(ids, option, c => { lock (run.Changes) { run.Changes.Add(c); } }, CancellationToken.None);
            return run;
        }

        [Fact]
        public async Task Changes_only_the_option_and_every_other_property_survives()
        {
            await using var h = await ArmHarness.StartAsync(TestFleets.Small());
            var before = await h.Client.GetDeploymentAsync(Id("chat"), CancellationToken.None);

            var run = await SetAsync(h, "NoAutoUpgrade", new[] { Id("chat") });

            var change = Assert.Single(run.Changes);
            Assert.Equal(UpgradeOptionChangeOutcome.Changed, change.Outcome);
            Assert.Equal("OnceNewDefaultVersionAvailable", change.Before);
            Assert.Equal("NoAutoUpgrade", change.Deployment.UpgradeOption);
            var stored = h.Server.State.FindDeployment(TestFleets.Subscription, TestFleets.Group, TestFleets.Account, "chat")!;
            var expected = WithoutStamps(before);
            expected["properties"]!["versionUpgradeOption"] = "NoAutoUpgrade";
            Assert.True(JToken.DeepEquals(expected, WithoutStamps(stored)), "expected:\n" + expected + "\nstored:\n" + stored);
            foreach (var kept in new[] { "spilloverDeploymentName", "serviceTier", "deploymentState", "capacitySettings", "futureKnob" })
            {
                Assert.True(JToken.DeepEquals(before["properties"]![kept], stored["properties"]![kept]), kept);
            }

            Assert.Equal("team-a", (string?)stored["tags"]!["owner"]);
            Assert.Empty(h.Sink.Errors);
            Assert.DoesNotContain(h.Sink.Warnings, w => w.Contains("after the write"));
            Assert.Equal(("Deployment 'chat' of account 'acct-one'", "Set versionUpgradeOption from OnceNewDefaultVersionAvailable to NoAutoUpgrade"), Assert.Single(run.Asked));
        }

        [Fact]
        public async Task An_option_already_set_writes_nothing_and_says_so()
        {
            await using var h = await ArmHarness.StartAsync(TestFleets.Small());
            var run = await SetAsync(h, "oncenewdefaultversionavailable", new[] { Id("chat") });
            Assert.Equal(0, h.Server.Counters.Count("PUT"));
            Assert.Equal(UpgradeOptionChangeOutcome.AlreadySet, Assert.Single(run.Changes).Outcome);
            Assert.Empty(run.Asked);
            Assert.Contains(h.Sink.Verbose, v => v.Contains("already set to OnceNewDefaultVersionAvailable; nothing was written"));
        }

        [Fact]
        public async Task A_declined_confirmation_writes_nothing()
        {
            await using var h = await ArmHarness.StartAsync(TestFleets.Small());
            var run = await SetAsync(h, "NoAutoUpgrade", new[] { Id("chat"), Id("embed") }, confirm: false);
            Assert.Equal(0, h.Server.Counters.Writes);
            Assert.Empty(run.Changes);
            Assert.Equal(2, run.Asked.Count);
            Assert.Contains(run.Asked, a => a.Action == "Set versionUpgradeOption from (not set) to NoAutoUpgrade");
        }

        [Fact]
        public async Task NoAutoUpgrade_on_a_version_retiring_within_WarningDays_warns_with_the_date()
        {
            var catalog = FromEntries(@"[ { ""model"": ""text-embedding-3-large"", ""version"": ""1"", ""retirementDate"": ""2026-12-20"" } ]");
            await using var h = await ArmHarness.StartAsync(TestFleets.Small());
            await SetAsync(h, "NoAutoUpgrade", new[] { Id("embed") }, catalog: catalog, asOf: "2026-11-22");
            Assert.Contains(h.Sink.Warnings, w => w.Contains("retires on 2026-12-20 (28 days)") && w.Contains("'embed'"));

            await using var far = await ArmHarness.StartAsync(TestFleets.Small());
            await SetAsync(far, "NoAutoUpgrade", new[] { Id("embed") }, catalog: catalog, asOf: "2026-06-01");
            Assert.Empty(far.Sink.Warnings);

            await using var late = await ArmHarness.StartAsync(TestFleets.Small());
            await SetAsync(late, "NoAutoUpgrade", new[] { Id("embed") }, catalog: catalog, asOf: "2027-01-05");
            Assert.Contains(late.Sink.Warnings, w => w.Contains("retired on 2026-12-20; no upgrade option makes it work again"));
        }

        [Theory]
        [InlineData("OnceNewDefaultVersionAvailable")]
        [InlineData("OnceCurrentVersionExpired")]
        public async Task An_option_that_cannot_change_what_happens_is_warned_per_deployment(string option)
        {
            // Issue 10 item 11: no newer version and no scheduled upgrade, so embed stops working whatever its option.
            var catalog = FromEntries(@"[ { ""model"": ""text-embedding-3-large"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"", ""replacements"": [ { ""model"": ""other"" } ] } ]");
            await using var h = await ArmHarness.StartAsync(TestFleets.Small());
            var run = await SetAsync(h, "NoAutoUpgrade", new[] { Id("embed") }, catalog: catalog);
            Assert.DoesNotContain(h.Sink.Warnings, w => w.Contains("does not change what happens"));

            await using var h2 = await ArmHarness.StartAsync(TestFleets.Small());
            run = await SetAsync(h2, option, new[] { Id("embed") }, catalog: catalog);
            Assert.Equal(UpgradeOptionChangeOutcome.Changed, Assert.Single(run.Changes).Outcome);
            var warning = Assert.Single(h2.Sink.Warnings, w => w.Contains("does not change what happens"));
            Assert.Contains($"Deployment 'embed' of account 'acct-one': {option} does not change what happens to it.", warning);
            Assert.Contains("stops working on 2027-01-01", warning);
        }

        [Fact]
        public async Task An_option_that_lets_the_deployment_upgrade_is_not_warned()
        {
            var catalog = FromEntries(@"[
              { ""model"": ""text-embedding-3-large"", ""version"": ""1"", ""retirementDate"": ""2027-01-01"" },
              { ""model"": ""text-embedding-3-large"", ""version"": ""2"", ""retirementDate"": ""2028-01-01"", ""isDefaultVersion"": true } ]");
            await using var h = await ArmHarness.StartAsync(TestFleets.Small());
            await SetAsync(h, "NoAutoUpgrade", new[] { Id("embed") }, catalog: catalog);
            var run = await SetAsync(h, "OnceNewDefaultVersionAvailable", new[] { Id("embed") }, catalog: catalog);
            Assert.Equal(UpgradeOptionChangeOutcome.Changed, Assert.Single(run.Changes).Outcome);
            Assert.DoesNotContain(h.Sink.Warnings, w => w.Contains("does not change what happens"));
        }

        [Fact]
        public async Task Writes_to_one_account_never_overlap_while_accounts_proceed_in_parallel()
        {
            var statuses = new ConcurrentBag<HttpStatusCode>();
            var handler = new InterceptingHandler { OnResponse = (req, resp) => { statuses.Add(resp.StatusCode); return Task.FromResult(resp); } };
            await using var h = await ArmHarness.StartAsync(TestFleets.Small(), new EmulatorOptions { LroInProgressPolls = 2, Latency = TimeSpan.FromMilliseconds(30) }, handler: _ => handler);
            var ids = new[] { Id("chat"), Id("embed") }
                .Concat(h.Server.State.Snapshot().Subscriptions.SelectMany(s => s.ResourceGroups).SelectMany(g => g.Accounts)
                    .Where(a => a.Name == TestFleets.SecondAccount).SelectMany(a => a.Deployments).Select(d => Id(d.Name, TestFleets.SecondAccount)))
                .ToList();

            var run = await SetAsync(h, "OnceCurrentVersionExpired", ids);

            Assert.Equal(ids.Count, run.Changes.Count);
            Assert.DoesNotContain(HttpStatusCode.Conflict, statuses);
            Assert.Empty(h.Sink.Errors);
            Assert.True(h.Server.Counters.MaxInFlight > 1, "two accounts were written at the same time");
        }

        [Fact]
        public async Task A_busy_account_is_waited_out()
        {
            await using var h = await ArmHarness.StartAsync(TestFleets.Small());
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.Conflict, Method = "PUT", FromRequest = 1, ToRequest = 2 });
            var run = await SetAsync(h, "NoAutoUpgrade", new[] { Id("chat") });
            Assert.Equal(UpgradeOptionChangeOutcome.Changed, Assert.Single(run.Changes).Outcome);
            Assert.Empty(h.Sink.Errors);
        }

        [Fact]
        public async Task A_write_that_did_not_take_is_UpgradeOptionNotApplied()
        {
            var putSeen = false;
            var handler = new InterceptingHandler
            {
                OnResponse = async (req, resp) =>
                {
                    if (req.Method == HttpMethod.Put)
                    {
                        putSeen = true;
                    }
                    else if (putSeen && req.Method == HttpMethod.Get && req.RequestUri!.AbsolutePath.EndsWith("/deployments/chat", StringComparison.Ordinal))
                    {
                        // The service answers as if the change had been ignored.
                        var body = JObject.Parse(await resp.Content.ReadAsStringAsync());
                        body["properties"]!["versionUpgradeOption"] = "OnceNewDefaultVersionAvailable";
                        resp.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
                    }

                    return resp;
                },
            };
            await using var h = await ArmHarness.StartAsync(TestFleets.Small(), handler: _ => handler);
            var run = await SetAsync(h, "NoAutoUpgrade", new[] { Id("chat") });
            Assert.Empty(run.Changes);
            var error = Assert.Single(h.Sink.Errors);
            Assert.Equal("UpgradeOptionNotApplied", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidResult, error.Kind);
        }

        [Fact]
        public async Task A_property_lost_in_the_write_is_reported()
        {
            var putSeen = false;
            var handler = new InterceptingHandler
            {
                OnResponse = async (req, resp) =>
                {
                    putSeen |= req.Method == HttpMethod.Put;
                    if (putSeen && req.Method == HttpMethod.Get && req.RequestUri!.AbsolutePath.EndsWith("/deployments/chat", StringComparison.Ordinal))
                    {
                        var body = JObject.Parse(await resp.Content.ReadAsStringAsync());
                        ((JObject)body["properties"]!).Remove("spilloverDeploymentName");
                        resp.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
                    }

                    return resp;
                },
            };
            await using var h = await ArmHarness.StartAsync(TestFleets.Small(), handler: _ => handler);
            await SetAsync(h, "NoAutoUpgrade", new[] { Id("chat") });
            Assert.Contains(h.Sink.Warnings, w => w.Contains("property 'properties.spilloverDeploymentName' disappeared after the write"));
        }

        [Fact]
        public async Task A_missing_deployment_is_one_error_and_the_rest_go_on()
        {
            await using var h = await ArmHarness.StartAsync(TestFleets.Small());
            var run = await SetAsync(h, "NoAutoUpgrade", new[] { Id("nope"), Id("embed") });
            Assert.Equal("embed", Assert.Single(run.Changes).Id.DeploymentName);
            Assert.Equal("DeploymentNotFound", Assert.Single(h.Sink.Errors).ErrorId);
        }

        [Fact]
        public async Task An_unknown_option_is_refused_before_anything_is_read()
        {
            await using var h = await ArmHarness.StartAsync(TestFleets.Small());
            var ex = await Assert.ThrowsAsync<ModelLifecycleException>(() => SetAsync(h, "Sometimes", new[] { Id("chat") }));
            Assert.Equal("InvalidUpgradeOption", ex.ErrorId);
            Assert.Equal(0, h.Server.Counters.Total);
        }

        [Fact]
        public void Differences_ignore_server_stamps_and_find_everything_else()
        {
            var a = JObject.Parse(@"{ ""etag"": ""1"", ""systemData"": { ""lastModifiedAt"": ""x"" }, ""sku"": { ""capacity"": 10 }, ""properties"": { ""provisioningState"": ""Succeeded"", ""a"": 1, ""b"": { ""c"": 2 } } }");
            var b = JObject.Parse(@"{ ""etag"": ""2"", ""systemData"": { ""lastModifiedAt"": ""y"" }, ""sku"": { ""capacity"": 20 }, ""properties"": { ""provisioningState"": ""Updating"", ""b"": { ""c"": 2 }, ""d"": true } }");
            Assert.Equal(
                new[] { "property 'properties.a' disappeared", "property 'properties.d' appeared", "property 'sku.capacity' changed from 10 to 20" },
                ModelLifecycle.Core.Arm.DeploymentChanges.Differences(a, b, new[] { "properties.versionUpgradeOption" }));
        }
    }
}
