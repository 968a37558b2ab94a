using System;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Reporting;
using Xunit;
using static ModelLifecycle.Core.Tests.Reporting.ReportFixtures;

namespace ModelLifecycle.Core.Tests.Reporting
{
    public class ReportBuilderTests
    {
        [Fact]
        public void The_as_of_date_comes_from_AsOf_else_the_assessments_else_the_day_written()
        {
            var builder = new ReportBuilder(null);
            Assert.Equal(Generated.AddDays(3).UtcDateTime.Date, builder.Build(null, null, Generated.AddDays(3)).AsOf);

            builder.Add(Assessment("a"));
            Assert.Equal(AsOf, builder.Build(null, null, Generated.AddDays(3)).AsOf);
            Assert.Equal(new DateTime(2027, 2, 3), builder.Build(null, new DateTime(2027, 2, 3, 15, 0, 0), Generated).AsOf);
        }

        [Fact]
        public void The_report_says_how_the_deployments_were_read()
        {
            var builder = new ReportBuilder(null);
            Assert.Null(builder.Build(null, null, Generated).ReadFrom);

            builder.Add(Assessment("offline"));
            Assert.Equal("offline input (files or objects given)", builder.Build(null, null, Generated).ReadFrom);

            var live = Assessment("live");
            live.ReadFrom = UpgradePolicyAssessment.ReadFromLive;
            builder.Add(live);
            var report = builder.Build(null, null, Generated);
            Assert.Equal("offline input (files or objects given) and Azure with -Live (each region's Models API)", report.ReadFrom);

            var html = new System.IO.StringWriter();
            new HtmlReportWriter().Write(report, html);
            Assert.Contains("read from <span id=\"read-from\">offline input", html.ToString());
            var markdown = new System.IO.StringWriter();
            new MarkdownReportWriter().Write(report, markdown);
            Assert.Contains("read from offline input", markdown.ToString());
        }

        [Fact]
        public void An_entry_carries_the_assessments_words_and_the_day_its_outcome_happens()
        {
            var a = Assessment("a", Severity.Info, UpgradeOutcome.AutoUpgradeScheduled, new DateTime(2026, 3, 9));
            a.RetirementDate = new DateTime(2026, 10, 1);
            a.UpgradeTarget = new ModelRef("gpt-4o", "2024-11-20");
            var e = ReportEntry.FromAssessment(a);
            Assert.Equal(new DateTime(2026, 3, 9), e.EventDate);
            Assert.Equal(48, e.DaysUntilEvent);
            Assert.Equal("Upgrades to gpt-4o 2024-11-20", e.EventText);
            Assert.Equal("acct/a", e.DisplayName);
            Assert.Equal("Action for a", e.RecommendedAction);
            Assert.Equal(new[] { "Note for a" }, e.Notes);
        }

        [Fact]
        public void Sources_come_from_the_catalog_record_of_the_deployments_model()
        {
            var builder = new ReportBuilder(EmbeddedCatalog.Catalog);
            builder.Add(Assessment("a"));
            var entry = builder.Build(null, null, Generated).Entries.Single();
            Assert.NotEmpty(entry.Sources);
            Assert.All(entry.Sources.Where(s => s.Url is not null), s => Assert.StartsWith("http", s.Url));
        }

        [Fact]
        public void The_title_defaults_and_is_trimmed()
        {
            Assert.Equal(ModelLifecycleReport.DefaultTitle, new ReportBuilder(null).Build("  ", null, Generated).Title);
            Assert.Equal("Weekly", new ReportBuilder(null).Build(" Weekly ", null, Generated).Title);
        }
    }
}
