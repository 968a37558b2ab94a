using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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
    /// <summary>Where the token may go, where it must never appear, and how fast cancellation stops a call.</summary>
    public sealed class ArmClientSafetyTests
    {
        private static readonly AzureResourceId AccountOne = AzureResourceId.ForAccount(TestFleets.Subscription, TestFleets.Group, TestFleets.Account);

        [Theory]
        [InlineData("other-port")]
        [InlineData("other-host")]
        [InlineData("other-scheme")]
        public async Task A_nextLink_to_another_host_is_refused_and_nothing_is_sent_there(string variant)
        {
            await using ArmEmulatorServer foreign = await ArmEmulatorServer.StartAsync(TestFleets.Small());
            var handler = new InterceptingHandler();
            string planted = "";
            handler.OnResponse = async (request, response) =>
            {
                if (request.RequestUri!.AbsolutePath.EndsWith("/deployments", StringComparison.Ordinal))
                {
                    JObject page = JObject.Parse(await response.Content.ReadAsStringAsync());
                    var next = new UriBuilder((string)page["nextLink"]!);
                    switch (variant)
                    {
                        case "other-port":
                            next.Port = foreign.BaseUri.Port;
                            break;
                        case "other-host":
                            next.Host = "localhost";
                            break;
                        default:
                            next.Scheme = "https";
                            break;
                    }

                    planted = next.Uri.GetLeftPart(UriPartial.Authority);
                    page["nextLink"] = next.Uri.AbsoluteUri;
                    response.Content = new StringContent(page.ToString());
                }

                return response;
            };
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), new EmulatorOptions { PageSize = 1 }, handler: _ => handler);

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None));

            Assert.Equal(ArmErrorIds.UntrustedLink, e.ErrorId);
            Assert.Equal(ErrorKind.SecurityError, e.Kind);
            Assert.Contains(planted, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(ArmHarness.Token, e.ToString(), StringComparison.Ordinal);
            Assert.Single(handler.Sent); // only the first page went out
            Assert.Equal(0L, foreign.Counters.Total);
            Assert.Equal(1L, h.Server.Counters.Total);
        }

        [Fact]
        public async Task An_operation_URL_on_another_host_is_refused()
        {
            await using ArmEmulatorServer foreign = await ArmEmulatorServer.StartAsync(TestFleets.Small());
            var handler = new InterceptingHandler
            {
                OnResponse = (request, response) =>
                {
                    if (response.Headers.TryGetValues("Azure-AsyncOperation", out var values))
                    {
                        var moved = new UriBuilder(values.Single()) { Port = foreign.BaseUri.Port };
                        response.Headers.Remove("Azure-AsyncOperation");
                        response.Headers.TryAddWithoutValidation("Azure-AsyncOperation", moved.Uri.AbsoluteUri);
                    }

                    return Task.FromResult(response);
                },
            };
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), handler: _ => handler);
            JObject body = await h.Client.GetDeploymentAsync(Deployment("chat"), CancellationToken.None);

            ArmException e = await Assert.ThrowsAsync<ArmException>(() => h.Client.PutDeploymentAsync(Deployment("chat"), body, CancellationToken.None));

            Assert.Equal(ArmErrorIds.UntrustedLink, e.ErrorId);
            Assert.Equal(0L, foreign.Counters.Total);
        }

        [Fact]
        public async Task The_token_never_appears_in_messages_errors_or_their_ToString()
        {
            var handler = new InterceptingHandler();
            await using ArmHarness h = await ArmHarness.StartAsync(
                ArmClientReadTests.SmallWith(3),
                new EmulatorOptions { PageSize = 2 },
                o =>
                {
                    o.MaxAttempts = 2;
                    o.ConflictRetryLimit = 1;
                    o.RequestTimeout = TimeSpan.FromMilliseconds(200);
                },
                handler: _ => handler);
            var failures = new List<Exception>();

            async Task Expect(FaultRule? rule, Func<Task> call)
            {
                h.Server.Faults.Clear();
                if (rule != null)
                {
                    h.Server.Faults.Add(rule);
                }

                failures.Add(await Assert.ThrowsAnyAsync<Exception>(call));
            }

            Func<Task> list = () => h.Client.ListDeploymentsAsync(AccountOne, CancellationToken.None);
            JObject chat = await h.Client.GetDeploymentAsync(Deployment("chat"), CancellationToken.None);
            Func<Task> put = () => h.Client.PutDeploymentAsync(Deployment("chat"), chat, CancellationToken.None);
            await Expect(new FaultRule { Kind = FaultKind.Throttle, RetryAfterSeconds = 0 }, list);
            await Expect(new FaultRule { Kind = FaultKind.InternalServerError }, list);
            await Expect(new FaultRule { Kind = FaultKind.Unauthorized }, list);
            await Expect(new FaultRule { Kind = FaultKind.InternalServerError, StatusCode = 403, ErrorCode = "AuthorizationFailed" }, list);
            await Expect(new FaultRule { Kind = FaultKind.Hang }, list);
            await Expect(new FaultRule { Kind = FaultKind.ConnectionReset }, list);
            await Expect(new FaultRule { Kind = FaultKind.MalformedJson }, list);
            await Expect(new FaultRule { Kind = FaultKind.Conflict, Method = "PUT" }, put);
            await Expect(new FaultRule { Kind = FaultKind.LroFailed, Method = "PUT" }, put);
            await Expect(null, () => h.Client.GetDeploymentAsync(Deployment("missing"), CancellationToken.None));

            // The token did travel (to ARM only), so finding it nowhere else means something.
            Assert.Contains(handler.Sent, r => r.Token == ArmHarness.Token);
            Assert.All(handler.Sent, r => Assert.Equal(h.Server.BaseUri.Authority, r.Url.Authority));
            Assert.Equal(10, failures.Count);
            Assert.All(failures, f => Assert.IsType<ArmException>(f));
            foreach (Exception failure in failures)
            {
                var e = (ArmException)failure;
                foreach (string? text in new[] { e.Message, e.ToString(), e.RecommendedAction, e.RequestUrl, e.ArmMessage, Convert.ToString(e.Target) })
                {
                    Assert.DoesNotContain(ArmHarness.Token, text ?? string.Empty, StringComparison.Ordinal);
                }
            }

            List<string> said = h.Sink.AllText().ToList();
            Assert.True(said.Count > 20, "the run should have said a lot");
            Assert.All(said, s => Assert.DoesNotContain(ArmHarness.Token, s, StringComparison.Ordinal));
            Assert.All(said, s => Assert.DoesNotContain("Bearer", s, StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public async Task Cancelling_during_a_hang_returns_at_once_as_OperationCanceledException()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), configure: o => o.RequestTimeout = TimeSpan.FromSeconds(60));
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.Hang });
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            Stopwatch watch = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.ListDeploymentsAsync(AccountOne, cancel.Token));

            // The request hangs and its own timeout is 60 s: only cancellation can end it this soon (a generous bound).
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), watch.Elapsed.ToString());
            Assert.Empty(h.Sink.Verbose); // not counted as a timeout, not retried
        }

        [Fact]
        public async Task Cancelling_during_a_Retry_After_wait_returns_at_once()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small());
            h.WaitCap = null;
            h.Server.Faults.Add(new FaultRule { Kind = FaultKind.Throttle, RetryAfterSeconds = 30 });
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            Stopwatch watch = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.ListDeploymentsAsync(AccountOne, cancel.Token));

            // Not a timing test: without cancellation the client would wait the 30 s ARM asked for, so
            // half of that tells "returned on cancellation" from "waited", however loaded the machine.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), watch.Elapsed.ToString());
            Assert.True(h.Server.Counters.Count("GET", "/deployments") <= 1, "no retry after the 429");
        }

        [Fact]
        public async Task Cancelling_while_an_operation_is_polled_stops_the_polling()
        {
            await using ArmHarness h = await ArmHarness.StartAsync(TestFleets.Small(), new EmulatorOptions { LroInProgressPolls = -1 });
            JObject body = await h.Client.GetDeploymentAsync(Deployment("chat"), CancellationToken.None);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            Stopwatch watch = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.PutDeploymentAsync(Deployment("chat"), body, cancel.Token));

            // The operation never ends: only cancellation can have stopped the wait (generous bound, not a timing test).
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), watch.Elapsed.ToString());
            await Task.Delay(100); // a poll already on the wire when the token fired may still arrive
            long polls = h.Server.Counters.Count("GET", "/operationStatuses/");
            await Task.Delay(200);
            Assert.Equal(polls, h.Server.Counters.Count("GET", "/operationStatuses/"));
        }

        [Fact]
        public void The_endpoint_must_be_https_or_loopback()
        {
            var e = Assert.Throws<ModelLifecycleException>(() =>
                new ArmClient(new FakeAzureSession(new Uri("http://management.example.test/"), _ => "t", TimeSpan.FromHours(1))));
            Assert.Equal("InsecureResourceManagerUrl", e.ErrorId);
        }
    }
}
