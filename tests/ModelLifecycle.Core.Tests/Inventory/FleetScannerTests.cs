using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Tests.Arm;
using Xunit;

namespace ModelLifecycle.Core.Tests.Inventory
{
    /// <summary>FleetScanner against the emulator: discovery, filters, explicit targets, failures, storms, streaming rules.</summary>
    public sealed class FleetScannerTests
    {
        /// <summary>Every deployment of the fleet as (resource id, account location), optionally of some accounts only.</summary>
        private static List<(string Id, string Location)> Expected(Fleet fleet, Func<FleetSubscription, FleetResourceGroup, FleetAccount, bool>? filter = null) =>
            (from s in fleet.Subscriptions
             from g in s.ResourceGroups
             from a in g.Accounts
             where filter == null || filter(s, g, a)
             from d in a.Deployments
             select (AzureResourceId.ForDeployment(s.SubscriptionId, g.Name, a.Name, d.Name).DeploymentId!, a.Location)).ToList();

        private static async Task<List<Deployment>> ScanAsync(ArmHarness h, ScanRequest request, Action<Deployment>? also = null, CancellationToken cancellationToken = default)
        {
            // A plain List: the scanner promises one callback at a time.
            var found = new List<Deployment>();
            await new FleetScanner(h.Client, h.Sink).ScanAsync(request, d => { found.Add(d); also?.Invoke(d); }, cancellationToken);
            return found;
        }

        private static void AssertSame(IEnumerable<(string Id, string Location)> expected, IEnumerable<Deployment> found)
        {
            Assert.Equal(expected.OrderBy(e => e.Id, StringComparer.Ordinal), found.Select(d => (d.ResourceId!, d.Location!)).OrderBy(e => e.Item1, StringComparer.Ordinal));
        }

        private static Task<ArmHarness> Start(Fleet fleet, EmulatorOptions? emulator = null, Action<ArmClientOptions>? configure = null, InterceptingHandler? handler = null, Func<int, string>? tokens = null) =>
            ArmHarness.StartAsync(fleet, emulator, configure, handler == null ? null : _ => handler, tokens, fleet.Subscriptions[0].SubscriptionId);

        [Fact]
        public async Task The_context_subscription_is_scanned_by_default_and_every_deployment_is_complete()
        {
            Fleet fleet = Fleet.Generate(2, 6, 4, 5);
            var handler = new InterceptingHandler();
            await using ArmHarness h = await Start(fleet, new EmulatorOptions { PageSize = 3 }, handler: handler);

            List<Deployment> found = await ScanAsync(h, new ScanRequest());

            FleetSubscription first = fleet.Subscriptions[0];
            AssertSame(Expected(fleet, (s, g, a) => s == first), found);
            Assert.Empty(h.Sink.Errors);
            Assert.DoesNotContain(handler.Sent, r => r.Url.AbsolutePath.Contains(fleet.Subscriptions[1].SubscriptionId, StringComparison.Ordinal));
            Assert.DoesNotContain(handler.Sent, r => r.Url.AbsolutePath == "/subscriptions");
            foreach (Deployment d in found)
            {
                Assert.NotNull(d.RawBody);
                Assert.Equal(d.Name, (string?)d.RawBody!["name"]);
                Assert.Equal(first.SubscriptionId, d.SubscriptionId);
                Assert.NotNull(d.Model);
                Assert.NotNull(d.DeploymentType);
            }
        }

        [Fact]
        public async Task A_star_lists_the_subscriptions_first_then_scans_them_all()
        {
            Fleet fleet = Fleet.Generate(3, 4, 2, 6);
            var handler = new InterceptingHandler();
            await using ArmHarness h = await Start(fleet, new EmulatorOptions { PageSize = 2 }, handler: handler);

            List<Deployment> found = await ScanAsync(h, new ScanRequest { SubscriptionIds = new[] { "*" } });

            AssertSame(Expected(fleet), found);
            Assert.Equal("/subscriptions", handler.Sent[0].Url.AbsolutePath);
            Assert.Contains("api-version=" + Core.Arm.ApiVersions.Subscriptions, handler.Sent[0].Url.Query, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_throttling_storm_still_gives_complete_results_within_the_throttle_limit()
        {
            Fleet fleet = Fleet.Generate(1, 20, 6, 7);

            // The handler allows 64 connections: only the client's throttle keeps requests in flight at 8.
            await using ArmHarness h = await Start(
                fleet,
                new EmulatorOptions { PageSize = 4, Latency = TimeSpan.FromMilliseconds(10) },
                o =>
                {
                    o.ThrottleLimit = 8;
                    o.MaxAttempts = 20; // half the requests are throttled: 20 attempts make a give-up vanishingly rare
                },
                new InterceptingHandler());
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Method = "GET", Probability = 0.5, Seed = 3, RetryAfterSeconds = 0 });

            List<Deployment> found = await ScanAsync(h, new ScanRequest());

            AssertSame(Expected(fleet), found);
            Assert.Empty(h.Sink.Errors);
            FaultRuleStatus storm = Assert.Single(h.Server.Faults.Rules);
            Assert.True(storm.Fired * 10 >= storm.Matched * 4, $"{storm.Fired} of {storm.Matched} throttled");
            Assert.InRange(h.Server.Counters.MaxInFlight, 3, 8);
            Assert.True(h.Sink.Verbose.Count(v => v.Contains("429 throttled", StringComparison.Ordinal)) >= storm.Fired - 1);
        }

        [Fact]
        public async Task A_token_that_expires_mid_scan_is_refreshed_once_and_the_scan_goes_on()
        {
            Fleet fleet = Fleet.Generate(1, 20, 5, 8);
            await using ArmHarness h = await Start(fleet, new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(5) }, o => o.ThrottleLimit = 4, tokens: n => "token-" + n);
            h.Server.AcceptedTokens = t => t == "token-1";
            int seen = 0;

            List<Deployment> found = await ScanAsync(h, new ScanRequest(), _ =>
            {
                if (++seen == 25)
                {
                    h.Server.AcceptedTokens = t => t == "token-2";
                }
            });

            AssertSame(Expected(fleet), found);
            Assert.Empty(h.Sink.Errors);
            Assert.Equal(2, h.Session.FetchCount);
            Assert.Contains(h.Sink.Verbose, v => v.Contains("401 InvalidAuthenticationToken; getting a new access token", StringComparison.Ordinal));
        }

        [Fact]
        public async Task An_account_deleted_mid_scan_gives_exactly_one_error_and_the_rest_complete()
        {
            Fleet fleet = Fleet.Generate(1, 10, 3, 9);
            FleetResourceGroup group = fleet.Subscriptions[0].ResourceGroups[0];
            FleetAccount doomed = group.Accounts[3];
            await using ArmHarness h = await Start(fleet, configure: o => o.ThrottleLimit = 4);
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.DeleteAccount, Account = doomed.Name, PathContains = $"/accounts/{doomed.Name}/deployments" });

            List<Deployment> found = await ScanAsync(h, new ScanRequest());

            AssertSame(Expected(fleet, (s, g, a) => a != doomed), found);
            ModelLifecycleException error = Assert.Single(h.Sink.Errors);
            var arm = Assert.IsType<ArmException>(error);
            Assert.Equal(ArmErrorIds.AccountNotFound, arm.ErrorId);
            Assert.Equal(AzureResourceId.ForAccount(fleet.Subscriptions[0].SubscriptionId, group.Name, doomed.Name).AccountId, arm.Target);
            Assert.StartsWith($"Reading deployments of account '{doomed.Name}' failed: 404", arm.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_subscription_that_cannot_be_read_gives_one_error_and_the_others_complete()
        {
            Fleet fleet = Fleet.Generate(2, 3, 2, 10);
            const string missing = "00000000-0000-4000-8000-00000000dead";
            await using ArmHarness h = await Start(fleet);

            List<Deployment> found = await ScanAsync(h, new ScanRequest { SubscriptionIds = new[] { fleet.Subscriptions[1].SubscriptionId, missing } });

            AssertSame(Expected(fleet, (s, g, a) => s == fleet.Subscriptions[1]), found);
            var error = Assert.IsType<ArmException>(Assert.Single(h.Sink.Errors));
            Assert.Equal(ArmErrorIds.SubscriptionNotFound, error.ErrorId);
            Assert.Equal(missing, error.Target);
        }

        [Fact]
        public async Task A_forbidden_account_gives_one_error_with_its_id_and_the_others_complete()
        {
            Fleet fleet = Fleet.Generate(1, 6, 2, 11);
            FleetAccount hidden = fleet.Subscriptions[0].ResourceGroups[0].Accounts[2];
            await using ArmHarness h = await Start(fleet);
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, StatusCode = 403, ErrorCode = "AuthorizationFailed", PathContains = $"/accounts/{hidden.Name}/" });

            List<Deployment> found = await ScanAsync(h, new ScanRequest());

            AssertSame(Expected(fleet, (s, g, a) => a != hidden), found);
            var error = Assert.IsType<ArmException>(Assert.Single(h.Sink.Errors));
            Assert.Equal(ArmErrorIds.AuthorizationFailed, error.ErrorId);
            Assert.EndsWith("/accounts/" + hidden.Name, (string)error.Target!, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_resource_group_filter_lists_only_that_group()
        {
            Fleet fleet = Fleet.Generate(1, 20, 2, 12);
            FleetResourceGroup second = fleet.Subscriptions[0].ResourceGroups[1];
            var handler = new InterceptingHandler();
            await using ArmHarness h = await Start(fleet, handler: handler);

            List<Deployment> found = await ScanAsync(h, new ScanRequest { ResourceGroupName = second.Name });

            AssertSame(Expected(fleet, (s, g, a) => g == second), found);
            Assert.Contains(handler.Sent, r => r.Url.AbsolutePath.EndsWith($"/resourceGroups/{second.Name}/providers/Microsoft.CognitiveServices/accounts", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Account_and_group_names_take_PowerShell_wildcards()
        {
            Fleet fleet = Fleet.Generate(1, 20, 2, 13);
            await using ArmHarness h = await Start(fleet);

            List<Deployment> found = await ScanAsync(h, new ScanRequest { ResourceGroupName = "RG-AI-0[1]", AccountName = "aoai-01-00?-*" });

            AssertSame(Expected(fleet, (s, g, a) => g.Name == "rg-ai-01" && string.CompareOrdinal(a.Name, "aoai-01-010") < 0), found);
            Assert.NotEmpty(found);
        }

        [Fact]
        public async Task Literal_group_and_account_names_read_the_account_directly()
        {
            Fleet fleet = Fleet.Generate(1, 5, 3, 14);
            FleetResourceGroup group = fleet.Subscriptions[0].ResourceGroups[0];
            FleetAccount target = group.Accounts[1];
            var handler = new InterceptingHandler();
            await using ArmHarness h = await Start(fleet, handler: handler);

            List<Deployment> found = await ScanAsync(h, new ScanRequest { ResourceGroupName = group.Name, AccountName = target.Name });

            AssertSame(Expected(fleet, (s, g, a) => a == target), found);
            Assert.Equal(2, handler.Sent.Count); // GET account, GET its deployments
        }

        [Fact]
        public async Task A_deployment_name_reads_that_deployment_in_each_account_and_nothing_else()
        {
            Fleet fleet = Fleet.Generate(1, 8, 4, 15);
            string name = fleet.Subscriptions[0].ResourceGroups[0].Accounts[0].Deployments[1].Name;
            var handler = new InterceptingHandler();
            await using ArmHarness h = await Start(fleet, handler: handler);

            List<Deployment> found = await ScanAsync(h, new ScanRequest { DeploymentName = name });

            Assert.NotEmpty(found);
            Assert.All(found, d => Assert.Equal(name, d.Name));
            Assert.Equal(Expected(fleet).Count(e => e.Id.EndsWith("/deployments/" + name, StringComparison.Ordinal)), found.Count);
            Assert.Equal(8, handler.Sent.Count(r => r.Url.AbsolutePath.EndsWith("/deployments/" + name, StringComparison.Ordinal)));
            Assert.DoesNotContain(handler.Sent, r => r.Url.AbsolutePath.EndsWith("/deployments", StringComparison.Ordinal));
            Assert.Empty(h.Sink.Errors);
        }

        [Theory]
        [InlineData("account", ArmErrorIds.AccountNotFound)]
        [InlineData("group", ArmErrorIds.ResourceGroupNotFound)]
        [InlineData("group-and-account", ArmErrorIds.AccountNotFound)]
        [InlineData("deployment", ArmErrorIds.DeploymentNotFound)]
        public async Task A_literal_name_that_matches_nothing_gives_one_not_found_error(string which, string errorId)
        {
            Fleet fleet = Fleet.Generate(1, 4, 2, 16);
            await using ArmHarness h = await Start(fleet);
            var request = which switch
            {
                "account" => new ScanRequest { AccountName = "no-such-account" },
                "group" => new ScanRequest { ResourceGroupName = "rg-nowhere" },
                "group-and-account" => new ScanRequest { ResourceGroupName = fleet.Subscriptions[0].ResourceGroups[0].Name, AccountName = "no-such-account" },
                _ => new ScanRequest { DeploymentName = "no-such-deployment" },
            };

            List<Deployment> found = await ScanAsync(h, request);

            Assert.Empty(found);
            ModelLifecycleException error = Assert.Single(h.Sink.Errors);
            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        }

        [Fact]
        public async Task A_wildcard_that_matches_nothing_is_silent()
        {
            await using ArmHarness h = await Start(Fleet.Generate(1, 4, 2, 17));

            Assert.Empty(await ScanAsync(h, new ScanRequest { AccountName = "nothing-*" }));
            Assert.Empty(h.Sink.Errors);
        }

        [Fact]
        public async Task Named_accounts_are_read_without_discovery()
        {
            Fleet fleet = Fleet.Generate(2, 4, 3, 18);
            FleetSubscription s = fleet.Subscriptions[1];
            FleetAccount a = s.ResourceGroups[0].Accounts[0];
            FleetAccount b = s.ResourceGroups[0].Accounts[2];
            var handler = new InterceptingHandler();
            await using ArmHarness h = await Start(fleet, new EmulatorOptions { PageSize = 2 }, handler: handler);
            var ids = new[] { a, b, a }.Select(x => AzureResourceId.ForAccount(s.SubscriptionId, s.ResourceGroups[0].Name, x.Name)).ToList();

            List<Deployment> found = await ScanAsync(h, new ScanRequest { Accounts = ids });

            AssertSame(Expected(fleet, (_, _, x) => x == a || x == b), found);
            Assert.DoesNotContain(handler.Sent, r => r.Url.AbsolutePath == "/subscriptions" || r.Url.AbsolutePath.EndsWith("/accounts", StringComparison.Ordinal));
            Assert.Equal(2, handler.Sent.Count(r => r.Url.AbsolutePath.EndsWith("/accounts/" + a.Name, StringComparison.Ordinal) || r.Url.AbsolutePath.EndsWith("/accounts/" + b.Name, StringComparison.Ordinal)));
        }

        [Fact]
        public async Task An_empty_subscription_list_with_named_accounts_discovers_nothing_but_a_star_anywhere_means_all()
        {
            Fleet fleet = Fleet.Generate(2, 3, 1, 27);
            FleetSubscription s = fleet.Subscriptions[1];
            AzureResourceId named = AzureResourceId.ForAccount(s.SubscriptionId, s.ResourceGroups[0].Name, s.ResourceGroups[0].Accounts[0].Name);
            await using ArmHarness h = await Start(fleet);

            List<Deployment> onlyNamed = await ScanAsync(h, new ScanRequest { SubscriptionIds = Array.Empty<string>(), Accounts = new[] { named } });
            List<Deployment> all = await ScanAsync(h, new ScanRequest { SubscriptionIds = new[] { fleet.Subscriptions[0].SubscriptionId, "*" } });

            Assert.Single(onlyNamed);
            AssertSame(Expected(fleet), all);
        }

        [Fact]
        public async Task A_named_account_that_is_gone_gives_one_error()
        {
            Fleet fleet = Fleet.Generate(1, 2, 2, 19);
            FleetSubscription s = fleet.Subscriptions[0];
            AzureResourceId gone = AzureResourceId.ForAccount(s.SubscriptionId, s.ResourceGroups[0].Name, "gone");
            AzureResourceId here = AzureResourceId.ForAccount(s.SubscriptionId, s.ResourceGroups[0].Name, s.ResourceGroups[0].Accounts[0].Name);
            await using ArmHarness h = await Start(fleet);

            List<Deployment> found = await ScanAsync(h, new ScanRequest { Accounts = new[] { gone, here } });

            Assert.Equal(2, found.Count);
            var error = Assert.IsType<ArmException>(Assert.Single(h.Sink.Errors));
            Assert.Equal(ArmErrorIds.AccountNotFound, error.ErrorId);
            Assert.Equal(gone.AccountId, error.Target);
        }

        [Fact]
        public async Task Named_deployments_are_read_one_by_one_with_one_error_for_the_missing_one()
        {
            Fleet fleet = Fleet.Generate(1, 3, 3, 20);
            FleetSubscription s = fleet.Subscriptions[0];
            FleetResourceGroup g = s.ResourceGroups[0];
            AzureResourceId Id(int account, string deployment) => AzureResourceId.ForDeployment(s.SubscriptionId, g.Name, g.Accounts[account].Name, deployment);
            var ids = new[] { Id(0, g.Accounts[0].Deployments[0].Name), Id(0, g.Accounts[0].Deployments[2].Name), Id(0, "missing"), Id(2, g.Accounts[2].Deployments[1].Name) };
            var handler = new InterceptingHandler();
            await using ArmHarness h = await Start(fleet, handler: handler);

            List<Deployment> found = await ScanAsync(h, new ScanRequest { Deployments = ids });

            Assert.Equal(new[] { ids[0], ids[1], ids[3] }.Select(i => i.DeploymentId).OrderBy(x => x), found.Select(d => d.ResourceId).OrderBy(x => x));
            Assert.All(found, d => Assert.Equal(g.Accounts.Single(a => a.Name == d.AccountName).Location, d.Location));
            var error = Assert.IsType<ArmException>(Assert.Single(h.Sink.Errors));
            Assert.Equal(ArmErrorIds.DeploymentNotFound, error.ErrorId);
            Assert.Equal(ids[2].DeploymentId, error.Target);
            Assert.Equal(2, handler.Sent.Count(r => r.Url.AbsolutePath.Split('/').Length == 9)); // one account GET per account
            Assert.DoesNotContain(handler.Sent, r => r.Url.AbsolutePath.EndsWith("/deployments", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Callbacks_and_sink_calls_come_one_at_a_time_even_with_many_workers()
        {
            Fleet fleet = Fleet.Generate(1, 16, 4, 21);
            await using ArmHarness h = await Start(fleet, new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(5) }, o => o.ThrottleLimit = 8);
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, Method = "GET", Probability = 0.2, Seed = 1, RetryAfterSeconds = 0 });
            int inside = 0;
            bool overlapped = false;

            List<Deployment> found = await ScanAsync(h, new ScanRequest(), _ =>
            {
                if (Interlocked.Increment(ref inside) > 1)
                {
                    overlapped = true;
                }

                Thread.Sleep(1);
                Interlocked.Decrement(ref inside);
            });

            Assert.Equal(64, found.Count);
            Assert.False(overlapped, "two onDeployment calls ran at once");
            Assert.False(h.Sink.Overlapped, "two sink calls ran at once");
        }

        [Fact]
        public async Task A_callback_that_throws_stops_the_scan_with_that_exception_and_nothing_is_called_afterwards()
        {
            Fleet fleet = Fleet.Generate(1, 20, 5, 22);
            await using ArmHarness h = await Start(fleet, new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(5) }, o => o.ThrottleLimit = 4);
            int calls = 0;

            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => ScanAsync(h, new ScanRequest(), _ =>
            {
                if (Interlocked.Increment(ref calls) == 7)
                {
                    throw new InvalidOperationException("pipeline stopped");
                }
            }));

            Assert.Equal("pipeline stopped", e.Message);
            int afterReturn = Volatile.Read(ref calls);
            int sinkCalls = h.Sink.Debug.Count;
            await Task.Delay(200);
            Assert.Equal(afterReturn, Volatile.Read(ref calls));
            Assert.Equal(sinkCalls, h.Sink.Debug.Count);
            Assert.True(afterReturn < 100);
        }

        [Fact]
        public async Task Cancelling_during_a_hang_returns_promptly_without_error_records()
        {
            Fleet fleet = Fleet.Generate(1, 6, 2, 23);
            await using ArmHarness h = await Start(fleet, configure: o => o.RequestTimeout = TimeSpan.FromSeconds(60));
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.Hang, PathContains = "/deployments" });
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            Stopwatch watch = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ScanAsync(h, new ScanRequest(), cancellationToken: cancel.Token));

            // Requests hang with a 60 s timeout: only cancellation can end the scan this soon (a generous bound).
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), watch.Elapsed.ToString());
            Assert.Empty(h.Sink.Errors);
            Assert.True(h.Sink.Progress.Last().IsComplete);
        }

        [Fact]
        public async Task Progress_is_throttled_and_ends_with_a_complete_report()
        {
            Fleet fleet = Fleet.Generate(2, 10, 3, 24);
            await using ArmHarness h = await Start(fleet, new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(40) }, o => o.ThrottleLimit = 2);
            Stopwatch watch = Stopwatch.StartNew();

            List<Deployment> found = await ScanAsync(h, new ScanRequest { SubscriptionIds = new[] { "*" }, ProgressActivityId = 7 });

            double elapsedMs = watch.Elapsed.TotalMilliseconds;
            Assert.Equal(60, found.Count);
            IReadOnlyList<ProgressReport> reports = h.Sink.Progress;
            ProgressReport last = reports[reports.Count - 1];
            Assert.True(last.IsComplete);
            Assert.Equal(7, last.ActivityId);
            Assert.Equal("Reading model deployments", last.Activity);
            Assert.Equal("20 of 20 accounts, 60 deployments", last.Status);
            Assert.Equal(20, last.Completed);
            Assert.Equal(20, last.Total);
            Assert.Single(reports, r => r.IsComplete);
            Assert.InRange(reports.Count - 1, 2, (int)(elapsedMs / 250) + 3);
            Assert.Contains(reports, r => !r.IsComplete && r.Completed > 0 && r.Completed < 20);
        }

        [Fact]
        public async Task Without_a_subscription_in_the_context_there_is_nothing_to_scan()
        {
            Fleet fleet = Fleet.Generate(1, 1, 1, 25);
            await using ArmHarness h = await ArmHarness.StartAsync(fleet, subscriptionId: null);

            var e = await Assert.ThrowsAsync<ModelLifecycleException>(() => new FleetScanner(h.Client, h.Sink).ScanAsync(new ScanRequest(), _ => { }, CancellationToken.None));

            Assert.Equal("NoSubscription", e.ErrorId);
            Assert.Contains("Set-AzContext", e.RecommendedAction, StringComparison.Ordinal);
        }

        [Fact]
        public async Task When_the_subscription_list_cannot_be_read_the_scan_fails_as_a_whole()
        {
            Fleet fleet = Fleet.Generate(1, 1, 1, 26);
            await using ArmHarness h = await Start(fleet);
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, StatusCode = 403, ErrorCode = "AuthorizationFailed", PathRegex = @"^/subscriptions\?" });

            var e = await Assert.ThrowsAsync<ArmException>(() => ScanAsync(h, new ScanRequest { SubscriptionIds = new[] { "*" } }));

            Assert.Equal(ArmErrorIds.AuthorizationFailed, e.ErrorId);
        }
    }
}
