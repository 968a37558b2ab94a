using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ModelLifecycle.Core.Reporting
{
    /// <summary>
    /// A summary short enough to post to a Teams channel or a GitHub issue: the counts, then a table of the
    /// Critical and Warning deployments (at most <see cref="MaxRows"/>), then how many others there are.
    /// </summary>
    public sealed class MarkdownReportWriter : IReportWriter
    {
        /// <summary>Rows in the table; the rest are counted, so a post stays well under Teams' message size.</summary>
        public const int MaxRows = 50;

        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public void Write(ModelLifecycleReport report, TextWriter output)
        {
            var w = output;
            w.Write("# " + Escape(report.Title) + "\n\n");
            var meta = "As of " + report.AsOf.ToString("yyyy-MM-dd", Inv);
            if (report.CatalogDate is System.DateTime c)
            {
                meta += " · catalog data from " + c.ToString("yyyy-MM-dd", Inv);
            }

            if (report.ReadFrom is not null)
            {
                meta += " · read from " + Escape(report.ReadFrom);
            }

            w.Write(meta + "\n\n");
            if (report.StalenessWarning is not null)
            {
                w.Write("> **Catalog may be out of date.** " + Escape(report.StalenessWarning) + "\n\n");
            }

            if (report.Entries.Count == 0)
            {
                w.Write("No deployments: the command was given no assessments, so there is nothing to report.\n");
                return;
            }

            w.Write("**" + report.Entries.Count.ToString(Inv) + (report.Entries.Count == 1 ? " deployment" : " deployments") + ":** ");
            w.Write(string.Join(" · ", ModelLifecycleReport.SeverityOrder.Select(s => s + " " + report.Count(s).ToString(Inv))) + "\n\n");

            var urgent = report.Entries.Where(e => e.Severity >= Severity.Warning).ToList();
            if (urgent.Count == 0)
            {
                w.Write("Nothing at Warning or Critical.\n\n");
            }
            else
            {
                w.Write("| Severity | Date | Deployment | Model | Outcome | What to do |\n|---|---|---|---|---|---|\n");
                foreach (var e in urgent.Take(MaxRows))
                {
                    var todo = string.IsNullOrEmpty(e.RecommendedAction) ? e.Reason : e.RecommendedAction;
                    w.Write("| " + e.Severity + " | " + Cell(e.EventDateText) + " | " + Cell(e.DisplayName) + " | " + Cell(e.ModelText) + " | " + Cell(e.Outcome) + " | " + Cell(todo) + " |\n");
                }

                w.Write("\n");
                if (urgent.Count > MaxRows)
                {
                    w.Write("… and " + (urgent.Count - MaxRows).ToString(Inv) + " more at Warning or Critical, not listed here.\n\n");
                }
            }

            var rest = report.Entries.Count - urgent.Count;
            if (rest > 0)
            {
                var byOutcome = report.Entries.Where(e => e.Severity < Severity.Warning)
                    .GroupBy(e => e.Outcome).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, System.StringComparer.Ordinal)
                    .Select(g => Escape(g.Key) + " " + g.Count().ToString(Inv));
                w.Write(rest.ToString(Inv) + (rest == 1 ? " other deployment" : " other deployments") + " (Info or None): " + string.Join(", ", byOutcome) + ".\n");
            }
        }

        /// <summary>
        /// Text that Markdown must show as typed: the punctuation that means something inside a line is
        /// backslash-escaped (so a name cannot become a link, an image, HTML, emphasis or a new cell), line
        /// breaks become spaces, and &amp; becomes an entity. Every value is written mid-line, never at a
        /// line's start, so # - + and digits need nothing.
        /// </summary>
        public static string Escape(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            var sb = new StringBuilder(value!.Length + 8);
            foreach (var c in value)
            {
                if (c == '&')
                {
                    sb.Append("&amp;");
                }
                else if ("\\`*_[]<>|~".IndexOf(c) >= 0)
                {
                    sb.Append('\\').Append(c);
                }
                else if (c == '\r' || c == '\n' || c == '\t')
                {
                    sb.Append(' ');
                }
                else if (c >= ' ')
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        private static string Cell(string? value) => Escape(value);
    }
}
