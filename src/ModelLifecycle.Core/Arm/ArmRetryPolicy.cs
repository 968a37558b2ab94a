using System;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// Which failed attempts are worth another try, and how long to wait before it: Retry-After when
    /// ARM names one (capped), else capped exponential backoff with full jitter.
    /// </summary>
    internal sealed class ArmRetryPolicy
    {
        private readonly ArmClientOptions options;
        private readonly Random random;

        public ArmRetryPolicy(ArmClientOptions options)
        {
            this.options = options;
            random = options.JitterSeed is int seed ? new Random(seed) : new Random();
        }

        /// <summary>Timeouts, dropped connections, torn bodies, 429, 502-504, and 500 where the call allows it.</summary>
        public static bool IsTransient(Attempt result, ArmCall call)
        {
            switch (result.Problem)
            {
                case AttemptProblem.TimedOut:
                case AttemptProblem.ConnectionFailed:
                case AttemptProblem.Malformed:
                    return true;
                case AttemptProblem.HttpError:
                    return result.Status is 429 or 502 or 503 or 504 || (result.Status == 500 && call.RetryInternalServerError);
                default:
                    return false;
            }
        }

        /// <summary>A 409 RequestConflict on a write that may wait for the account's other operation.</summary>
        public bool IsRetryableConflict(Attempt result, ArmCall call, int conflictsSoFar) =>
            result.Status == 409
            && call.RetryConflicts
            && string.Equals(result.Code, "RequestConflict", StringComparison.OrdinalIgnoreCase)
            && conflictsSoFar < options.ConflictRetryLimit;

        /// <summary>The wait before the next try, after <paramref name="failures"/> failures in a row.</summary>
        public TimeSpan WaitFor(Attempt result, int failures)
        {
            if (result.RetryAfter is TimeSpan retryAfter && retryAfter > TimeSpan.Zero)
            {
                return retryAfter > options.MaxRetryAfter ? options.MaxRetryAfter : retryAfter;
            }

            double ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30)));
            double share;
            lock (random)
            {
                share = random.NextDouble();
            }

            return TimeSpan.FromMilliseconds(ceiling * share);
        }
    }
}
