using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Counts ARM requests (not /_emulator ones) by method and by method + path, and tracks how many
    /// are in flight at once. Every request is counted when it arrives, before latency, auth or
    /// faults, so "no writes" means the client sent none, not that none got through.
    /// </summary>
    public sealed class RequestCounters
    {
        private static readonly string[] WriteMethods = { "PUT", "PATCH", "DELETE", "POST" };

        private readonly ConcurrentDictionary<string, long> byMethod = new ConcurrentDictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, long> byPath = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        private int inFlight;
        private int maxInFlight;

        public long Total => byMethod.Values.Sum();

        /// <summary>PUT + PATCH + DELETE + POST.</summary>
        public long Writes => WriteMethods.Sum(Count);

        public int InFlight => Volatile.Read(ref inFlight);

        /// <summary>The most requests in flight at one time since the last reset.</summary>
        public int MaxInFlight => Volatile.Read(ref maxInFlight);

        public long Count(string method) => byMethod.TryGetValue(method, out long count) ? count : 0;

        /// <summary>Requests of <paramref name="method"/> whose path contains <paramref name="pathContains"/> (case-insensitive).</summary>
        public long Count(string method, string pathContains)
        {
            string prefix = method.ToUpperInvariant() + " ";
            string needle = pathContains.ToLowerInvariant();
            return byPath.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Key.IndexOf(needle, prefix.Length, StringComparison.Ordinal) >= 0)
                .Sum(p => p.Value);
        }

        public RequestCountsSnapshot Snapshot() => new RequestCountsSnapshot(
            new SortedDictionary<string, long>(byMethod, StringComparer.Ordinal),
            new SortedDictionary<string, long>(byPath, StringComparer.Ordinal),
            InFlight,
            MaxInFlight);

        /// <summary>Zeroes the counts; the in-flight maximum restarts from the requests in flight now.</summary>
        public void Reset()
        {
            byMethod.Clear();
            byPath.Clear();
            Volatile.Write(ref maxInFlight, Volatile.Read(ref inFlight));
        }

        internal void Begin(string method, string path)
        {
            string upper = method.ToUpperInvariant();
            byMethod.AddOrUpdate(upper, 1, (_, n) => n + 1);
            byPath.AddOrUpdate(upper + " " + path.ToLowerInvariant(), 1, (_, n) => n + 1);
            int now = Interlocked.Increment(ref inFlight);
            int seen = Volatile.Read(ref maxInFlight);
            while (now > seen)
            {
                int previous = Interlocked.CompareExchange(ref maxInFlight, now, seen);
                if (previous == seen)
                {
                    break;
                }

                seen = previous;
            }
        }

        internal void End() => Interlocked.Decrement(ref inFlight);
    }

    /// <summary>Counts at one moment. Path keys are "METHOD /lower-case/path" (no query).</summary>
    public sealed class RequestCountsSnapshot
    {
        public RequestCountsSnapshot(IReadOnlyDictionary<string, long> byMethod, IReadOnlyDictionary<string, long> byPath, int inFlight, int maxInFlight)
        {
            ByMethod = byMethod;
            ByPath = byPath;
            InFlight = inFlight;
            MaxInFlight = maxInFlight;
        }

        public IReadOnlyDictionary<string, long> ByMethod { get; }

        public IReadOnlyDictionary<string, long> ByPath { get; }

        public int InFlight { get; }

        public int MaxInFlight { get; }

        public long Total => ByMethod.Values.Sum();

        public long Writes => ByMethod.Where(m => m.Key is "PUT" or "PATCH" or "DELETE" or "POST").Sum(m => m.Value);
    }
}
