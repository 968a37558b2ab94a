using System.Collections.Generic;

namespace ModelLifecycle.Core.References
{
    /// <summary>A verified match inside a buffer, before line and column are worked out.</summary>
    internal readonly struct RawMatch
    {
        public RawMatch(int start, int length, int patternIndex)
        {
            Start = start;
            Length = length;
            PatternIndex = patternIndex;
        }

        public int Start { get; }

        public int Length { get; }

        public int PatternIndex { get; }
    }

    /// <summary>Buffer order: by start, then pattern (so per-file output is deterministic).</summary>
    internal sealed class RawMatchOrder : IComparer<RawMatch>
    {
        public static readonly RawMatchOrder Instance = new RawMatchOrder();

        public int Compare(RawMatch x, RawMatch y)
        {
            int c = x.Start.CompareTo(y.Start);
            return c != 0 ? c : x.PatternIndex.CompareTo(y.PatternIndex);
        }
    }
}
