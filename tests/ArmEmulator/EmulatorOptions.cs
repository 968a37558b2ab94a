using System;
using System.Collections.Generic;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>How an <see cref="ArmEmulatorServer"/> starts. Most values can be changed later on the server.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>Added to every ARM request before it is handled (benchmarks use e.g. 50 ms).</summary>
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        /// <summary>Items per page for every list endpoint; 0 means no paging.</summary>
        public int PageSize { get; set; } = 100;

        /// <summary>
        /// Which bearer tokens are valid. Null accepts any non-empty token. The predicate sees the token
        /// but the emulator never logs, stores or echoes it.
        /// </summary>
        public Func<string, bool>? AcceptedTokens { get; set; }

        /// <summary>
        /// How many polls of an operation are answered InProgress before it finishes (default 1: one
        /// InProgress, then Succeeded). A negative value means polls alone never finish it.
        /// </summary>
        public int LroInProgressPolls { get; set; } = 1;

        /// <summary>When set, an operation also finishes once this much time has passed since it started.</summary>
        public TimeSpan? LroDuration { get; set; }

        /// <summary>The Retry-After value (seconds) sent with 201/202 responses and InProgress polls.</summary>
        public int RetryAfterSeconds { get; set; }

        /// <summary>Fault rules active from the first request.</summary>
        public IList<FaultRule> Faults { get; } = new List<FaultRule>();

        /// <summary>Clock for systemData and operation times; LroDuration is measured with it too.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
    }
}
