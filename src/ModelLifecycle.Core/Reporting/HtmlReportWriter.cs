using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModelLifecycle.Core.Reporting
{
    /// <summary>
    /// One self-contained HTML page: header counts, an inline-SVG timeline, and a table of every deployment
    /// that is complete without script (the script only adds sorting and filtering). Every value that came
    /// from Azure or a file is written through <see cref="HtmlText.Escape"/>.
    /// </summary>
    public sealed class HtmlReportWriter : IReportWriter
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public void Write(ModelLifecycleReport report, TextWriter output)
        {
            var w = output;
            w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlAssets.ContentSecurityPolicy + "\">\n");
            w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            w.Write("<meta name=\"generator\" content=\"ModelLifecycle Export-ModelLifecycleReport\">\n");
            w.Write("<title>" + E(report.Title) + "</title>\n");
            w.Write("<style>" + HtmlAssets.Style + "</style>\n</head>\n<body>\n");

            WriteHeader(report, w);
            if (report.Entries.Count == 0)
            {
                w.Write("<p class=\"empty\" id=\"empty\">No deployments: the command was given no assessments, so there is nothing to report.</p>\n");
            }
            else
            {
                WriteTimeline(report, w);
                WriteTable(report, w);
            }

            w.Write("<footer>Written by Export-ModelLifecycleReport (ModelLifecycle) on " + report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Inv) + " UTC.</footer>\n");
            w.Write("<script>" + HtmlAssets.Script + "</script>\n</body>\n</html>\n");
        }

        private static string E(string? s) => HtmlText.Escape(s);

        private static string D(DateTime d) => d.ToString("yyyy-MM-dd", Inv);

        private static string N(double v) => v.ToString("0.#", Inv);

        private static void WriteHeader(ModelLifecycleReport r, TextWriter w)
        {
            w.Write("<header>\n<h1>" + E(r.Title) + "</h1>\n<p class=\"meta\">As of <time id=\"as-of\">" + D(r.AsOf) + "</time>");
            if (r.CatalogDate is DateTime c)
            {
                w.Write(" · lifecycle catalog data from <time id=\"catalog-date\">" + D(c) + "</time>");
            }

            w.Write(" · " + r.Entries.Count.ToString(Inv) + (r.Entries.Count == 1 ? " deployment" : " deployments"));
            if (r.ReadFrom is not null)
            {
                w.Write(" · read from <span id=\"read-from\">" + E(r.ReadFrom) + "</span>");
            }

            w.Write("</p>\n");
            if (r.StalenessWarning is not null)
            {
                w.Write("<p class=\"stale\" role=\"note\" id=\"stale\"><strong>Catalog may be out of date.</strong> " + E(r.StalenessWarning) + "</p>\n");
            }

            w.Write("<ul class=\"counts\" id=\"counts\">\n");
            foreach (var s in ModelLifecycleReport.SeverityOrder)
            {
                w.Write("<li class=\"sev-" + s + "\"><b>" + r.Count(s).ToString(Inv) + "</b>" + s + "</li>\n");
            }

            w.Write("</ul>\n");
            if (r.Entries.Count > 0)
            {
                w.Write("<p class=\"outcomes\" id=\"outcomes\">" + string.Join(" · ", r.OutcomeCounts().Select(p => E(p.Key) + ": " + p.Value.ToString(Inv))) + "</p>\n");
            }

            w.Write("</header>\n");
        }

        private static void WriteTimeline(ModelLifecycleReport r, TextWriter w)
        {
            w.Write("<section aria-labelledby=\"timeline-title\">\n<h2 id=\"timeline-title\">Timeline</h2>\n");
            var layout = TimelineLayout.For(r);
            if (layout is null)
            {
                w.Write("<p>No deployment has a retirement or upgrade date, so there is nothing to put on a timeline.</p>\n</section>\n");
                return;
            }

            var width = TimelineLayout.Width;
            var height = layout.Height;
            var plotRight = width - TimelineLayout.RightPad;
            w.Write("<div class=\"timeline\">\n<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + N(width) + " " + N(height) + "\" width=\"" + N(width) + "\" height=\"" + N(height) + "\" role=\"img\" aria-labelledby=\"timeline-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n");
            w.Write("<desc id=\"timeline-desc\">Retirement and upgrade dates by " + layout.LaneKind + ", " + D(layout.Start) + " to " + D(layout.End) + ".</desc>\n");

            // Lanes: zebra bands and labels.
            foreach (var lane in layout.Lanes)
            {
                var y = TimelineLayout.AxisHeight + (lane.Index * TimelineLayout.LaneHeight);
                if (lane.Index % 2 == 0)
                {
                    w.Write("<rect x=\"0\" y=\"" + N(y) + "\" width=\"" + N(width) + "\" height=\"" + N(TimelineLayout.LaneHeight) + "\" fill=\"#f9fafb\"/>\n");
                }

                // Cut from the middle: subscription ids and generated names differ at the end.
                var label = lane.Label.Length > 26 ? lane.Label.Substring(0, 10) + "…" + lane.Label.Substring(lane.Label.Length - 14) : lane.Label;
                w.Write("<text class=\"lane\" x=\"8\" y=\"" + N(y + (TimelineLayout.LaneHeight / 2) + 4) + "\" fill=\"#111827\">" + E(label) + "<title>" + E(lane.Label + " (" + lane.Entries.Count.ToString(Inv) + ")") + "</title></text>\n");
            }

            // Month grid and axis labels.
            foreach (var t in layout.Ticks)
            {
                w.Write("<line x1=\"" + N(t.X) + "\" x2=\"" + N(t.X) + "\" y1=\"" + N(TimelineLayout.AxisHeight - 6) + "\" y2=\"" + N(height - 8) + "\" stroke=\"#e5e7eb\"/>\n");
                if (t.Label is not null)
                {
                    w.Write("<text class=\"month\" x=\"" + N(t.X + 3) + "\" y=\"" + N(TimelineLayout.AxisHeight - 12) + "\" fill=\"#4b5563\">" + E(t.Label) + "</text>\n");
                }
            }

            w.Write("<line x1=\"" + N(TimelineLayout.LabelWidth) + "\" x2=\"" + N(plotRight) + "\" y1=\"" + N(TimelineLayout.AxisHeight - 6) + "\" y2=\"" + N(TimelineLayout.AxisHeight - 6) + "\" stroke=\"#9ca3af\"/>\n");

            // The as-of day ("today" of the report).
            var todayX = layout.AsOfX;
            w.Write("<g id=\"today\"><line x1=\"" + N(todayX) + "\" x2=\"" + N(todayX) + "\" y1=\"4\" y2=\"" + N(height - 4) + "\" stroke=\"#111827\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>");
            var anchor = todayX > plotRight - 120 ? "end" : "start";
            var labelX = anchor == "end" ? todayX - 4 : todayX + 4;
            w.Write("<text x=\"" + N(labelX) + "\" y=\"12\" text-anchor=\"" + anchor + "\" font-weight=\"600\" fill=\"#111827\">today " + D(layout.AsOf) + "</text><title>As of " + D(layout.AsOf) + "</title></g>\n");

            foreach (var m in layout.Marks)
            {
                w.Write("<g class=\"mark sev-" + m.Severity + "\" data-count=\"" + m.Count.ToString(Inv) + "\"><circle cx=\"" + N(m.X) + "\" cy=\"" + N(m.Y) + "\" r=\"" + N(m.Radius) + "\" fill=\"" + Colour(m.Severity) + "\" stroke=\"#fff\" stroke-width=\"1.5\"/>");
                if (m.Count > 1)
                {
                    w.Write("<text x=\"" + N(m.X) + "\" y=\"" + N(m.Y + 4) + "\" text-anchor=\"middle\" font-size=\"" + (m.Count > 99 ? "7.5" : "9") + "\" font-weight=\"700\" fill=\"#fff\">" + (m.Count > 99 ? "99+" : m.Count.ToString(Inv)) + "</text>");
                }

                w.Write("<title>" + E(HoverText(m)) + "</title></g>\n");
            }

            w.Write("</svg>\n</div>\n<p class=\"legend\">");
            foreach (var s in ModelLifecycleReport.SeverityOrder)
            {
                w.Write("<span class=\"key\"><i class=\"dot sev-" + s + "\"></i>" + s + "</span>");
            }

            w.Write("<span>A number in a mark: deployments on nearby days, shown as one.</span>");
            if (layout.UndatedCount > 0)
            {
                w.Write("<span>" + layout.UndatedCount.ToString(Inv) + " without a date are in the table only.</span>");
            }

            w.Write("</p>\n</section>\n");
        }

        private static string HoverText(TimelineMark m)
        {
            const int MaxLines = 8;
            var lines = m.Entries.Take(MaxLines).Select(e => e.DisplayName + " · " + e.ModelText + " · " + e.Outcome + " " + e.EventDateText).ToList();
            if (m.Count > MaxLines)
            {
                lines.Add("… and " + (m.Count - MaxLines).ToString(Inv) + " more");
            }

            if (m.Count > 1)
            {
                var first = m.Entries.Min(e => e.EventDate!.Value);
                var last = m.Entries.Max(e => e.EventDate!.Value);
                lines.Insert(0, m.Count.ToString(Inv) + " deployments, " + D(first) + (first == last ? string.Empty : " to " + D(last)));
            }

            return string.Join("\n", lines);
        }

        private static string Colour(Severity s)
        {
            switch (s)
            {
                case Severity.Critical:
                    return "#b3261e";
                case Severity.Warning:
                    return "#d97706";
                case Severity.Info:
                    return "#1d4ed8";
                default:
                    return "#6b7280";
            }
        }

        private static void WriteTable(ModelLifecycleReport r, TextWriter w)
        {
            var total = r.Entries.Count.ToString(Inv);
            var shared = SharedNotes(r);
            w.Write("<section aria-labelledby=\"table-title\">\n<h2 id=\"table-title\">Deployments</h2>\n");
            w.Write("<div id=\"controls\" hidden><label>Filter <input type=\"search\" id=\"filter-text\" placeholder=\"name, model, outcome…\"></label>");
            w.Write("<label>Severity <select id=\"filter-severity\"><option value=\"\">All</option>");
            foreach (var s in ModelLifecycleReport.SeverityOrder)
            {
                w.Write("<option>" + s + "</option>");
            }

            w.Write("</select></label><span><span id=\"shown\">" + total + "</span> of " + total + " shown</span></div>\n");
            w.Write("<div class=\"table-wrap\">\n<table id=\"deployments\">\n<thead><tr>");
            // Seven columns fit 1280 px with room for the advice; secondary facts sit under the main one.
            w.Write("<th data-type=\"number\">Severity</th><th>Date</th><th class=\"secondary\">Outcome</th><th>Deployment</th><th>Model</th><th class=\"secondary\">Upgrade option</th><th class=\"secondary\">What to do</th>");
            w.Write("</tr></thead>\n<tbody>\n");
            foreach (var e in r.Entries)
            {
                w.Write("<tr class=\"sev-" + e.Severity + "\">");
                w.Write("<td class=\"sev\" data-v=\"" + ((int)e.Severity).ToString(Inv) + "\">" + e.Severity + "</td>");
                w.Write("<td class=\"nowrap\" data-v=\"" + (e.EventDate is DateTime d ? D(d) : "9999-12-31") + "\">" + E(e.EventDateText) + Small(DaysText(e.DaysUntilEvent)) + "</td>");
                w.Write("<td>" + WordBreaks(E(e.Outcome)) + (e.EventDate is null ? string.Empty : Small(e.EventText)) + "</td>");
                w.Write("<td data-v=\"" + E(e.DisplayName.ToLowerInvariant()) + "\"><span class=\"name\">" + E(e.DeploymentName) + "</span>" + Small(Join(" · ", e.AccountName, e.ResourceGroupName)) + "</td>");
                w.Write("<td>" + E(e.ModelText) + Small(Join(" · ", e.DeploymentType, e.Location)) + "</td>");
                w.Write("<td class=\"option\">" + WordBreaks(E(e.UpgradeOption)) + "</td>");
                w.Write("<td class=\"what\">");
                WhatToDo(e, w, shared);
                w.Write("</td></tr>\n");
            }

            w.Write("</tbody>\n</table>\n</div>\n</section>\n");
            WriteSharedNotes(shared, w);
        }

        /// <summary>
        /// Notes and sources come from the catalog record, so deployments of one model version repeat them
        /// word for word. A block used by <see cref="ShareFrom"/> or more rows is written once, after the
        /// table, and the rows link to it: 2,000 deployments stay a page, not megabytes of the same text.
        /// </summary>
        private const int ShareFrom = 3;

        private static Dictionary<string, SharedBlock> SharedNotes(ModelLifecycleReport r)
        {
            var blocks = new Dictionary<string, SharedBlock>(StringComparer.Ordinal);
            foreach (var e in r.Entries)
            {
                var key = NotesKey(e);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!blocks.TryGetValue(key, out var b))
                {
                    b = new SharedBlock(blocks.Count, e);
                    blocks.Add(key, b);
                }

                b.Count++;
                b.Models.Add(e.ModelText);
            }

            foreach (var k in blocks.Where(p => p.Value.Count < ShareFrom).Select(p => p.Key).ToList())
            {
                blocks.Remove(k);
            }

            // Numbered 1, 2, ... in the order the table first uses them.
            var id = 1;
            foreach (var b in blocks.Values.OrderBy(b => b.Id).ToList())
            {
                b.Id = id++;
            }

            return blocks;
        }

        private static string NotesKey(ReportEntry e) =>
            e.Notes.Count == 0 && e.Sources.Count == 0
                ? string.Empty
                : string.Join("\n", e.Notes) + "\u0001" + string.Join("\n", e.Sources.Select(s => s.Name + "\u0002" + s.Url));

        private static void WriteSharedNotes(Dictionary<string, SharedBlock> shared, TextWriter w)
        {
            if (shared.Count == 0)
            {
                return;
            }

            w.Write("<section aria-labelledby=\"notes-title\" id=\"shared-notes\">\n<h2 id=\"notes-title\">Notes and sources</h2>\n");
            foreach (var b in shared.Values.OrderBy(b => b.Id))
            {
                w.Write("<div class=\"what shared\" id=\"notes-" + b.Id.ToString(Inv) + "\"><h3>" + E(string.Join(", ", b.Models.OrderBy(m => m, StringComparer.Ordinal))) + " <small>(" + b.Count.ToString(Inv) + " deployments)</small></h3>");
                NotesAndSources(b.Sample, w);
                w.Write("</div>\n");
            }

            w.Write("</section>\n");
        }

        private sealed class SharedBlock
        {
            public SharedBlock(int id, ReportEntry sample)
            {
                Id = id;
                Sample = sample;
            }

            public int Id { get; set; }

            public ReportEntry Sample { get; }

            public int Count { get; set; }

            public SortedSet<string> Models { get; } = new SortedSet<string>(StringComparer.Ordinal);
        }

        /// <summary>Lets a long PascalCase name (OnceNewDefaultVersionAvailable) wrap between its words.</summary>
        private static string WordBreaks(string escaped) => Regex.Replace(escaped, "(?<=[a-z])(?=[A-Z])", "<wbr>");

        private static string Small(string? text) => string.IsNullOrEmpty(text) ? string.Empty : "<br><small>" + E(text) + "</small>";

        private static string Join(string separator, params string?[] parts) => string.Join(separator, parts.Where(p => !string.IsNullOrEmpty(p)));

        private static string? DaysText(int? days)
        {
            if (days is not int n)
            {
                return null;
            }

            return n == 0 ? "today" : n > 0 ? "in " + n.ToString(Inv) + (n == 1 ? " day" : " days") : (-n).ToString(Inv) + (n == -1 ? " day ago" : " days ago");
        }

        private static void WhatToDo(ReportEntry e, TextWriter w, Dictionary<string, SharedBlock> shared)
        {
            if (!string.IsNullOrEmpty(e.Reason))
            {
                w.Write("<p>" + E(e.Reason) + "</p>");
            }

            if (!string.IsNullOrEmpty(e.RecommendedAction))
            {
                w.Write("<p class=\"action\">" + E(e.RecommendedAction) + "</p>");
            }

            if (shared.TryGetValue(NotesKey(e), out var block))
            {
                w.Write("<p class=\"src\"><a href=\"#notes-" + block.Id.ToString(Inv) + "\">Notes and sources for " + E(e.ModelText) + "</a></p>");
                return;
            }

            NotesAndSources(e, w);
        }

        private static void NotesAndSources(ReportEntry e, TextWriter w)
        {
            if (e.Notes.Count > 0)
            {
                w.Write("<ul>" + string.Concat(e.Notes.Select(n => "<li>" + E(n) + "</li>")) + "</ul>");
            }

            if (e.Sources.Count > 0)
            {
                w.Write("<p class=\"src\">Sources: " + string.Join(", ", e.Sources.Select(s => s.Url is null ? E(s.Name) : "<a href=\"" + E(s.Url) + "\" rel=\"noreferrer noopener\">" + E(s.Name) + "</a>")) + "</p>");
            }
        }
    }
}
