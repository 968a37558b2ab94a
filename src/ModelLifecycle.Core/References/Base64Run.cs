namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Whether a match sits inside base64 text (<see cref="PatternRules.NotInBase64"/>): a run of base64
    /// characters (letters, digits, '+', '/') of at least <see cref="MinimumRun"/> characters around it
    /// that mixes upper case, lower case and digits, as encoded bytes do. A path such as
    /// <c>/openai/deployments/o1/chat</c> is a run too, but words in paths are not mixed that way. The
    /// whole-token rule already leaves only matches between '+' or '/' and such; at most
    /// <see cref="MaxLook"/> characters are looked at on each side.
    /// </summary>
    internal static class Base64Run
    {
        public const int MinimumRun = 32;

        private const int MaxLook = 64;

        public static bool IsInside(byte[] buffer, int dataStart, int dataEnd, int start, int end)
        {
            int classes = 0;
            int left = start - 1;
            while (left >= dataStart && start - left <= MaxLook && Class(buffer[left]) is int c && c != 0)
            {
                classes |= c;
                left--;
            }

            int right = end;
            while (right < dataEnd && right - end < MaxLook && Class(buffer[right]) is int d && d != 0)
            {
                classes |= d;
                right++;
            }

            int run = right - left - 1;
            return run >= MinimumRun && (classes & 7) == 7;
        }

        /// <summary>1 upper case, 2 lower case, 4 digit, 8 '+' or '/', 0 not base64.</summary>
        private static int Class(byte b) =>
            b >= 'A' && b <= 'Z' ? 1
            : b >= 'a' && b <= 'z' ? 2
            : b >= '0' && b <= '9' ? 4
            : b == '+' || b == '/' ? 8
            : 0;
    }
}
