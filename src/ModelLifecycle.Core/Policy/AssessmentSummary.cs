using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace ModelLifecycle.Core.Policy
{
    public static class AssessmentSummary
    {
        /// <summary>True when no deployment is at Warning or Critical (says nothing about what could not be assessed).</summary>
        public static bool IsHealthy(IEnumerable<UpgradePolicyAssessment> assessments) =>
            assessments.All(a => !IsAtRisk(a));

        /// <summary>A verdict that asks for action: Warning or Critical.</summary>
        public static bool IsAtRisk(UpgradePolicyAssessment assessment) =>
            assessment.SeverityValue == Severity.Warning || assessment.SeverityValue == Severity.Critical;
    }

    /// <summary>
    /// -Quiet's answer, kept as counts so memory does not grow with the fleet. A gate is only healthy
    /// when every input and every Azure read succeeded and no assessment is at Warning or Critical:
    /// a failure means something went unassessed, and "nothing found" must not read as "all clear".
    /// Safe to use from several threads.
    /// </summary>
    public sealed class AssessmentTally
    {
        private readonly HashSet<string> _accounts = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        private int _assessed;
        private int _atRisk;
        private int _failures;

        public int Assessed => Volatile.Read(ref _assessed);

        public int AtRisk => Volatile.Read(ref _atRisk);

        /// <summary>Inputs or Azure reads that failed (each was written as an error).</summary>
        public int Failures => Volatile.Read(ref _failures);

        public bool IsHealthy => Failures == 0 && AtRisk == 0;

        /// <summary>Distinct accounts among the assessed deployments.</summary>
        public int Accounts
        {
            get
            {
                lock (_accounts)
                {
                    return _accounts.Count;
                }
            }
        }

        /// <summary>One line for -Verbose at the end of a run.</summary>
        public string Describe() =>
            $"Assessed {Assessed} deployment(s) in {Accounts} account(s): {AtRisk} at Warning or Critical; {Failures} input(s) or Azure read(s) failed.";

        public void Add(UpgradePolicyAssessment assessment)
        {
            Interlocked.Increment(ref _assessed);
            lock (_accounts)
            {
                _accounts.Add((assessment.SubscriptionId ?? string.Empty) + "/" + (assessment.ResourceGroupName ?? string.Empty) + "/" + (assessment.AccountName ?? string.Empty));
            }

            if (AssessmentSummary.IsAtRisk(assessment))
            {
                Interlocked.Increment(ref _atRisk);
            }
        }

        public void AddFailure() => Interlocked.Increment(ref _failures);
    }

    /// <summary>
    /// Passes everything on to the host's sink and counts each error in a tally. It forwards through the
    /// host sink's <see cref="SerializedSink"/>, so services given this sink and services given the host's
    /// own still reach the host one call at a time.
    /// </summary>
    public sealed class TallyingSink : IOperationSink
    {
        private readonly IOperationSink _inner;
        private readonly AssessmentTally _tally;

        public TallyingSink(IOperationSink inner, AssessmentTally tally)
        {
            _inner = SerializedSink.For(inner);
            _tally = tally;
        }

        public void WriteVerbose(string message) => _inner.WriteVerbose(message);

        public void WriteDebug(string message) => _inner.WriteDebug(message);

        public void WriteWarning(string message) => _inner.WriteWarning(message);

        public void WriteProgress(ProgressReport progress) => _inner.WriteProgress(progress);

        public void WriteError(ModelLifecycleException error)
        {
            _tally.AddFailure();
            _inner.WriteError(error);
        }
    }

    /// <summary>What a run used, said once in -Verbose, so a log shows which data an answer rests on.</summary>
    public static class RunDescription
    {
        public static string Settings(DateTime asOf, Catalog.CatalogCloud cloud, Catalog.LifecycleCatalog catalog, string? catalogPath, bool live) =>
            $"As of {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, on the {cloud} schedule; catalog snapshot of {catalog.SnapshotDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} "
            + (catalogPath is null ? "(embedded)" : $"(embedded, with '{catalogPath}' laid over it)")
            + (live ? "; the live Models API of each deployment's location is laid over it." : ".");

        public static string Azure(Azure.AzureContextInfo context, IReadOnlyList<string>? subscriptionIds) =>
            "Reading "
            + (subscriptionIds is { Count: > 0 }
                ? (subscriptionIds.Count == 1 && subscriptionIds[0] == SubscriptionIds.Every ? "every subscription the sign-in can see" : "subscription(s) " + string.Join(", ", subscriptionIds))
                : $"the context's subscription {context.SubscriptionId}" + (context.SubscriptionName is null ? string.Empty : $" ({context.SubscriptionName})"))
            + $" in {context.EnvironmentName} at {context.ResourceManagerUrl}.";
    }
}
