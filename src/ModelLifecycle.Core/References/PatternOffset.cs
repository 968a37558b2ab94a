namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// A place inside one of the searched patterns: which pattern, and how many bytes into it. The
    /// prefilters key patterns by a byte or a pair of bytes they contain, and this says where.
    /// </summary>
    internal readonly struct PatternOffset
    {
        public PatternOffset(int patternIndex, int offset)
        {
            PatternIndex = patternIndex;
            Offset = offset;
        }

        public int PatternIndex { get; }

        /// <summary>Where the byte (or pair) sits inside the pattern.</summary>
        public int Offset { get; }
    }
}
