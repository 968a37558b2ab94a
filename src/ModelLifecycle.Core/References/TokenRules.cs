namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// When a found pattern counts as a whole token. Model ids and deployment names are made of ASCII
    /// letters, digits, '-', '_' and '.', so those are the token characters, with one refinement for '.':
    /// <list type="bullet">
    /// <item>The character before the match must not be a token character (<c>foo1</c> does not name
    /// <c>o1</c>), nor a '.' that follows a digit (<c>gpt-3.5-turbo</c> does not name <c>5-turbo</c>).</item>
    /// <item>The character after the match must not be a token character (<c>gpt-4o-mini</c> and
    /// <c>gpt-4o2</c> do not name <c>gpt-4o</c>), nor a '.' followed by a digit (<c>gpt-4.1</c> does not name
    /// <c>gpt-4</c>).</item>
    /// </list>
    /// A '.' next to a letter is a separator, not part of the id: <c>gpt-4o.</c> ends a sentence,
    /// <c>gpt-4o.json</c> is a file about gpt-4o, <c>Models.o1</c> is a member named for o1. Every
    /// non-ASCII character is a separator, so ids are found in text without spaces (CJK prose).
    /// </summary>
    public static class TokenRules
    {
        /// <summary>Letters, digits, '-' and '_' (ASCII).</summary>
        public static bool IsTokenChar(int c) =>
            (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '-' || c == '_';

        internal static bool IsDigit(int c) => (uint)(c - '0') <= 9;

        /// <summary>Whether <paramref name="text"/>[start..start+length) stands as a whole token.</summary>
        public static bool IsWholeToken(string text, int start, int length)
        {
            int end = start + length;
            if (start > 0)
            {
                char before = text[start - 1];
                if (IsTokenChar(before) || (before == '.' && start > 1 && IsDigit(text[start - 2])))
                {
                    return false;
                }
            }

            if (end < text.Length)
            {
                char after = text[end];
                if (IsTokenChar(after) || (after == '.' && end + 1 < text.Length && IsDigit(text[end + 1])))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The same rule on UTF-8 bytes: buffer[start..end) is the candidate, and only bytes in
        /// [dataStart, dataEnd) may be looked at (outside it there is no character: start or end of file).
        /// Non-ASCII bytes are never token characters, which matches the char rule.
        /// </summary>
        internal static bool IsWholeToken(byte[] buffer, int dataStart, int dataEnd, int start, int end)
        {
            if (start > dataStart)
            {
                int before = buffer[start - 1];
                if (IsTokenChar(before) || (before == '.' && start - 1 > dataStart && IsDigit(buffer[start - 2])))
                {
                    return false;
                }
            }

            if (end < dataEnd)
            {
                int after = buffer[end];
                if (IsTokenChar(after) || (after == '.' && end + 1 < dataEnd && IsDigit(buffer[end + 1])))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
