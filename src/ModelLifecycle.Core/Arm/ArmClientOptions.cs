using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// How an <see cref="ArmClient"/> paces itself: how many requests it keeps in flight, how it retries,
    /// how long it waits. The defaults suit a real ARM endpoint; tests shorten the waits.
    /// </summary>
    public sealed class ArmClientOptions
    {
        /// <summary>The -ThrottleLimit default of every cmdlet that talks to Azure (see about_ModelLifecycle).</summary>
        public const int DefaultThrottleLimit = 16;

        /// <summary>Requests in flight at once across the whole client (the cmdlets' -ThrottleLimit).</summary>
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>
        /// Attempts per request, the first included, for transient failures (429, 500/502/503/504,
        /// timeouts, dropped connections, bodies that are not valid JSON). Default 6.
        /// </summary>
        public int MaxAttempts { get; set; } = 6;

        /// <summary>The first backoff step; attempt n waits a random time up to BaseDelay x 2^(n-1) (full jitter). Default 1 s.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest backoff between attempts, and the longest pause between polls of an operation that names no Retry-After. Default 30 s.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The longest Retry-After the client honours; a longer one is cut to this. Default 5 min.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>How long one request may take before it counts as timed out (and is retried). Default 60 s.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The shortest pause between polls of a long-running operation, whatever Retry-After says. Default 1 s.</summary>
        public TimeSpan MinimumPollInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>How long a write may take to finish (its long-running operation) before it counts as timed out. Default 30 min.</summary>
        public TimeSpan LroTimeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>
        /// How many times a write that met 409 RequestConflict (another operation runs on the account) is
        /// retried after a backoff before it fails with RequestConflict. Default 10.
        /// </summary>
        public int ConflictRetryLimit { get; set; } = 10;

        /// <summary>Seed for the backoff jitter, so tests see the same waits on every run; null seeds from the clock.</summary>
        public int? JitterSeed { get; set; }

        /// <summary>The clock used to read Retry-After given as an HTTP date. Default: the system clock.</summary>
        public IClock? Clock { get; set; }

        /// <summary>
        /// How the client waits between attempts and polls (default Task.Delay). Tests replace it to record
        /// the waits or to shorten them; it must honour the cancellation token.
        /// </summary>
        public Func<TimeSpan, CancellationToken, Task>? Delay { get; set; }

        /// <summary>The User-Agent product token sent with every request.</summary>
        public string UserAgent { get; set; } = "ModelLifecycle/" + typeof(ArmClientOptions).Assembly.GetName().Version?.ToString(3);

        internal ArmClientOptions Validated()
        {
            Require(ThrottleLimit >= 1, nameof(ThrottleLimit), "must be at least 1");
            Require(MaxAttempts >= 1, nameof(MaxAttempts), "must be at least 1");
            Require(ConflictRetryLimit >= 0, nameof(ConflictRetryLimit), "must not be negative");
            Require(BaseDelay >= TimeSpan.Zero && MaxDelay >= TimeSpan.Zero && MaxRetryAfter >= TimeSpan.Zero && MinimumPollInterval >= TimeSpan.Zero, "delays", "must not be negative");
            Require(RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout), "must be positive");
            Require(LroTimeout > TimeSpan.Zero, nameof(LroTimeout), "must be positive");
            return (ArmClientOptions)MemberwiseClone();
        }

        private static void Require(bool condition, string name, string what)
        {
            if (!condition)
            {
                throw new ArgumentOutOfRangeException(name, $"ArmClientOptions.{name} {what}.");
            }
        }
    }
}
