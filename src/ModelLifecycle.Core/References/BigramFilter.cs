using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// The search for patterns of three or more bytes: one scalar pass that looks at pairs of adjacent bytes
    /// (case-folded) through a 64-Kbit table of the pairs the patterns contain. Each pattern registers
    /// <see cref="Stride"/> consecutive pairs taken where its bytes are rarest, so the pass may step over
    /// <see cref="Stride"/> bytes at a time and still land on one of them; few positions survive the table,
    /// and those are verified. One pass serves any number of patterns, which matters because ids made of
    /// common letters (tts, ada, sora) and numbers-heavy code make single-byte anchors hit every few bytes.
    /// </summary>
    internal sealed class BigramFilter
    {
        private const int MaxStride = 4;

        private readonly ulong[] bits = new ulong[65536 / 64];
        private readonly PatternOffset[]?[] buckets = new PatternOffset[]?[65536];
        private readonly byte[] fold;

        public BigramFilter(IReadOnlyList<int> patternIndexes, byte[][] needles, byte[] fold, Func<byte, int> cost)
        {
            this.fold = fold;
            Stride = Math.Max(1, Math.Min(MaxStride, patternIndexes.Min(p => needles[p].Length) - 1));
            var lists = new Dictionary<int, List<PatternOffset>>();
            foreach (int p in patternIndexes)
            {
                byte[] needle = needles[p];
                int best = 0;
                long bestCost = long.MaxValue;
                for (int k = 0; k + Stride < needle.Length; k++)
                {
                    long c = 0;
                    for (int j = 0; j < Stride; j++)
                    {
                        c += (long)cost(needle[k + j]) * cost(needle[k + j + 1]);
                    }

                    if (c < bestCost)
                    {
                        best = k;
                        bestCost = c;
                    }
                }

                for (int j = 0; j < Stride; j++)
                {
                    int key = (needle[best + j] << 8) | needle[best + j + 1];
                    if (!lists.TryGetValue(key, out List<PatternOffset>? list))
                    {
                        lists[key] = list = new List<PatternOffset>();
                    }

                    if (!list.Any(e => e.PatternIndex == p && e.Offset == best + j))
                    {
                        list.Add(new PatternOffset(p, best + j));
                    }

                    MaxOffset = Math.Max(MaxOffset, best + j);
                }
            }

            foreach (KeyValuePair<int, List<PatternOffset>> pair in lists)
            {
                buckets[pair.Key] = pair.Value.ToArray();
                bits[pair.Key >> 6] |= 1UL << (pair.Key & 63);
            }
        }

        /// <summary>How many bytes the pass advances per step.</summary>
        public int Stride { get; }

        /// <summary>Largest offset of a registered pair inside its pattern.</summary>
        public int MaxOffset { get; }

        /// <summary>Verifies, through <paramref name="patterns"/>, each place whose pair a pattern has there.</summary>
        public void Find(CompiledPatternSet patterns, byte[] buffer, int dataStart, int dataEnd, int searchStart, int searchEnd, List<RawMatch> found)
        {
            int to = Math.Min(dataEnd - 1, searchEnd + MaxOffset + Stride);
            byte[] f = fold;
            ulong[] table = bits;
            int stride = Stride;
            for (int i = searchStart; i < to; i += stride)
            {
                int key = (f[buffer[i]] << 8) | f[buffer[i + 1]];
                if ((table[key >> 6] & (1UL << (key & 63))) != 0)
                {
                    foreach (PatternOffset entry in buckets[key]!)
                    {
                        patterns.Verify(buffer, dataStart, dataEnd, searchStart, searchEnd, entry.PatternIndex, i - entry.Offset, found);
                    }
                }
            }
        }
    }
}
