using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace ModelLifecycle.Core.Reporting
{
    /// <summary>
    /// An iCalendar file (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545): one all-day event per deployment
    /// that has a retirement or upgrade date, with what to do in the description and a reminder
    /// <see cref="WarningDays"/> before. UIDs depend only on the deployment, so importing a newer file
    /// updates the events of the last one instead of adding copies.
    /// </summary>
    public sealed class CalendarReportWriter : IReportWriter
    {
        public const string ProductId = "-//ModelLifecycle//Export-ModelLifecycleReport//EN";

        /// <summary>RFC 5545 3.1: lines longer than 75 octets, not counting the line break, are folded.</summary>
        public const int MaxLineOctets = 75;

        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        // SEQUENCE counts from here in minutes, so a later export always carries a higher sequence number
        // (calendar clients keep the event with the highest one when a UID comes again).
        private static readonly DateTimeOffset SequenceEpoch = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public CalendarReportWriter(int warningDays)
        {
            if (warningDays < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(warningDays));
            }

            WarningDays = warningDays;
        }

        public int WarningDays { get; }

        public void Write(ModelLifecycleReport report, TextWriter output)
        {
            var stamp = report.GeneratedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", Inv);
            var sequence = Math.Max(0L, (long)(report.GeneratedAt - SequenceEpoch).TotalMinutes).ToString(Inv);
            var lines = new List<string>
            {
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:" + ProductId,
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:" + EscapeText(report.Title),
            };

            var dated = report.Entries.Where(e => e.EventDate is not null).ToList();
            var description = dated.Count == 0
                ? "No deployments with a retirement or upgrade date as of " + report.AsOf.ToString("yyyy-MM-dd", Inv) + "."
                : dated.Count.ToString(Inv) + " deployment dates as of " + report.AsOf.ToString("yyyy-MM-dd", Inv) + ".";
            if (report.Entries.Count == 0)
            {
                description = "No deployments: the command was given no assessments.";
            }

            lines.Add("X-WR-CALDESC:" + EscapeText(description));

            // Two events of one deployment (possible once other input kinds come) need two UIDs.
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in dated)
            {
                var key = e.StableKey;
                seen[key] = seen.TryGetValue(key, out var n) ? n + 1 : 1;
                var uid = Uid(seen[key] == 1 ? key : key + "#" + seen[key].ToString(Inv));
                var day = e.EventDate!.Value;
                var summary = e.EventText + ": " + e.DisplayName + (string.IsNullOrEmpty(e.ModelText) ? string.Empty : " (" + e.ModelText + ")");
                lines.Add("BEGIN:VEVENT");
                lines.Add("UID:" + uid);
                lines.Add("DTSTAMP:" + stamp);
                lines.Add("SEQUENCE:" + sequence);
                lines.Add("DTSTART;VALUE=DATE:" + day.ToString("yyyyMMdd", Inv));
                lines.Add("DTEND;VALUE=DATE:" + day.AddDays(1).ToString("yyyyMMdd", Inv));
                lines.Add("SUMMARY:" + EscapeText(summary));
                lines.Add("DESCRIPTION:" + EscapeText(Description(e)));
                lines.Add("CATEGORIES:" + EscapeText(e.Severity.ToString()));
                lines.Add("TRANSP:TRANSPARENT");
                lines.Add("BEGIN:VALARM");
                lines.Add("ACTION:DISPLAY");
                lines.Add("DESCRIPTION:" + EscapeText(summary));
                lines.Add("TRIGGER:" + (WarningDays == 0 ? "PT0S" : "-P" + WarningDays.ToString(Inv) + "D"));
                lines.Add("END:VALARM");
                lines.Add("END:VEVENT");
            }

            lines.Add("END:VCALENDAR");
            foreach (var line in lines)
            {
                output.Write(Fold(line));
            }
        }

        /// <summary>A UID from the deployment's identity alone: the same on every run, unique per deployment.</summary>
        public static string Uid(string stableKey)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(stableKey));
            var sb = new StringBuilder(48);
            for (var i = 0; i < 16; i++)
            {
                sb.Append(hash[i].ToString("x2", Inv));
            }

            return sb.Append("@modellifecycle").ToString();
        }

        /// <summary>RFC 5545 3.3.11: backslash, semicolon and comma are escaped, a line break becomes \n.</summary>
        public static string EscapeText(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            var sb = new StringBuilder(value!.Length + 8);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '\\':
                        sb.Append("\\\\");
                        break;
                    case ';':
                        sb.Append("\\;");
                        break;
                    case ',':
                        sb.Append("\\,");
                        break;
                    case '\r':
                        if (i + 1 < value.Length && value[i + 1] == '\n')
                        {
                            i++;
                        }

                        sb.Append("\\n");
                        break;
                    case '\n':
                        sb.Append("\\n");
                        break;
                    default:
                        // Other control characters are not allowed in a content line (3.1).
                        if (c >= ' ' && c != '\u007f')
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.ToString();
        }

        /// <summary>
        /// One content line, folded (RFC 5545 3.1): at most 75 octets of UTF-8 per physical line, each
        /// continuation starting with one space, never splitting a character, each line ending in CRLF.
        /// </summary>
        public static string Fold(string line)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            if (bytes.Length <= MaxLineOctets)
            {
                return line + "\r\n";
            }

            var sb = new StringBuilder(line.Length + (line.Length / 70 * 3) + 2);
            var start = 0;
            var limit = MaxLineOctets;
            while (start < bytes.Length)
            {
                var end = Math.Min(bytes.Length, start + limit);

                // Back off to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
                while (end < bytes.Length && end > start && (bytes[end] & 0xC0) == 0x80)
                {
                    end--;
                }

                if (start > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(Encoding.UTF8.GetString(bytes, start, end - start)).Append("\r\n");
                start = end;
                limit = MaxLineOctets - 1; // the leading space counts
            }

            return sb.ToString();
        }

        private static string Description(ReportEntry e)
        {
            var parts = new List<string>
            {
                e.Severity + ": " + e.Outcome + (e.EventDateIsTentative ? " (date tentative)" : string.Empty),
            };
            if (!string.IsNullOrEmpty(e.RecommendedAction))
            {
                parts.Add("What to do: " + e.RecommendedAction);
            }

            if (!string.IsNullOrEmpty(e.Reason))
            {
                parts.Add(e.Reason);
            }

            parts.AddRange(e.Notes);
            var where = string.Join(" / ", new[] { e.SubscriptionId, e.ResourceGroupName, e.AccountName, e.DeploymentName }.Where(s => !string.IsNullOrEmpty(s)));
            parts.Add("Deployment: " + where + (string.IsNullOrEmpty(e.DeploymentType) ? string.Empty : " (" + e.DeploymentType + ")"));
            return string.Join("\n", parts);
        }
    }
}
