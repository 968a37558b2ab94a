using System;
using System.Collections.Generic;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// The documented total order of matches: path (ordinal), notebook cell, line, column, then key and kind. Results arrive
    /// in file order within a file but files interleave as workers finish them; sort with this comparer (or
    /// set <see cref="ReferenceScanOptions.SortResults"/>) for output that is the same on every run.
    /// </summary>
    public sealed class ReferenceMatchComparer : IComparer<ReferenceMatch>
    {
        public static readonly ReferenceMatchComparer Instance = new ReferenceMatchComparer();

        public int Compare(ReferenceMatch? x, ReferenceMatch? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            int c = string.CompareOrdinal(x.Path, y.Path);
            if (c == 0)
            {
                c = Nullable.Compare(x.Cell, y.Cell);
            }

            if (c == 0)
            {
                c = x.LineNumber.CompareTo(y.LineNumber);
            }

            if (c == 0)
            {
                c = x.Column.CompareTo(y.Column);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(x.Key, y.Key);
            }

            if (c == 0)
            {
                c = x.Kind.CompareTo(y.Kind);
            }

            return c == 0 ? string.CompareOrdinal(x.Match, y.Match) : c;
        }
    }
}
