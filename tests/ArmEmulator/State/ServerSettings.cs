using System;
using System.Threading;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// The knobs a test may turn while requests are in flight. Each value is read once per request,
    /// so a change applies from the next request on; fields are volatile so no request sees a torn value.
    /// </summary>
    internal sealed class ServerSettings
    {
        private long latencyTicks;
        private long lroDurationTicks = -1;
        private volatile int pageSize;
        private volatile int lroInProgressPolls;
        private volatile int retryAfterSeconds;
        private volatile Func<string, bool>? acceptedTokens;

        public ServerSettings(EmulatorOptions options)
        {
            Latency = options.Latency;
            PageSize = options.PageSize;
            LroInProgressPolls = options.LroInProgressPolls;
            LroDuration = options.LroDuration;
            RetryAfterSeconds = options.RetryAfterSeconds;
            AcceptedTokens = options.AcceptedTokens;
        }

        public TimeSpan Latency
        {
            get => TimeSpan.FromTicks(Volatile.Read(ref latencyTicks));
            set => Volatile.Write(ref latencyTicks, Math.Max(0, value.Ticks));
        }

        /// <summary>Items per page of every list; 0 or less means one page with everything.</summary>
        public int PageSize
        {
            get => pageSize;
            set => pageSize = value;
        }

        /// <summary>Polls answered InProgress before an operation finishes; negative means polls never finish it.</summary>
        public int LroInProgressPolls
        {
            get => lroInProgressPolls;
            set => lroInProgressPolls = value;
        }

        public TimeSpan? LroDuration
        {
            get
            {
                long ticks = Volatile.Read(ref lroDurationTicks);
                return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
            }

            set => Volatile.Write(ref lroDurationTicks, value == null ? -1 : Math.Max(0, value.Value.Ticks));
        }

        public int RetryAfterSeconds
        {
            get => retryAfterSeconds;
            set => retryAfterSeconds = Math.Max(0, value);
        }

        public Func<string, bool>? AcceptedTokens
        {
            get => acceptedTokens;
            set => acceptedTokens = value;
        }
    }
}
