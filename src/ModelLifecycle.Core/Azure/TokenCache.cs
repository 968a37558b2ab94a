using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModelLifecycle.Core.Azure
{
    /// <summary>
    /// Keeps one token for all requests of a run and fetches a new one shortly before it expires, or
    /// when ARM rejected it (401). Concurrent callers share one fetch.
    /// </summary>
    public sealed class TokenCache
    {
        /// <summary>Refresh this long before ExpiresOn, so no request leaves with a token about to lapse.</summary>
        public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

        private readonly IAzureSession _session;
        private readonly IClock _clock;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private AccessTokenInfo? _current;

        public TokenCache(IAzureSession session, IClock? clock = null)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _clock = clock ?? SystemClock.Instance;
        }

        /// <summary>How many times a token was fetched (for tests and diagnostics).</summary>
        public int FetchCount { get; private set; }

        public async Task<AccessTokenInfo> GetAsync(CancellationToken cancellationToken)
        {
            var token = _current;
            if (token is not null && token.ExpiresOn - _clock.UtcNow > RefreshMargin)
            {
                return token;
            }

            return await FetchAsync(token, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Called after ARM rejected <paramref name="rejected"/>: fetches a new token unless another
        /// caller already replaced it.
        /// </summary>
        public Task<AccessTokenInfo> RefreshAsync(AccessTokenInfo rejected, CancellationToken cancellationToken) =>
            FetchAsync(rejected, cancellationToken, force: true);

        private async Task<AccessTokenInfo> FetchAsync(AccessTokenInfo? seen, CancellationToken cancellationToken, bool force = false)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // A valid token wins, unless it is the very one ARM just rejected.
                var current = _current;
                var valid = current is not null && current.ExpiresOn - _clock.UtcNow > RefreshMargin;
                if (valid && (!force || !ReferenceEquals(current, seen)))
                {
                    return current!;
                }

                var fresh = await _session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                FetchCount++;
                _current = fresh;
                return fresh;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
