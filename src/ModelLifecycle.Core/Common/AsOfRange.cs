using System;
using System.Globalization;

namespace ModelLifecycle.Core
{
    /// <summary>
    /// The days an -AsOf may name. Outside them no lifecycle record means anything, and date arithmetic
    /// (AsOf plus a window of up to a hundred years) would leave DateTime's range.
    /// </summary>
    public static class AsOfRange
    {
        public static readonly DateTime Earliest = new DateTime(2000, 1, 1);

        public static readonly DateTime Latest = new DateTime(2999, 12, 31);

        public static bool Contains(DateTime asOf) => asOf.Date >= Earliest && asOf.Date <= Latest;

        public static string Describe() =>
            Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " to " + Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
