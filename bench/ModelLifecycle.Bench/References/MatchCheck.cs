using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLifecycle.Bench.References
{
    /// <summary>The engine's matches against ripgrep's: what only one of them found, printed with the first differences.</summary>
    internal sealed class MatchCheck
    {
        private MatchCheck(List<MatchKey> missing, List<MatchKey> extra)
        {
            Missing = missing;
            Extra = extra;
        }

        /// <summary>Found by ripgrep only.</summary>
        public List<MatchKey> Missing { get; }

        /// <summary>Found by the engine only.</summary>
        public List<MatchKey> Extra { get; }

        public bool Equal => Missing.Count == 0 && Extra.Count == 0;

        public static MatchCheck Report(HashSet<MatchKey> expected, HashSet<MatchKey> actual, string commandLine)
        {
            var missing = expected.Except(actual).ToList();
            var extra = actual.Except(expected).ToList();
            missing.Sort(MatchKey.Compare);
            extra.Sort(MatchKey.Compare);
            bool equal = missing.Count == 0 && extra.Count == 0;

            Console.WriteLine();
            Console.WriteLine($"match check vs `{commandLine}`");
            Console.WriteLine(equal
                ? $"  EQUAL: {actual.Count} matches, same paths, lines, columns and texts"
                : $"  DIFFERENT: engine {actual.Count}, ripgrep {expected.Count}; {missing.Count} only in ripgrep, {extra.Count} only in the engine");
            foreach (MatchKey key in missing.Take(10))
            {
                Console.WriteLine($"  only ripgrep: {key}");
            }

            foreach (MatchKey key in extra.Take(10))
            {
                Console.WriteLine($"  only engine:  {key}");
            }

            return new MatchCheck(missing, extra);
        }
    }
}
