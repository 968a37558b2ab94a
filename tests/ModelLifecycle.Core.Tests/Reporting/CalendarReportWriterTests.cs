using System;
using System.Linq;
using System.Text;
using Ical.Net;
using ModelLifecycle.Core.Reporting;
using Xunit;
using static ModelLifecycle.Core.Tests.Reporting.ReportFixtures;

namespace ModelLifecycle.Core.Tests.Reporting
{
    public class CalendarReportWriterTests
    {
        private static readonly string Ics = Render(new CalendarReportWriter(30), Mixed());

        [Fact]
        public void A_real_parser_reads_one_all_day_event_per_dated_deployment()
        {
            var calendar = Calendar.Load(Ics)!;
            Assert.Equal(4, calendar.Events.Count); // none-1 has no date
            var warn = calendar.Events.Single(e => e.Summary!.Contains("warn-1"));
            Assert.Equal("Stops working: acct/warn-1 (gpt-4o 2024-08-06)", warn.Summary);
            Assert.False(warn.DtStart!.HasTime);
            Assert.Equal(new DateTime(2026, 3, 1), warn.DtStart.Date.ToDateTime(TimeOnly.MinValue));
            Assert.Equal(new DateTime(2026, 3, 2), warn.DtEnd!.Date.ToDateTime(TimeOnly.MinValue));
            Assert.Contains("What to do: Action for warn-1", warn.Description);
            var alarm = Assert.Single(warn.Alarms);
            Assert.Equal("DISPLAY", alarm.Action);
            Assert.Equal("-P30D", alarm.Trigger!.Duration!.Value.ToString());
        }

        [Fact]
        public void Text_with_RFC_5545_special_characters_comes_back_as_written()
        {
            var builder = new ReportBuilder(null);
            var a = Assessment("semi;comma,back\\slash", date: AsOf.AddDays(10));
            a.RecommendedAction = "line one\nline two; then, done \\ ok";
            builder.Add(a);
            var ics = Render(new CalendarReportWriter(0), builder.Build(null, null, Generated));
            Assert.Contains("semi\\;comma\\,back\\\\slash", ics);

            var e = Calendar.Load(ics)!.Events.Single();
            Assert.Contains("semi;comma,back\\slash", e.Summary);
            Assert.Contains("What to do: line one\nline two; then, done \\ ok", e.Description);
            Assert.Contains("TRIGGER:PT0S", ics);
        }

        [Fact]
        public void UIDs_are_the_same_on_every_run_and_differ_between_deployments()
        {
            var later = new ReportBuilder(null);
            later.Add(Assessment("warn-1", Severity.Critical, UpgradeOutcome.WillStopWorking, new DateTime(2026, 5, 1)));
            var rerun = Render(new CalendarReportWriter(90), later.Build(null, AsOf.AddDays(30), Generated.AddDays(30)));

            var first = Calendar.Load(Ics)!.Events.Single(e => e.Summary!.Contains("warn-1"));
            var second = Calendar.Load(rerun)!.Events.Single();
            Assert.Equal(first.Uid, second.Uid); // the date moved, the event is the same
            Assert.True(second.Sequence > first.Sequence, "a rerun must carry a higher SEQUENCE");

            var uids = Calendar.Load(Ics)!.Events.Select(e => e.Uid).ToList();
            Assert.Equal(uids.Count, uids.Distinct().Count());
            Assert.All(uids, u => Assert.Matches("^[0-9a-f]{32}@modellifecycle$", u!));
        }

        [Fact]
        public void UIDs_ignore_the_case_of_resource_ids()
        {
            var a = ReportEntry.FromAssessment(Assessment("x"));
            var b = ReportEntry.FromAssessment(Assessment("x"));
            b.ResourceId = b.ResourceId!.ToUpperInvariant();
            Assert.Equal(CalendarReportWriter.Uid(a.StableKey), CalendarReportWriter.Uid(b.StableKey));
        }

        [Fact]
        public void Lines_end_in_CRLF_and_are_folded_at_75_octets_without_splitting_a_character()
        {
            Assert.DoesNotContain("\n", Ics.Replace("\r\n", string.Empty));
            foreach (var line in Ics.Split("\r\n"))
            {
                Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}");
            }

            var text = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("é€😀a", 40));
            var folded = CalendarReportWriter.Fold(text);
            Assert.Equal(text, folded.Replace("\r\n ", string.Empty).TrimEnd('\r', '\n'));
            Assert.All(folded.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
            Assert.DoesNotContain('\uFFFD', folded);
            Assert.Equal("SHORT:x\r\n", CalendarReportWriter.Fold("SHORT:x"));
        }

        [Fact]
        public void An_empty_calendar_says_there_are_no_deployments_and_still_parses()
        {
            var ics = Render(new CalendarReportWriter(90), new ReportBuilder(null).Build(null, AsOf, Generated));
            Assert.Contains("X-WR-CALDESC:No deployments", ics);
            Assert.Empty(Calendar.Load(ics)!.Events);
        }
    }
}
