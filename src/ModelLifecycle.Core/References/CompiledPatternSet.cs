using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// The patterns, ready to be found in UTF-8 bytes. Patterns of three bytes or more go through one
    /// <see cref="BigramFilter"/> pass, however many there are. Shorter ones (o1, o3) each get an anchor,
    /// their rarest byte by <see cref="ByteFrequency"/>, found with <see cref="Array.IndexOf{T}(T[], T, int, int)"/>
    /// (vectorized on .NET Core); the patterns anchored on a byte are verified at each of its hits.
    /// </summary>
    internal sealed class CompiledPatternSet
    {
        private static readonly byte[] AsciiLower = BuildLowerTable();

        private readonly byte[][] needles;
        private readonly byte[][] exact;
        private readonly PatternRules[] rules;
        private readonly bool anyYields;
        private readonly AnchorGroup[] groups;
        private readonly BigramFilter? bigrams;
        private readonly bool caseSensitive;
        private readonly bool wholeToken;

        public CompiledPatternSet(IReadOnlyList<ReferencePattern> patterns, bool caseSensitive, bool wholeToken)
        {
            Patterns = patterns;
            this.caseSensitive = caseSensitive;
            this.wholeToken = wholeToken;
            needles = patterns.Select(p => Fold(Encoding.UTF8.GetBytes(p.Text), caseSensitive)).ToArray();
            rules = patterns.Select(p => p.Rules).ToArray();
            exact = patterns.Select(p => Encoding.UTF8.GetBytes(p.Text)).ToArray();
            anyYields = rules.Any(r => (r & PatternRules.YieldsToDeploymentName) != 0);
            MaxLength = needles.Max(n => n.Length) + (rules.Any(r => (r & PatternRules.DatedVersions) != 0) ? DatedSuffix.MaxLength : 0);
            byte[] identity = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
            var longer = Enumerable.Range(0, needles.Length).Where(p => needles[p].Length >= BigramMinimumLength).ToList();
            if (longer.Count > 0)
            {
                bigrams = new BigramFilter(longer, needles, caseSensitive ? identity : AsciiLower, b => Cost(b, caseSensitive));
            }

            groups = BuildGroups(needles, caseSensitive, Enumerable.Range(0, needles.Length).Where(p => needles[p].Length < BigramMinimumLength).ToList());
        }

        /// <summary>Patterns this long go through the pair filter; shorter ones through byte anchors.</summary>
        internal const int BigramMinimumLength = 3;

        public IReadOnlyList<ReferencePattern> Patterns { get; }

        /// <summary>Longest match in UTF-8 bytes (a pattern and any version suffix); the overlap a chunk boundary needs.</summary>
        public int MaxLength { get; }

        /// <summary>The distinct bytes hunted for (for diagnostics and tests).</summary>
        internal IEnumerable<byte> AnchorBytes => groups.Select(g => g.Byte);

        /// <summary>
        /// Adds to <paramref name="found"/> every match that starts in [searchStart, searchEnd) and ends by
        /// <paramref name="dataEnd"/>, in buffer order. Bytes in [dataStart, dataEnd) are valid file data and
        /// are used for the token-boundary checks; the caller guarantees that a match starting before
        /// searchEnd cannot need bytes past dataEnd unless the file really ends there.
        /// </summary>
        public void Find(byte[] buffer, int dataStart, int dataEnd, int searchStart, int searchEnd, List<RawMatch> found)
        {
            int firstNew = found.Count;
            foreach (AnchorGroup group in groups)
            {
                int from = searchStart + group.MinOffset;
                int to = Math.Min(dataEnd, searchEnd + group.MaxOffset);
                while (from < to)
                {
                    int hit = Array.IndexOf(buffer, group.Byte, from, to - from);
                    if (hit < 0)
                    {
                        break;
                    }

                    foreach (PatternOffset anchored in group.Members)
                    {
                        Verify(buffer, dataStart, dataEnd, searchStart, searchEnd, anchored.PatternIndex, hit - anchored.Offset, found);
                    }

                    from = hit + 1;
                }
            }

            bigrams?.Find(this, buffer, dataStart, dataEnd, searchStart, searchEnd, found);

            // Several passes add matches out of order; one pass (or one match) is already in order.
            if (groups.Length + (bigrams == null ? 0 : 1) > 1 && found.Count - firstNew > 1)
            {
                found.Sort(firstNew, found.Count - firstNew, RawMatchOrder.Instance);
            }

            if (anyYields && found.Count - firstNew > 1)
            {
                DropYielded(found, firstNew);
            }
        }

        /// <summary>Adds the match of pattern <paramref name="patternIndex"/> at <paramref name="start"/>, if there is one.</summary>
        internal void Verify(byte[] buffer, int dataStart, int dataEnd, int searchStart, int searchEnd, int patternIndex, int start, List<RawMatch> found)
        {
            if (start < searchStart || start >= searchEnd)
            {
                return;
            }

            byte[] needle = needles[patternIndex];
            int end = start + needle.Length;
            if (end > dataEnd || !Equal(buffer, start, needle))
            {
                return;
            }

            PatternRules rule = rules[patternIndex];
            if ((rule & PatternRules.MatchCase) != 0 && !caseSensitive && !EqualExactly(buffer, start, exact[patternIndex]))
            {
                return;
            }

            int length;
            if (!wholeToken || TokenRules.IsWholeToken(buffer, dataStart, dataEnd, start, end))
            {
                // A whole token; with a version suffix right after it, the match is the dated id.
                int suffix = (rule & PatternRules.DatedVersions) != 0 && end < dataEnd && buffer[end] == '-'
                    ? DatedSuffix.Length(buffer, end, dataEnd, e => !wholeToken || TokenRules.IsWholeToken(buffer, dataStart, dataEnd, start, e))
                    : 0;
                length = needle.Length + suffix;
            }
            else if ((rule & PatternRules.DatedVersions) != 0 && end < dataEnd && buffer[end] == '-')
            {
                // Not a token by itself because a '-' follows: a token once the version suffix is taken in.
                int suffix = DatedSuffix.Length(buffer, end, dataEnd, e => TokenRules.IsWholeToken(buffer, dataStart, dataEnd, start, e));
                if (suffix == 0)
                {
                    return;
                }

                length = needle.Length + suffix;
            }
            else
            {
                return;
            }

            if ((rule & PatternRules.NotInBase64) != 0 && Base64Run.IsInside(buffer, dataStart, dataEnd, start, start + length))
            {
                return;
            }

            if ((rule & PatternRules.NamingContextOnly) != 0 && !NamingContext.IsNaming(buffer, dataStart, dataEnd, start, start + length))
            {
                return;
            }

            found.Add(new RawMatch(start, length, patternIndex));
        }

        /// <summary>Removes, from found[from..], the matches of yielding patterns that a deployment-name match covers exactly.</summary>
        private void DropYielded(List<RawMatch> found, int from)
        {
            for (int i = found.Count - 1; i >= from; i--)
            {
                RawMatch m = found[i];
                if ((rules[m.PatternIndex] & PatternRules.YieldsToDeploymentName) == 0)
                {
                    continue;
                }

                // Found is in start order, so the matches at the same place are its neighbours.
                int j = i;
                while (j > from && found[j - 1].Start == m.Start)
                {
                    j--;
                }

                for (; j < found.Count && found[j].Start == m.Start; j++)
                {
                    RawMatch other = found[j];
                    if (other.Length == m.Length && Patterns[other.PatternIndex].Kind == PatternKind.DeploymentName)
                    {
                        found.RemoveAt(i);
                        break;
                    }
                }
            }
        }

        /// <summary>How many bytes of a match are the pattern itself (the rest is a version suffix).</summary>
        internal int PatternLength(int patternIndex) => needles[patternIndex].Length;

        private static bool EqualExactly(byte[] buffer, int start, byte[] text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (buffer[start + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        private bool Equal(byte[] buffer, int start, byte[] needle)
        {
            if (caseSensitive)
            {
                for (int i = 0; i < needle.Length; i++)
                {
                    if (buffer[start + i] != needle[i])
                    {
                        return false;
                    }
                }
            }
            else
            {
                byte[] lower = AsciiLower;
                for (int i = 0; i < needle.Length; i++)
                {
                    if (lower[buffer[start + i]] != needle[i])
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static byte[] Fold(byte[] bytes, bool caseSensitive)
        {
            if (!caseSensitive)
            {
                for (int i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = AsciiLower[bytes[i]];
                }
            }

            return bytes;
        }

        private static AnchorGroup[] BuildGroups(byte[][] needles, bool caseSensitive, List<int> anchored)
        {
            // First choice: each pattern's own cheapest byte.
            var choice = new int[needles.Length];
            foreach (int p in anchored)
            {
                choice[p] = CheapestOffset(needles[p], caseSensitive, _ => true);
            }

            // Then share: a pattern moves to a byte another pattern already hunts for when that costs at most
            // twice its own best, which saves a whole pass over every buffer.
            var chosen = new HashSet<byte>(anchored.Select(p => needles[p][choice[p]]));
            foreach (int p in anchored)
            {
                byte[] needle = needles[p];
                int own = Cost(needle[choice[p]], caseSensitive);
                int shared = CheapestOffset(needle, caseSensitive, b => b != needle[choice[p]] && chosen.Contains(b));
                if (shared >= 0 && Cost(needle[shared], caseSensitive) <= 2 * own)
                {
                    choice[p] = shared;
                }
            }

            var members = new Dictionary<byte, List<PatternOffset>>();
            foreach (int p in anchored)
            {
                byte b = needles[p][choice[p]];
                foreach (byte variant in CaseVariants(b, caseSensitive))
                {
                    if (!members.TryGetValue(variant, out List<PatternOffset>? list))
                    {
                        members[variant] = list = new List<PatternOffset>();
                    }

                    list.Add(new PatternOffset(p, choice[p]));
                }
            }

            return members.OrderBy(m => m.Key).Select(m => new AnchorGroup(m.Key, m.Value.ToArray())).ToArray();
        }

        private static int CheapestOffset(byte[] needle, bool caseSensitive, Func<byte, bool> allowed)
        {
            int best = -1;
            int bestCost = int.MaxValue;
            for (int i = 0; i < needle.Length; i++)
            {
                if (!allowed(needle[i]))
                {
                    continue;
                }

                int cost = Cost(needle[i], caseSensitive);
                if (cost < bestCost)
                {
                    best = i;
                    bestCost = cost;
                }
            }

            return best;
        }

        private static int Cost(byte b, bool caseSensitive) =>
            CaseVariants(b, caseSensitive).Sum(v => ByteFrequency.Of(v));

        private static IEnumerable<byte> CaseVariants(byte b, bool caseSensitive)
        {
            yield return b;
            if (!caseSensitive && b >= 'a' && b <= 'z')
            {
                yield return (byte)(b - 32);
            }
        }

        private static byte[] BuildLowerTable()
        {
            var table = new byte[256];
            for (int i = 0; i < 256; i++)
            {
                table[i] = (byte)(i >= 'A' && i <= 'Z' ? i + 32 : i);
            }

            return table;
        }

        private sealed class AnchorGroup
        {
            public AnchorGroup(byte b, PatternOffset[] members)
            {
                Byte = b;
                Members = members;
                MinOffset = members.Min(m => m.Offset);
                MaxOffset = members.Max(m => m.Offset);
            }

            public byte Byte { get; }

            public PatternOffset[] Members { get; }

            public int MinOffset { get; }

            public int MaxOffset { get; }
        }
    }
}
