using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelLifecycle.Core.Reporting;

namespace ModelLifecycle.Core.Tests.Reporting
{
    internal static class ReportFixtures
    {
        public const string Hostile = "<img src=x onerror=alert(1)>";

        public static readonly DateTime AsOf = new DateTime(2026, 1, 20);

        public static readonly DateTimeOffset Generated = new DateTimeOffset(2026, 1, 20, 9, 30, 0, TimeSpan.Zero);

        public static UpgradePolicyAssessment Assessment(
            string name,
            Severity severity = Severity.Info,
            UpgradeOutcome outcome = UpgradeOutcome.AutoUpgradeAtRetirement,
            DateTime? date = null,
            string account = "acct",
            string subscription = "00000000-0000-0000-0000-000000000001") =>
            new UpgradePolicyAssessment
            {
                SubscriptionId = subscription,
                ResourceGroupName = "rg",
                AccountName = account,
                DeploymentName = name,
                ResourceId = $"/subscriptions/{subscription}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/{account}/deployments/{name}",
                DeploymentType = "Standard",
                Model = "gpt-4o",
                Version = "2024-08-06",
                OutcomeValue = outcome,
                SeverityValue = severity,
                RetirementDate = date,
                EffectiveDate = date,
                Reason = "Reason for " + name,
                RecommendedAction = "Action for " + name,
                Notes = new TextList(new[] { "Note for " + name }),
                AsOf = AsOf,
            };

        /// <summary>The sample set: one of each severity, and a hostile name everywhere text goes.</summary>
        public static ModelLifecycleReport Mixed()
        {
            var builder = new ReportBuilder(null);
            builder.Add(Assessment("info-1", Severity.Info, date: new DateTime(2026, 9, 1)));
            builder.Add(Assessment("crit-1", Severity.Critical, UpgradeOutcome.Retired, new DateTime(2025, 12, 1)));
            builder.Add(Assessment("none-1", Severity.None, UpgradeOutcome.Current));
            builder.Add(Assessment("warn-1", Severity.Warning, UpgradeOutcome.WillStopWorking, new DateTime(2026, 3, 1)));
            var hostile = Assessment(Hostile, Severity.Warning, UpgradeOutcome.WillStopWorking, new DateTime(2026, 4, 1), account: "a|b" + Hostile);
            hostile.Reason = "Reason " + Hostile;
            hostile.Notes = new TextList(new[] { "note " + Hostile });
            builder.Add(hostile);
            return builder.Build("Title " + Hostile, null, Generated);
        }

        public static ModelLifecycleReport Fleet(int count, int accounts = 5)
        {
            var builder = new ReportBuilder(null);
            for (var i = 0; i < count; i++)
            {
                var severity = (Severity)(i % 4);
                var a = Assessment("dep-" + i, severity, date: AsOf.AddDays(i % 700), account: "account-" + (i % accounts));

                // As in a real fleet: deployments of one model version share the catalog's notes, which are long.
                a.Notes = new TextList(new[] { "Shared note " + (i % 7) + ": " + new string('n', 700), "Second note " + new string('m', 300) });
                builder.Add(a);
            }

            return builder.Build(null, null, Generated);
        }

        public static string Render(IReportWriter writer, ModelLifecycleReport report)
        {
            using var text = new StringWriter();
            writer.Write(report, text);
            return text.ToString();
        }

        public static IEnumerable<T> Each<T>(params T[] items) => items.AsEnumerable();
    }
}
