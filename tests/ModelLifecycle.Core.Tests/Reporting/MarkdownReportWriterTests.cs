using System;
using System.Linq;
using ModelLifecycle.Core.Reporting;
using Xunit;
using static ModelLifecycle.Core.Tests.Reporting.ReportFixtures;

namespace ModelLifecycle.Core.Tests.Reporting
{
    public class MarkdownReportWriterTests
    {
        private static readonly string Markdown = Render(new MarkdownReportWriter(), Mixed());

        private static string[] Rows(string md) => md.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Severity", StringComparison.Ordinal)).ToArray();

        [Fact]
        public void Critical_and_Warning_are_listed_most_urgent_first_and_the_rest_are_counted()
        {
            var rows = Rows(Markdown);
            Assert.Equal(3, rows.Length);
            Assert.StartsWith("| Critical |", rows[0]);
            Assert.StartsWith("| Warning | 2026-03-01 |", rows[1]);
            Assert.StartsWith("| Warning | 2026-04-01 |", rows[2]);
            Assert.DoesNotContain("info-1", Markdown);
            Assert.Contains("2 other deployments (Info or None): AutoUpgradeAtRetirement 1, Current 1.", Markdown);
            Assert.Contains("**5 deployments:** Critical 1 · Warning 2 · Info 1 · None 1", Markdown);
        }

        [Fact]
        public void Names_cannot_become_markup_or_break_the_table()
        {
            Assert.DoesNotMatch(@"(?<!\\)<img", Markdown);
            Assert.Contains("a\\|b\\<img src=x onerror=alert(1)\\>/\\<img", Markdown);

            // Every row still has exactly seven unescaped pipes (six cells).
            foreach (var row in Rows(Markdown))
            {
                Assert.Equal(7, row.Replace("\\|", string.Empty).Count(c => c == '|'));
            }

            Assert.Equal("\\[x\\](javascript:y) \\*b\\* a b &amp;", MarkdownReportWriter.Escape("[x](javascript:y) *b* a\nb &"));
        }

        [Fact]
        public void A_long_list_is_cut_to_the_row_limit_and_says_how_many_were_left_out()
        {
            var md = Render(new MarkdownReportWriter(), Fleet(400));
            Assert.Equal(MarkdownReportWriter.MaxRows, Rows(md).Length);
            Assert.Contains("… and 150 more at Warning or Critical, not listed here.", md);
            Assert.True(md.Length < 20_000, "length " + md.Length);
        }

        [Fact]
        public void An_empty_report_says_there_are_no_deployments()
        {
            var md = Render(new MarkdownReportWriter(), new ReportBuilder(null).Build("Weekly", AsOf, Generated));
            Assert.StartsWith("# Weekly\n", md);
            Assert.Contains("No deployments", md);
            Assert.DoesNotContain("|", md);
        }

        [Fact]
        public void Without_anything_urgent_it_says_so()
        {
            var builder = new ReportBuilder(null);
            builder.Add(Assessment("ok", Severity.Info, date: AsOf.AddDays(200)));
            var md = Render(new MarkdownReportWriter(), builder.Build(null, null, Generated));
            Assert.Contains("Nothing at Warning or Critical.", md);
            Assert.Contains("1 other deployment (Info or None): AutoUpgradeAtRetirement 1.", md);
        }
    }
}
