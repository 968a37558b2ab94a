using System.Collections.Generic;
using System.Linq;

namespace ModelLifecycle.Core.Policy
{
    public static class AssessmentSummary
    {
        /// <summary>-Quiet's answer: true when no deployment is at Warning or Critical.</summary>
        public static bool IsHealthy(IEnumerable<UpgradePolicyAssessment> assessments) =>
            assessments.All(a => a.Severity != Severity.Warning && a.Severity != Severity.Critical);
    }
}
