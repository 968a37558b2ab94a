using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ModelLifecycle.Core.Reporting;
using Xunit;
using static ModelLifecycle.Core.Tests.Reporting.ReportFixtures;

namespace ModelLifecycle.Core.Tests.Reporting
{
    public class HtmlReportWriterTests
    {
        private static readonly string Html = Render(new HtmlReportWriter(), Mixed());

        [Fact]
        public void A_hostile_deployment_name_is_text_everywhere_it_appears()
        {
            Assert.DoesNotContain("<img", Html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<span class=\"name\">&lt;img src=x onerror=alert(1)&gt;</span>", Html);

            // In the title, the lane label, the hover text, the reason and the notes.
            Assert.Contains("<title>Title &lt;img src=x onerror=alert(1)&gt;</title>", Html);
            Assert.Contains("Reason &lt;img", Html);
            Assert.Contains("<li>note &lt;img", Html);
            Assert.Contains("a|b&lt;img", Html);
        }

        [Fact]
        public void Quotes_are_escaped_so_a_value_cannot_leave_an_attribute()
        {
            Assert.Equal("&quot; onmouseover=&#39;x&#39; &amp;", HtmlText.Escape("\" onmouseover='x' &"));
            Assert.Equal("ab", HtmlText.Escape("a\u0001b"));
        }

        [Fact]
        public void The_policy_forbids_every_load_and_allows_only_the_pages_own_style_and_script_by_hash()
        {
            var csp = Regex.Match(Html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
            Assert.StartsWith("default-src 'none';", csp);
            Assert.DoesNotContain("unsafe-inline", csp);

            var style = Regex.Match(Html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
            var script = Regex.Match(Html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains("style-src '" + Sha(style) + "'", csp);
            Assert.Contains("script-src '" + Sha(script) + "'", csp);
            Assert.Single(Regex.Matches(Html, "<script"));
            Assert.Single(Regex.Matches(Html, "<style"));
        }

        [Fact]
        public void Nothing_in_the_page_points_at_another_resource()
        {
            // Attribute values are escaped text; what is left outside quotes are tag and attribute names.
            var tags = Regex.Replace(Html, "\"[^\"]*\"", "\"\"");
            Assert.Equal(string.Empty, Regex.Match(tags, @"<[a-z][^>]*\ssrc\s*=", RegexOptions.IgnoreCase).Value);
            Assert.DoesNotContain("<link", Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("url(", Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", Html, StringComparison.OrdinalIgnoreCase);

            // No inline style attributes: the policy would block them, and the page must not rely on them.
            Assert.DoesNotMatch(new Regex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase), tags);
        }

        [Fact]
        public void The_header_counts_each_severity_and_outcome_and_shows_the_dates()
        {
            Assert.Contains("<li class=\"sev-Critical\"><b>1</b>Critical</li>", Html);
            Assert.Contains("<li class=\"sev-Warning\"><b>2</b>Warning</li>", Html);
            Assert.Contains("<li class=\"sev-Info\"><b>1</b>Info</li>", Html);
            Assert.Contains("<li class=\"sev-None\"><b>1</b>None</li>", Html);
            Assert.Contains("WillStopWorking: 2", Html);
            Assert.Contains("<time id=\"as-of\">2026-01-20</time>", Html);
        }

        [Fact]
        public void The_catalog_date_and_its_staleness_warning_are_in_the_header()
        {
            var builder = new ReportBuilder(EmbeddedCatalogForReports.Catalog);
            builder.Add(Assessment("a"));
            var html = Render(new HtmlReportWriter(), builder.Build(null, EmbeddedCatalogForReports.Catalog.SnapshotDate.AddDays(200), Generated));
            Assert.Contains("<time id=\"catalog-date\">" + EmbeddedCatalogForReports.Catalog.SnapshotDate.ToString("yyyy-MM-dd") + "</time>", html);
            Assert.Contains("id=\"stale\"", html);

            var fresh = Render(new HtmlReportWriter(), builder.Build(null, EmbeddedCatalogForReports.Catalog.SnapshotDate, Generated));
            Assert.DoesNotContain("id=\"stale\"", fresh);
        }

        [Fact]
        public void Every_deployment_is_a_row_of_the_table_without_script_and_the_controls_start_hidden()
        {
            var body = Regex.Match(Html, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Equal(5, Regex.Matches(body, "<tr ").Count);
            Assert.Contains("<div id=\"controls\" hidden>", Html);

            // Most urgent first, so the page reads right before any sorting.
            var order = Regex.Matches(body, "<tr class=\"sev-(\\w+)\"").Select(m => m.Groups[1].Value).ToArray();
            Assert.Equal(new[] { "Critical", "Warning", "Warning", "Info", "None" }, order);
        }

        [Fact]
        public void The_timeline_has_a_today_line_months_and_hover_text()
        {
            Assert.Contains("<g id=\"today\">", Html);
            Assert.Contains("today 2026-01-20", Html);
            Assert.Contains(">Jan 2026</text>", Html);
            Assert.Matches(new Regex("<title>acct/warn-1 · gpt-4o 2024-08-06 · WillStopWorking 2026-03-01</title>"), Html);
        }

        [Fact]
        public void An_empty_report_says_there_are_no_deployments_and_draws_no_table()
        {
            var html = Render(new HtmlReportWriter(), new ReportBuilder(null).Build(null, AsOf, Generated));
            Assert.Contains("No deployments", html);
            Assert.DoesNotContain("<table", html);
            Assert.DoesNotContain("<svg", html);
        }

        [Fact]
        public void Sources_link_only_to_web_addresses()
        {
            var entry = ReportEntry.FromAssessment(Assessment("a"), new[] { new ReportSource("docs", "https://learn.microsoft.com/x?a=1&b=2"), new ReportSource("local", null) });
            var html = Render(new HtmlReportWriter(), new ModelLifecycleReport(null, AsOf, Generated, new[] { entry }));
            Assert.Contains("<a href=\"https://learn.microsoft.com/x?a=1&amp;b=2\" rel=\"noreferrer noopener\">docs</a>, local", html);
        }

        [Fact]
        public void Notes_shared_by_three_or_more_deployments_are_written_once_and_linked()
        {
            var builder = new ReportBuilder(null);
            for (var i = 0; i < 3; i++)
            {
                var a = Assessment("same-" + i);
                a.Notes = new TextList(new[] { "The same note " + Hostile });
                builder.Add(a);
            }

            var twice = Assessment("pair-1");
            twice.Notes = new TextList(new[] { "A pair note" });
            var twin = Assessment("pair-2");
            twin.Notes = twice.Notes;
            builder.Add(twice);
            builder.Add(twin);

            var html = Render(new HtmlReportWriter(), builder.Build(null, null, Generated));
            Assert.Single(Regex.Matches(html, "<li>The same note &lt;img"));
            Assert.Equal(3, Regex.Matches(html, "<a href=\"#notes-1\">Notes and sources for gpt-4o 2024-08-06</a>").Count);
            Assert.Contains("<div class=\"what shared\" id=\"notes-1\"><h3>gpt-4o 2024-08-06 <small>(3 deployments)</small></h3>", html);
            Assert.Equal(2, Regex.Matches(html, "<li>A pair note</li>").Count); // two are not worth a jump
        }

        [Fact]
        public void Two_thousand_deployments_stay_under_two_megabytes()
        {
            var html = Render(new HtmlReportWriter(), Fleet(2000));
            Assert.True(Encoding.UTF8.GetByteCount(html) < 2 * 1024 * 1024, "size " + html.Length);
            Assert.Equal(2000, Regex.Matches(html, "<tr class=").Count);
        }

        private static string Sha(string text)
        {
            using var sha = SHA256.Create();
            return "sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }
    }

    internal static class EmbeddedCatalogForReports
    {
        public static ModelLifecycle.Core.Catalog.LifecycleCatalog Catalog => ModelLifecycle.Core.Catalog.EmbeddedCatalog.Catalog;
    }
}
