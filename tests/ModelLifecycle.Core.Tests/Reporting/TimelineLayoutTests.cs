using System;
using System.Linq;
using ModelLifecycle.Core.Reporting;
using Xunit;
using static ModelLifecycle.Core.Tests.Reporting.ReportFixtures;

namespace ModelLifecycle.Core.Tests.Reporting
{
    public class TimelineLayoutTests
    {
        [Fact]
        public void Two_thousand_deployments_become_few_marks_that_never_overlap_and_count_everyone()
        {
            var layout = TimelineLayout.For(Fleet(2000))!;
            Assert.Equal(5, layout.Lanes.Count);
            Assert.Equal(2000, layout.Marks.Sum(m => m.Count));

            // At most one mark per cluster width of each lane.
            var perLane = (TimelineLayout.Width - TimelineLayout.LabelWidth - TimelineLayout.RightPad) / TimelineLayout.ClusterWidth;
            Assert.True(layout.Marks.Count <= layout.Lanes.Count * (perLane + 1), "marks " + layout.Marks.Count);
            foreach (var lane in layout.Marks.GroupBy(m => m.Y))
            {
                var xs = lane.OrderBy(m => m.X).ToList();
                for (var i = 1; i < xs.Count; i++)
                {
                    Assert.True(xs[i].X - xs[i - 1].X >= xs[i].Radius + xs[i - 1].Radius, $"marks at {xs[i - 1].X} and {xs[i].X} overlap");
                }
            }
        }

        [Fact]
        public void A_few_deployments_keep_their_own_marks_at_their_own_dates()
        {
            var layout = TimelineLayout.For(Mixed())!;
            Assert.All(layout.Marks, m => Assert.Equal(1, m.Count));
            var warn = layout.Marks.Single(m => m.Entries[0].DeploymentName == "warn-1");
            Assert.Equal(layout.X(new DateTime(2026, 3, 1)), warn.X, 3);
        }

        [Fact]
        public void The_axis_runs_from_the_first_month_to_after_the_last_and_includes_today()
        {
            var layout = TimelineLayout.For(Mixed())!;
            Assert.Equal(new DateTime(2025, 12, 1), layout.Start);
            Assert.Equal(new DateTime(2026, 10, 1), layout.End);
            Assert.InRange(layout.AsOfX, TimelineLayout.LabelWidth, TimelineLayout.Width - TimelineLayout.RightPad);
            Assert.Contains(layout.Ticks, t => t.Label == "Jan 2026");
        }

        [Fact]
        public void Many_accounts_are_grouped_by_subscription_and_the_rest_share_a_lane()
        {
            var builder = new ReportBuilder(null);
            for (var i = 0; i < 400; i++)
            {
                builder.Add(Assessment("d" + i, date: AsOf.AddDays(i), account: "acct-" + i, subscription: "sub-" + (i % 50)));
            }

            var layout = TimelineLayout.For(builder.Build(null, null, Generated))!;
            Assert.Equal("subscription", layout.LaneKind);
            Assert.Equal(TimelineLayout.MaxLanes, layout.Lanes.Count);
            Assert.Equal("21 more subscriptions", layout.Lanes.Last().Label);
            Assert.Equal(400, layout.Marks.Sum(m => m.Count));
        }

        [Fact]
        public void Without_dates_there_is_no_timeline()
        {
            var builder = new ReportBuilder(null);
            builder.Add(Assessment("a", Severity.None, UpgradeOutcome.Current));
            Assert.Null(TimelineLayout.For(builder.Build(null, null, Generated)));
        }
    }
}
