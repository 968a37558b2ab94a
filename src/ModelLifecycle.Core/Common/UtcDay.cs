using System;

namespace ModelLifecycle.Core
{
    /// <summary>
    /// Every date this module outputs is a calendar day of kind Utc: one kind everywhere, so exported
    /// JSON never mixes offsets, and Windows PowerShell 5.1's ConvertTo-Json (which shifts dates of
    /// other kinds by the machine's offset) writes the day itself.
    /// </summary>
    public static class UtcDay
    {
        public static DateTime Of(DateTime value) => DateTime.SpecifyKind(value.Date, DateTimeKind.Utc);

        public static DateTime? Of(DateTime? value) => value is DateTime d ? Of(d) : (DateTime?)null;
    }
}
