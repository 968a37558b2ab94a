using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// A local stand-in for Azure Resource Manager's Microsoft.CognitiveServices endpoints, served by
    /// Kestrel on 127.0.0.1 and a free port. Tests talk to <see cref="BaseUri"/> exactly as a client
    /// talks to https://management.azure.com/.
    /// </summary>
    public sealed class ArmEmulatorServer : IAsyncDisposable
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly TaskCompletionSource shutdownRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        private WebApplication? app;
        private int stopped;

        private ArmEmulatorServer(Fleet fleet, EmulatorOptions options)
        {
            Settings = new ServerSettings(options);
            State = new EmulatorState(fleet, Settings, options.TimeProvider);
            foreach (FaultRule rule in options.Faults)
            {
                Faults.Add(rule);
            }
        }

        /// <summary>http://127.0.0.1:{port}/ (with the trailing slash, like ARM's endpoint).</summary>
        public Uri BaseUri { get; private set; } = new Uri("http://127.0.0.1/");

        public EmulatorState State { get; }

        public FaultInjector Faults { get; } = new FaultInjector();

        public RequestCounters Counters { get; } = new RequestCounters();

        /// <summary>Added to every ARM request; change it at any time.</summary>
        public TimeSpan Latency
        {
            get => Settings.Latency;
            set => Settings.Latency = value;
        }

        /// <summary>Items per list page; 0 means no paging.</summary>
        public int PageSize
        {
            get => Settings.PageSize;
            set => Settings.PageSize = value;
        }

        /// <summary>Null accepts any bearer token; set a predicate to expire one token and accept another.</summary>
        public Func<string, bool>? AcceptedTokens
        {
            get => Settings.AcceptedTokens;
            set => Settings.AcceptedTokens = value;
        }

        /// <summary>Polls answered InProgress before an operation finishes (negative: only time finishes it).</summary>
        public int LroInProgressPolls
        {
            get => Settings.LroInProgressPolls;
            set => Settings.LroInProgressPolls = value;
        }

        public TimeSpan? LroDuration
        {
            get => Settings.LroDuration;
            set => Settings.LroDuration = value;
        }

        public int RetryAfterSeconds
        {
            get => Settings.RetryAfterSeconds;
            set => Settings.RetryAfterSeconds = value;
        }

        /// <summary>Completes when POST /_emulator/shutdown is called (the command line waits on it).</summary>
        public Task ShutdownRequested => shutdownRequested.Task;

        internal ServerSettings Settings { get; }

        internal CancellationToken Stopping => stopping.Token;

        /// <summary>Starts a server on 127.0.0.1 and a free port, seeded with a copy of <paramref name="fleet"/>.</summary>
        public static async Task<ArmEmulatorServer> StartAsync(Fleet fleet, EmulatorOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(fleet);
            var server = new ArmEmulatorServer(fleet.Clone(), options ?? new EmulatorOptions());
            await server.RunAsync().ConfigureAwait(false);
            return server;
        }

        /// <summary>Stops serving: hanging requests are dropped, then Kestrel shuts down.</summary>
        public async Task StopAsync()
        {
            if (Interlocked.Exchange(ref stopped, 1) != 0 || app == null)
            {
                return;
            }

            stopping.Cancel();
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
        }

        public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

        internal void RequestShutdown() => shutdownRequested.TrySetResult();

        private async Task RunAsync()
        {
            // The empty builder reads no configuration files or environment variables and registers
            // no log providers, so the emulator is quiet and behaves the same on every machine.
            WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(IPAddress.Loopback, 0);
            });
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
            app = builder.Build();

            var arm = new ArmPipeline(this, ArmEndpoints.Build(new EndpointContext(State, Settings)));
            var admin = new AdminEndpoints(this);
            app.Run(http => http.Request.Path.StartsWithSegments(AdminEndpoints.Root, StringComparison.OrdinalIgnoreCase)
                ? admin.InvokeAsync(http)
                : arm.InvokeAsync(http));

            await app.StartAsync().ConfigureAwait(false);
            string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            BaseUri = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        }
    }
}
