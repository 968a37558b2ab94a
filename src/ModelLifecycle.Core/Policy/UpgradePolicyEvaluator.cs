using System;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.Policy
{
    /// <summary>
    /// The verdict engine's front door: deployment + catalog + date -> what will happen, when, and what
    /// to do. <see cref="VerdictDecider"/> decides, <see cref="VerdictRenderer"/> words the decision, and
    /// <see cref="ToAssessment"/> is the one place the public output is built from the two.
    /// </summary>
    public static class UpgradePolicyEvaluator
    {
        public static UpgradePolicyAssessment Evaluate(Deployment deployment, LifecycleCatalog catalog, EvaluationOptions options)
        {
            var decision = VerdictDecider.Decide(deployment, catalog, options);
            return ToAssessment(deployment, options, decision, VerdictRenderer.Render(decision, deployment, catalog, options));
        }

        /// <summary>The public output of one verdict: the deployment's identity, the decision's facts, the words.</summary>
        internal static UpgradePolicyAssessment ToAssessment(Deployment d, EvaluationOptions o, VerdictDecision v, VerdictText text) => new UpgradePolicyAssessment
        {
            SubscriptionId = d.SubscriptionId,
            ResourceGroupName = d.ResourceGroupName,
            AccountName = d.AccountName,
            DeploymentName = d.Name,
            ResourceId = d.ResourceId,
            Location = d.Location,
            DeploymentType = d.DeploymentType,
            Capacity = d.Capacity,
            Model = d.Model,
            Version = d.Version,
            UpgradeOption = string.IsNullOrWhiteSpace(d.UpgradeOption) ? null : d.UpgradeOption,
            EffectiveUpgradeOption = v.EffectiveUpgradeOption,
            Stage = v.Stage?.ToString(),
            RetirementDate = v.RetirementDate,
            RetirementDateIsTentative = v.RetirementDateIsTentative,
            DaysUntilRetirement = v.DaysUntilRetirement,
            TrainingRetirementDate = v.TrainingRetirementDate,
            OutcomeValue = v.Outcome,
            OptionWouldHelp = v.OptionWouldHelp,
            UpgradeTarget = v.UpgradeTarget?.Target,
            EffectiveDate = v.EffectiveDate,
            SeverityValue = v.Severity,
            Reason = text.Reason,
            RecommendedAction = text.RecommendedAction,
            Replacement = v.Entry is null ? ModelRefList.Empty : new ModelRefList(v.Entry.Replacements),
            Notes = new TextList(text.Notes),
            AsOf = o.AsOf,
        };

        /// <summary>Severity by days until the event: retired or &lt;= 30 Critical, &lt;= WarningDays Warning, &lt;= 365 Info, else None.</summary>
        public static Severity SeverityForDays(int days, int warningDays) => VerdictDecider.SeverityForDays(days, warningDays);

        /// <summary>A copy of the deployment with another versionUpgradeOption, to judge what that option would do.</summary>
        internal static Deployment WithOption(Deployment d, string option) => VerdictDecider.WithOption(d, option);
    }
}
