using System;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Azure;

namespace ModelLifecycle.Core.Tests.Arm
{
    /// <summary>
    /// An Az sign-in for tests: the n-th token fetch (1-based) returns <c>tokenForFetchNumber(n)</c>, valid
    /// for <c>lifetime</c> from now. Counts its fetches, so a test can tell a refresh from a cached token.
    /// </summary>
    public sealed class FakeAzureSession : IAzureSession
    {
        private readonly Func<int, string> tokenForFetchNumber;
        private readonly TimeSpan lifetime;
        private int fetches;

        public FakeAzureSession(Uri endpoint, Func<int, string> tokenForFetchNumber, TimeSpan lifetime, string? subscriptionId = "00000000-0000-4000-8000-0000000000a1")
        {
            this.tokenForFetchNumber = tokenForFetchNumber;
            this.lifetime = lifetime;
            Context = new AzureContextInfo(subscriptionId, "00000000-0000-4000-8000-00000000000f", "AzureCloud", endpoint, "tester@example.com");
        }

        public AzureContextInfo Context { get; }

        public int FetchCount => Volatile.Read(ref fetches);

        public Task<AccessTokenInfo> GetTokenAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = Interlocked.Increment(ref fetches);
            return Task.FromResult(new AccessTokenInfo(tokenForFetchNumber(n), DateTimeOffset.UtcNow + lifetime));
        }
    }
}
