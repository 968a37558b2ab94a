using System.Collections.Generic;
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
            assessment.Severity == Severity.Warning || assessment.Severity == Severity.Critical;
    }

    /// <summary>
    /// -Quiet's answer, kept as counts so memory does not grow with the fleet. A gate is only healthy
    /// when every input and every Azure read succeeded and no assessment is at Warning or Critical:
    /// a failure means something went unassessed, and "nothing found" must not read as "all clear".
    /// Safe to use from several threads.
    /// </summary>
    public sealed class AssessmentTally
    {
        private int _assessed;
        private int _atRisk;
        private int _failures;

        public int Assessed => Volatile.Read(ref _assessed);

        public int AtRisk => Volatile.Read(ref _atRisk);

        /// <summary>Inputs or Azure reads that failed (each was written as an error).</summary>
        public int Failures => Volatile.Read(ref _failures);

        public bool IsHealthy => Failures == 0 && AtRisk == 0;

        public void Add(UpgradePolicyAssessment assessment)
        {
            Interlocked.Increment(ref _assessed);
            if (AssessmentSummary.IsAtRisk(assessment))
            {
                Interlocked.Increment(ref _atRisk);
            }
        }

        public void AddFailure() => Interlocked.Increment(ref _failures);
    }

    /// <summary>Passes everything on to the host's sink and counts each error in a tally.</summary>
    public sealed class TallyingSink : IOperationSink
    {
        private readonly IOperationSink _inner;
        private readonly AssessmentTally _tally;

        public TallyingSink(IOperationSink inner, AssessmentTally tally)
        {
            _inner = inner;
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
}
