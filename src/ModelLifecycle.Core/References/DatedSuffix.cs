namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// The version suffix code attaches to a model id to name one snapshot: a date (<c>gpt-4o-2024-08-06</c>,
    /// <c>o1-2024-12-17</c>), the older month-day form (<c>gpt-35-turbo-1106</c>, <c>gpt-4-0613</c>), either
    /// optionally followed by <c>-preview</c> (<c>gpt-4-1106-preview</c>). The digits must make a month and a
    /// day (and the year start with 20), so <c>gpt-4o-2024</c> or <c>o1-1234</c> are not versions.
    /// </summary>
    internal static class DatedSuffix
    {
        private static readonly byte[] Preview = System.Text.Encoding.ASCII.GetBytes("-preview");

        /// <summary>Longest suffix: "-2024-08-06-preview".</summary>
        public const int MaxLength = 19;

        /// <summary>
        /// The length of the suffix that starts at <paramref name="at"/> (with its '-') and ends where
        /// <paramref name="endsWell"/> accepts its end; the longest such form, or 0 when there is none.
        /// </summary>
        public static int Length(byte[] buffer, int at, int dataEnd, System.Func<int, bool> endsWell)
        {
            // Longest form first: a full date can be read as month-day digits followed by more text.
            int date = FullDate(buffer, at, dataEnd) ? 11 : 0;
            int monthDay = MonthDay(buffer, at, dataEnd) ? 5 : 0;
            foreach (int core in new[] { date, monthDay })
            {
                if (core == 0)
                {
                    continue;
                }

                if (Has(buffer, at + core, dataEnd, Preview) && endsWell(at + core + Preview.Length))
                {
                    return core + Preview.Length;
                }

                if (endsWell(at + core))
                {
                    return core;
                }
            }

            return 0;
        }

        private static bool FullDate(byte[] b, int at, int end) =>
            at + 11 <= end && b[at] == '-' && b[at + 1] == '2' && b[at + 2] == '0' && Digits(b, at + 3, 2)
            && b[at + 5] == '-' && Month(b, at + 6) && b[at + 8] == '-' && Day(b, at + 9);

        private static bool MonthDay(byte[] b, int at, int end) =>
            at + 5 <= end && b[at] == '-' && Month(b, at + 1) && Day(b, at + 3);

        private static bool Month(byte[] b, int at) => Digits(b, at, 2) && Value(b, at) is int m && m >= 1 && m <= 12;

        private static bool Day(byte[] b, int at) => Digits(b, at, 2) && Value(b, at) is int d && d >= 1 && d <= 31;

        private static int Value(byte[] b, int at) => ((b[at] - '0') * 10) + (b[at + 1] - '0');

        private static bool Digits(byte[] b, int at, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (!TokenRules.IsDigit(b[at + i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Has(byte[] b, int at, int end, byte[] text)
        {
            if (at + text.Length > end)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if ((b[at + i] | 0x20) != text[i] && b[at + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
