using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Arm;

namespace ModelLifecycle.Core.Tests.Arm
{
    /// <summary>
    /// An emulator on loopback, a fake sign-in, a recording sink and an ArmClient with short waits. Waits the
    /// client asks for are recorded in <see cref="Waits"/> and really slept for at most <see cref="WaitCap"/>,
    /// so a test can check that Retry-After was honoured without spending the time.
    /// </summary>
    internal sealed class ArmHarness : IAsyncDisposable
    {
        public const string Token = "tok-7c1f9e2a-harness-secret";

        private readonly ConcurrentQueue<TimeSpan> waits = new ConcurrentQueue<TimeSpan>();

        private ArmHarness(ArmEmulatorServer server, FakeAzureSession session, ArmClientOptions options, HttpMessageHandler? handler)
        {
            Server = server;
            Session = session;
            Options = options;
            options.Delay = RecordedDelayAsync;
            Client = new ArmClient(session, options, Sink, handler);
        }

        public ArmEmulatorServer Server { get; }

        public FakeAzureSession Session { get; }

        public ArmClientOptions Options { get; }

        public RecordingArmSink Sink { get; } = new RecordingArmSink();

        public ArmClient Client { get; }

        /// <summary>The longest a requested wait really lasts in tests (null: the full wait).</summary>
        public TimeSpan? WaitCap { get; set; } = TimeSpan.FromMilliseconds(20);

        public IReadOnlyList<TimeSpan> Waits => waits.ToList();

        /// <summary>Options that keep tests fast: millisecond backoff and polls, a 5 s request timeout.</summary>
        public static ArmClientOptions FastOptions() => new ArmClientOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(2),
            MaxDelay = TimeSpan.FromMilliseconds(20),
            MinimumPollInterval = TimeSpan.FromMilliseconds(5),
            RequestTimeout = TimeSpan.FromSeconds(5),
            LroTimeout = TimeSpan.FromSeconds(20),
            JitterSeed = 42,
        };

        public static async Task<ArmHarness> StartAsync(
            Fleet fleet,
            EmulatorOptions? emulator = null,
            Action<ArmClientOptions>? configure = null,
            Func<Uri, HttpMessageHandler>? handler = null,
            Func<int, string>? tokens = null,
            string? subscriptionId = TestFleetIds.Subscription)
        {
            ArmEmulatorServer server = await ArmEmulatorServer.StartAsync(fleet, emulator ?? new EmulatorOptions());
            ArmClientOptions options = FastOptions();
            configure?.Invoke(options);
            var session = new FakeAzureSession(server.BaseUri, tokens ?? (_ => Token), TimeSpan.FromHours(1), subscriptionId);
            return new ArmHarness(server, session, options, handler?.Invoke(server.BaseUri));
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Server.DisposeAsync();
        }

        private Task RecordedDelayAsync(TimeSpan wait, CancellationToken cancellationToken)
        {
            waits.Enqueue(wait);
            TimeSpan real = WaitCap is TimeSpan cap && wait > cap ? cap : wait;
            return real > TimeSpan.Zero ? Task.Delay(real, cancellationToken) : Task.CompletedTask;
        }
    }

    internal static class TestFleetIds
    {
        public const string Subscription = "00000000-0000-4000-8000-0000000000a1";
    }
}
