using System;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Azure;

namespace ModelLifecycle.Bench.SetOption
{
    /// <summary>A sign-in for the local emulator: a fixed token that never expires during a run.</summary>
    internal sealed class StaticTokenSession : IAzureSession
    {
        public StaticTokenSession(Uri endpoint, string subscriptionId) =>
            Context = new AzureContextInfo(subscriptionId, "00000000-0000-0000-0000-0000000000ff", "AzureCloud", endpoint, "bench@example.com");

        public AzureContextInfo Context { get; }

        public Task<AccessTokenInfo> GetTokenAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new AccessTokenInfo("bench-token", DateTimeOffset.UtcNow.AddHours(1)));
    }
}
