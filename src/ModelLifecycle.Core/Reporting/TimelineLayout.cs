using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelLifecycle.Core.Reporting
{
    /// <summary>
    /// Where everything on the timeline goes, in SVG user units, decided apart from drawing so it can be
    /// tested: lanes, months, the as-of line, and marks. Entries of one lane whose marks would overlap
    /// share one mark with their count, so the picture stays legible however many deployments there are.
    /// </summary>
    public sealed class TimelineLayout
    {
        public const double Width = 1200;
        public const double LabelWidth = 210;
        public const double RightPad = 24;
        public const double AxisHeight = 46;
        public const double LaneHeight = 30;

        /// <summary>Deployments of one lane closer than this are drawn as one mark with their count.</summary>
        public const double ClusterWidth = 40;

        /// <summary>The largest mark: a quarter of <see cref="ClusterWidth"/>, so marks never overlap.</summary>
        public const double MaxRadius = ClusterWidth / 4;

        /// <summary>More lanes than this and accounts are grouped by subscription; the rest share one lane.</summary>
        public const int MaxLanes = 30;

        private TimelineLayout(DateTime start, DateTime end, DateTime asOf)
        {
            Start = start;
            End = end;
            AsOf = asOf;
        }

        public DateTime Start { get; }

        public DateTime End { get; }

        public DateTime AsOf { get; }

        /// <summary>What one lane stands for: "account" or "subscription".</summary>
        public string LaneKind { get; private set; } = "account";

        public List<TimelineLane> Lanes { get; } = new List<TimelineLane>();

        public List<TimelineMark> Marks { get; } = new List<TimelineMark>();

        public List<TimelineTick> Ticks { get; } = new List<TimelineTick>();

        public int UndatedCount { get; private set; }

        public double Height => AxisHeight + (Lanes.Count * LaneHeight) + 8;

        public double AsOfX => X(AsOf);

        public double X(DateTime date) =>
            LabelWidth + ((date - Start).TotalDays / (End - Start).TotalDays * (Width - LabelWidth - RightPad));

        /// <summary>The layout of a report; null when no entry has a date.</summary>
        public static TimelineLayout? For(ModelLifecycleReport report)
        {
            var dated = report.Entries.Where(e => e.EventDate is not null).ToList();
            if (dated.Count == 0)
            {
                return null;
            }

            var first = dated.Min(e => e.EventDate!.Value);
            var last = dated.Max(e => e.EventDate!.Value);
            if (report.AsOf < first)
            {
                first = report.AsOf;
            }

            if (report.AsOf > last)
            {
                last = report.AsOf;
            }

            var start = new DateTime(first.Year, first.Month, 1);
            var end = new DateTime(last.Year, last.Month, 1).AddMonths(1);
            var layout = new TimelineLayout(start, end, report.AsOf) { UndatedCount = report.Entries.Count - dated.Count };
            layout.PlaceLanes(dated);
            layout.PlaceTicks();
            layout.PlaceMarks(dated);
            return layout;
        }

        private void PlaceLanes(List<ReportEntry> dated)
        {
            Func<ReportEntry, string> key = e => e.AccountName ?? "(account not known)";
            if (dated.Select(key).Distinct(StringComparer.OrdinalIgnoreCase).Count() > MaxLanes)
            {
                LaneKind = "subscription";
                key = e => e.SubscriptionId ?? "(subscription not known)";
            }

            var groups = dated.GroupBy(key, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Max(e => e.Severity))
                .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var shown = groups.Count > MaxLanes ? groups.Take(MaxLanes - 1).ToList() : groups;
            foreach (var g in shown)
            {
                Lanes.Add(new TimelineLane(Lanes.Count, g.Key, g.ToList()));
            }

            if (shown.Count < groups.Count)
            {
                var rest = groups.Skip(shown.Count).ToList();
                var label = string.Format(CultureInfo.InvariantCulture, "{0} more {1}s", rest.Count, LaneKind);
                Lanes.Add(new TimelineLane(Lanes.Count, label, rest.SelectMany(g => g).ToList()));
            }
        }

        private void PlaceTicks()
        {
            var months = ((End.Year - Start.Year) * 12) + End.Month - Start.Month;
            var perMonth = (Width - LabelWidth - RightPad) / months;
            var step = new[] { 1, 2, 3, 6, 12, 24 }.First(s => s * perMonth >= 48 || s == 24);
            for (var m = Start; m <= End; m = m.AddMonths(1))
            {
                var index = ((m.Year - Start.Year) * 12) + m.Month - Start.Month;
                string? label = null;
                if (index % step == 0 && m < End)
                {
                    label = m.Month == 1 || index == 0 || step >= 12
                        ? m.ToString("MMM yyyy", CultureInfo.InvariantCulture)
                        : m.ToString("MMM", CultureInfo.InvariantCulture);
                }

                Ticks.Add(new TimelineTick(X(m), m, label));
            }
        }

        private void PlaceMarks(List<ReportEntry> dated)
        {
            _ = dated;
            foreach (var lane in Lanes)
            {
                var y = AxisHeight + (lane.Index * LaneHeight) + (LaneHeight / 2);
                var ordered = lane.Entries.Select(e => (Entry: e, X: X(e.EventDate!.Value))).OrderBy(p => p.X).ThenBy(p => p.Entry.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();

                // A cluster takes every entry less than ClusterWidth after its first one and is drawn at the
                // middle of its span: the next cluster's first entry is at least ClusterWidth further, so two
                // marks are at least ClusterWidth / 2 = 2 * MaxRadius apart and never overlap.
                var i = 0;
                while (i < ordered.Count)
                {
                    var first = ordered[i].X;
                    var j = i;
                    while (j + 1 < ordered.Count && ordered[j + 1].X - first < ClusterWidth)
                    {
                        j++;
                    }

                    var members = ordered.Skip(i).Take(j - i + 1).Select(p => p.Entry)
                        .OrderByDescending(e => e.Severity).ThenBy(e => e.EventDate).ThenBy(e => e.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
                    Marks.Add(new TimelineMark((first + ordered[j].X) / 2, y, members));
                    i = j + 1;
                }
            }
        }
    }

    public sealed class TimelineLane
    {
        public TimelineLane(int index, string label, IReadOnlyList<ReportEntry> entries)
        {
            Index = index;
            Label = label;
            Entries = entries;
        }

        public int Index { get; }

        public string Label { get; }

        public IReadOnlyList<ReportEntry> Entries { get; }
    }

    public sealed class TimelineTick
    {
        public TimelineTick(double x, DateTime month, string? label)
        {
            X = x;
            Month = month;
            Label = label;
        }

        public double X { get; }

        public DateTime Month { get; }

        /// <summary>Null for a month that gets a grid line but no label (labels would collide).</summary>
        public string? Label { get; }
    }

    /// <summary>One mark: one deployment, or several whose marks would overlap.</summary>
    public sealed class TimelineMark
    {
        public TimelineMark(double x, double y, IReadOnlyList<ReportEntry> entries)
        {
            X = x;
            Y = y;
            Entries = entries;
        }

        public double X { get; }

        public double Y { get; }

        public IReadOnlyList<ReportEntry> Entries { get; }

        public int Count => Entries.Count;

        /// <summary>The most urgent severity among the entries: the mark's colour.</summary>
        public Severity Severity => Entries.Max(e => e.Severity);

        public double Radius => Count == 1 ? 6 : Math.Min(TimelineLayout.MaxRadius, 7 + (0.6 * Math.Log(Count, 2)));
    }
}
