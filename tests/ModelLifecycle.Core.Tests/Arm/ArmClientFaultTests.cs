using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Tests.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;
using static ModelLifecycle.Core.Tests.Arm.ArmClientReadTests;

namespace ModelLifecycle.Core.Tests.Arm
{
    /// <summary>Every emulator fault kind on reads, and what the caller sees: success after retries, or one error.</summary>
    public sealed class ArmClientFaultTests
    {
        private static readonly AzureResourceId AccountOne = AzureResourceId.ForAccount(TestFleets.Subscription, TestFleets.Group, TestFleets.Account);

        private static FaultRule OnDeploymentList(FaultKind kind, int? times = null) =>
            new FaultRule { Kind = kind, Method = "GET", PathContains = "/deployments?", ToRequest = times };

        [Fact]
        public async Task Throttled_requests_wait_Retry_After_then_succeed()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            FaultRule rule = OnDeploymentList(FaultKind.Throttle, 2);
            rule.RetryAfterSeconds = 3;
            h.Server.Faults.Add(rule);

            IReadOnlyList<JObject> deployments = await h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None);

            Assert.Equal(2, deployments.Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3) }, h.Waits);
            Assert.Equal(3, h.Server.Counters.Count("GET", "/deployments"));
            Assert.Contains(h.Sink.Verbose, v => v.EndsWith("429 throttled; retrying in 3.0 s (attempt 2 of 6)", StringComparison.Ordinal));
            Assert.Contains(h.Sink.Verbose, v => v.EndsWith("429 throttled; retrying in 3.0 s (attempt 3 of 6)", StringComparison.Ordinal));
            Assert.StartsWith("Reading deployments of account 'acct-one': ", h.Sink.Verbose[0], StringComparison.Ordinal);
        }

        [Fact]
        public async Task Throttled_on_every_attempt_is_one_Throttled_error_after_MaxAttempts()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), configure: o => o.MaxAttempts = 4);
            h.Server.Faults.Add(OnDeploymentList(FaultKind.Throttle));

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None));

            Assert.Equal(ArmErrorIds.Throttled, e.ErrorId);
            Assert.Equal(ErrorKind.LimitsExceeded, e.Kind);
            Assert.Equal(429, e.HttpStatus);
            Assert.Equal("SubscriptionRequestsThrottled", e.ArmCode);
            Assert.Equal(4, e.Attempts);
            Assert.Contains("after 4 attempts", e.Message, StringComparison.Ordinal);
            Assert.Contains("-ThrottleLimit", e.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(4, h.Server.Counters.Count("GET", "/deployments"));
            Assert.Equal(3, h.Sink.Verbose.Count);
        }

        [Theory]
        [InlineData(FaultKind.InternalServerError, "500 internal server error")]
        [InlineData(FaultKind.ServiceUnavailable, "503 service unavailable")]
        public async Task Server_errors_are_retried_then_succeed(FaultKind kind, string reason)
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            h.Server.Faults.Add(OnDeploymentList(kind, 2));

            IReadOnlyList<JObject> deployments = await h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None);

            Assert.Equal(2, deployments.Count);
            Assert.Equal(3, h.Server.Counters.Count("GET", "/deployments"));
            Assert.Equal(2, h.Sink.Verbose.Count(v => v.Contains(reason, StringComparison.Ordinal)));
        }

        [Theory]
        [InlineData(502)]
        [InlineData(504)]
        public async Task Gateway_errors_are_retried_too(int status)
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            FaultRule rule = OnDeploymentList(FaultKind.InternalServerError, 1);
            rule.StatusCode = status;
            h.Server.Faults.Add(rule);

            Assert.Equal(2, (await h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None)).Count);
            Assert.Equal(2, h.Server.Counters.Count("GET", "/deployments"));
        }

        [Fact]
        public async Task Server_errors_on_every_attempt_are_one_ArmServiceError()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), configure: o => o.MaxAttempts = 3);
            h.Server.Faults.Add(OnDeploymentList(FaultKind.ServiceUnavailable));

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None));

            Assert.Equal(ArmErrorIds.ArmServiceError, e.ErrorId);
            Assert.Equal(ErrorKind.ResourceUnavailable, e.Kind);
            Assert.Equal(503, e.HttpStatus);
            Assert.Equal("ServiceUnavailable", e.ArmCode);
            Assert.Equal(3, h.Server.Counters.Count("GET", "/deployments"));
        }

        [Fact]
        public async Task A_hung_request_times_out_and_the_retry_succeeds()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), configure: o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
            h.Server.Faults.Add(OnDeploymentList(FaultKind.Hang, 1));

            IReadOnlyList<JObject> deployments = await h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None);

            Assert.Equal(2, deployments.Count);
            Assert.Equal(2, h.Server.Counters.Count("GET", "/deployments"));
            Assert.Contains(h.Sink.Verbose, v => v.Contains("no answer within 0.3 s; retrying", StringComparison.Ordinal));
            Assert.Contains(h.Sink.Debug, d => d.Contains("-> no answer within", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_request_that_always_hangs_is_one_ArmRequestTimeout()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), configure: o =>
            {
                o.RequestTimeout = TimeSpan.FromMilliseconds(250);
                o.MaxAttempts = 2;
            });
            h.Server.Faults.Add(OnDeploymentList(FaultKind.Hang));
            Stopwatch watch = Stopwatch.StartNew();

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None));

            Assert.Equal(ArmErrorIds.ArmRequestTimeout, e.ErrorId);
            Assert.Equal(ErrorKind.OperationTimeout, e.Kind);
            Assert.Null(e.HttpStatus);
            Assert.Equal(2, e.Attempts);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), watch.Elapsed.ToString()); // the hang never ends: only the request timeout can

            Assert.Equal(2, h.Server.Counters.Count("GET", "/deployments"));
        }

        [Fact]
        public async Task Latency_within_the_timeout_is_just_slow()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), configure: o => o.RequestTimeout = TimeSpan.FromSeconds(2));
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.Latency, LatencyMs = 150 });

            Assert.Equal(2, (await h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None)).Count);
            Assert.Empty(h.Sink.Verbose);
        }

        [Fact]
        public async Task A_reset_connection_is_retried()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            h.Server.Faults.Add(OnDeploymentList(FaultKind.ConnectionReset, 2));

            Assert.Equal(2, (await h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None)).Count);
            Assert.Equal(3, h.Server.Counters.Count("GET", "/deployments"));
            Assert.Equal(2, h.Sink.Verbose.Count(v => v.Contains("the connection failed; retrying", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_connection_that_always_resets_is_one_ArmConnectionFailed()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), configure: o => o.MaxAttempts = 3);
            h.Server.Faults.Add(OnDeploymentList(FaultKind.ConnectionReset));

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None));

            Assert.Equal(ArmErrorIds.ArmConnectionFailed, e.ErrorId);
            Assert.Equal(ErrorKind.ConnectionError, e.Kind);
            Assert.NotNull(e.InnerException);
            Assert.Equal(3, h.Server.Counters.Count("GET", "/deployments"));
        }

        [Fact]
        public async Task A_torn_JSON_body_is_retried()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            h.Server.Faults.Add(OnDeploymentList(FaultKind.MalformedJson, 1));

            Assert.Equal(2, (await h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None)).Count);
            Assert.Equal(2, h.Server.Counters.Count("GET", "/deployments"));
            Assert.Contains(h.Sink.Verbose, v => v.Contains("200 with a body that is not valid JSON; retrying", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_body_that_is_always_torn_is_one_ArmResponseInvalid()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), configure: o => o.MaxAttempts = 2);
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.MalformedJson, PathContains = "/deployments/chat" });

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.GetDeploymentAsync(Deployment("chat"), CancellationToken.None));

            Assert.Equal(ArmErrorIds.ArmResponseInvalid, e.ErrorId);
            Assert.Equal(ErrorKind.InvalidResult, e.Kind);
            Assert.Equal(200, e.HttpStatus);
        }

        [Fact]
        public async Task A_401_fetches_one_new_token_and_retries()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), tokens: n => "token-" + n);
            h.Server.Faults.Add(OnDeploymentList(FaultKind.Unauthorized, 1));

            Assert.Equal(2, (await h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None)).Count);
            Assert.Equal(2, h.Session.FetchCount);
            Assert.Equal(2, h.Client.Tokens.FetchCount);
            Assert.Contains(h.Sink.Verbose, v => v.Contains("401 ExpiredAuthenticationToken; getting a new access token and retrying", StringComparison.Ordinal));

            // The fresh token is kept for what follows.
            await h.Client.GetDeploymentAsync(Deployment("chat"), CancellationToken.None);
            Assert.Equal(2, h.Session.FetchCount);
        }

        [Fact]
        public async Task A_second_401_is_AuthenticationFailed()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), tokens: n => "token-" + n);
            h.Server.Faults.Add(OnDeploymentList(FaultKind.Unauthorized));

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None));

            Assert.Equal(ArmErrorIds.AuthenticationFailed, e.ErrorId);
            Assert.Equal(ErrorKind.AuthenticationError, e.Kind);
            Assert.Equal(401, e.HttpStatus);
            Assert.Contains("Connect-AzAccount", e.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(2, h.Session.FetchCount);
            Assert.Equal(2, h.Server.Counters.Count("GET", "/deployments"));
        }

        [Fact]
        public async Task A_token_the_server_stops_accepting_is_replaced()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), tokens: n => "token-" + n);
            h.Server.AcceptedTokens = t => t == "token-1";
            await h.Client.GetDeploymentAsync(Deployment("chat"), CancellationToken.None);

            h.Server.AcceptedTokens = t => t == "token-2";
            await h.Client.GetDeploymentAsync(Deployment("embed"), CancellationToken.None);

            Assert.Equal(2, h.Session.FetchCount);
        }

        [Fact]
        public async Task A_403_is_AuthorizationFailed_with_what_to_ask_for_and_is_not_retried()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            h.Server.Faults.Add(new FaultRule
            {
                Kind = FaultKind.InternalServerError,
                StatusCode = 403,
                ErrorCode = "AuthorizationFailed",
                ErrorMessage = "The client 'tester@example.com' does not have authorization to perform action 'Microsoft.CognitiveServices/accounts/deployments/read'.",
            });

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None));

            Assert.Equal(ArmErrorIds.AuthorizationFailed, e.ErrorId);
            Assert.Equal(ErrorKind.PermissionDenied, e.Kind);
            Assert.Contains("does not have authorization", e.Message, StringComparison.Ordinal);
            Assert.Contains("Reader", e.RecommendedAction, StringComparison.Ordinal);
            Assert.Contains("Connect-AzAccount", e.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(1L, h.Server.Counters.Total);
        }

        [Fact]
        public async Task An_account_deleted_before_its_deployments_are_read_is_AccountNotFound()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.DeleteAccount, Account = TestFleets.Account, PathContains = "/accounts/acct-one/deployments" });

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None));

            Assert.Equal(ArmErrorIds.AccountNotFound, e.ErrorId);
            Assert.Equal(AccountOne.AccountId, e.Target);
        }

        [Fact]
        public async Task A_Retry_After_given_as_an_HTTP_date_is_honoured()
        {
            var now = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
            var stub = new StubHandler(
                _ =>
                {
                    var throttled = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}") };
                    throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(7));
                    return throttled;
                },
                _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"value\":[]}") });
            var waits = new List<TimeSpan>();
            var options = new ArmClientOptions { Clock = new FixedClock(now), Delay = (t, _) => { waits.Add(t); return Task.CompletedTask; } };
            using var client = new ArmClient(new FakeAzureSession(new Uri("https://management.example.test/"), _ => "t", TimeSpan.FromHours(1)), options, null, stub);

            Assert.Empty(await client.ListDeploymentsAsync(AccountOne, CancellationToken.None));
            Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, waits);
        }

        [Fact]
        public async Task Backoff_without_Retry_After_grows_with_full_jitter_and_stays_under_MaxDelay()
        {
            var stub = new StubHandler(Enumerable.Repeat<Func<HttpRequestMessage, HttpResponseMessage>>(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError), 7).ToArray());
            var waits = new List<TimeSpan>();
            var options = new ArmClientOptions
            {
                MaxAttempts = 8,
                BaseDelay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(10),
                JitterSeed = 7,
                Delay = (t, _) => { waits.Add(t); return Task.CompletedTask; },
            };
            using var client = new ArmClient(new FakeAzureSession(new Uri("https://management.example.test/"), _ => "t", TimeSpan.FromHours(1)), options, null, stub);

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => client.ListDeploymentsAsync(AccountOne, CancellationToken.None));

            Assert.Equal(ArmErrorIds.ArmServiceError, e.ErrorId);
            Assert.Equal(7, waits.Count);
            double[] ceilings = { 1, 2, 4, 8, 10, 10, 10 };
            for (int i = 0; i < waits.Count; i++)
            {
                Assert.InRange(waits[i].TotalSeconds, 0, ceilings[i]);
            }

            Assert.True(waits.Skip(3).Max() > TimeSpan.FromSeconds(1), "later waits should use the larger ceiling");
            Assert.Equal(8, stub.Calls);
        }

        [Fact]
        public async Task A_400_carries_ARMs_code_as_ErrorId()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.InternalServerError, StatusCode = 400, ErrorCode = "InvalidResourceProperties", ErrorMessage = "Bad sku." });

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.GetDeploymentAsync(Deployment("chat"), CancellationToken.None));

            Assert.Equal("InvalidResourceProperties", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.Equal(1L, h.Server.Counters.Total);
        }
    }

    /// <summary>Answers requests from a list of responders (the last one repeats); no network at all.</summary>
    internal sealed class StubHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, HttpResponseMessage>[] responders;
        private int calls;

        public StubHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] responders) => this.responders = responders;

        public int Calls => calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int n = Interlocked.Increment(ref calls);
            return Task.FromResult(responders[Math.Min(n, responders.Length) - 1](request));
        }
    }
}
