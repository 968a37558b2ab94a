using System;

namespace ModelLifecycle.Bench.References
{
    /// <summary>What two tools must agree on for each match: file, line, column (in UTF-16 units) and text.</summary>
    internal readonly record struct MatchKey(string Path, int Line, int Column, string Text)
    {
        public override string ToString() => $"{Path}:{Line}:{Column}: {Text}";

        public static int Compare(MatchKey a, MatchKey b)
        {
            int c = string.CompareOrdinal(a.Path, b.Path);
            if (c == 0)
            {
                c = a.Line.CompareTo(b.Line);
            }

            if (c == 0)
            {
                c = a.Column.CompareTo(b.Column);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Text, b.Text);
        }
    }
}
