namespace ModelLifecycle.Core.References
{
    /// <summary>One place in a file that names a pattern.</summary>
    public sealed class ReferenceMatch
    {
        public ReferenceMatch(string path, int lineNumber, int column, string line, string match, string key, PatternKind kind)
            : this(path, lineNumber, column, line, match, key, kind, null)
        {
        }

        public ReferenceMatch(string path, int lineNumber, int column, string line, string match, string key, PatternKind kind, string? version)
            : this(path, null, lineNumber, column, line, match, key, kind, version)
        {
        }

        public ReferenceMatch(string path, int? cell, int lineNumber, int column, string line, string match, string key, PatternKind kind, string? version)
        {
            Cell = cell;
            Version = version;
            Path = path;
            LineNumber = lineNumber;
            Column = column;
            Line = line;
            Match = match;
            Key = key;
            Kind = kind;
        }

        /// <summary>The file: the search root as the caller gave it, joined with the path below it.</summary>
        public string Path { get; }

        /// <summary>
        /// In a notebook (.ipynb), the 1-based number of the cell whose source holds the match, counting
        /// every cell; <see cref="LineNumber"/> and <see cref="Column"/> are then within that cell's source.
        /// Null in other files.
        /// </summary>
        public int? Cell { get; }

        /// <summary>1-based line number (lines end at LF; a CR before it belongs to the line ending).</summary>
        public int LineNumber { get; }

        /// <summary>
        /// 1-based column in UTF-16 code units of the decoded line (the index into <see cref="Line"/> plus one
        /// when the line was not shortened), which is what .NET strings and PowerShell count.
        /// </summary>
        public int Column { get; }

        /// <summary>
        /// The line without its line ending. Lines longer than <see cref="ReferenceScanOptions.MaxLineLength"/>
        /// are cut to a window around the match, with "…" marking each cut end.
        /// </summary>
        public string Line { get; }

        /// <summary>The text as written in the file (its case may differ from the pattern's).</summary>
        public string Match { get; }

        /// <summary>The <see cref="ReferencePattern.Key"/> of the pattern that matched.</summary>
        public string Key { get; }

        public PatternKind Kind { get; }

        /// <summary>
        /// The version a dated model id names (<c>2024-08-06</c> in <c>gpt-4o-2024-08-06</c>), as written;
        /// null when the match is the bare pattern (see <see cref="PatternRules.DatedVersions"/>).
        /// </summary>
        public string? Version { get; }

        public override string ToString() => Cell is int cell ? $"{Path} (cell {cell}):{LineNumber}:{Column}: {Match}" : $"{Path}:{LineNumber}:{Column}: {Match}";

        /// <summary>The same match in a notebook cell (see <see cref="Cell"/>).</summary>
        internal ReferenceMatch InCell(int cell) => new ReferenceMatch(Path, cell, LineNumber, Column, Line, Match, Key, Kind, Version);
    }
}
