using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.Policy
{
    /// <summary>
    /// Words a <see cref="VerdictDecision"/>: the one place that owns the assessment's Reason,
    /// RecommendedAction and Notes. It decides nothing; every sentence follows from a field of the
    /// decision.
    /// </summary>
    public static class VerdictRenderer
    {
        public static VerdictText Render(VerdictDecision v, Deployment d, LifecycleCatalog catalog, EvaluationOptions o)
        {
            if (v is null) throw new ArgumentNullException(nameof(v));
            if (d is null) throw new ArgumentNullException(nameof(d));
            if (catalog is null) throw new ArgumentNullException(nameof(catalog));
            if (o is null) throw new ArgumentNullException(nameof(o));

            return new VerdictText(Reason(v, d, catalog, o), Action(v, d, o), Notes(v, d, catalog, o));
        }

        private static string Reason(VerdictDecision v, Deployment d, LifecycleCatalog catalog, EvaluationOptions o)
        {
            var e = v.Entry;
            var on = Day(v.RetirementDate);
            switch (v.Rule)
            {
                case VerdictRule.NoModel:
                    return $"Deployment '{d.Name}' names no model, so nothing can be said about its retirement.";
                case VerdictRule.NotInCatalog:
                    var what = v.FineTuned ? $"fine-tuned {v.BaseModel} {v.BaseVersion}".TrimEnd() : $"{d.Model} {d.Version}".TrimEnd();
                    return $"{what} is not in the {o.Cloud} catalog (snapshot {catalog.SnapshotDate:yyyy-MM-dd}), so its retirement date is unknown.";
                case VerdictRule.NoRetirementDate:
                    return $"No retirement date is published for {Describe(e!, d)}.";
                case VerdictRule.FloorPassed:
                    return $"{Describe(e!, d)} was to retire no earlier than {Day(v.Floor)}; that day has passed and a retirement date is not announced yet, so its calls still work.";
                case VerdictRule.Retired:
                    var when = v.RetirementDate is null ? string.Empty : " on " + on;
                    var reason = $"{Describe(e!, d)} retired{when} and this deployment still uses it, so its calls fail (HTTP 410).";
                    if (v.MissedUpgrade is UpgradeTargetChoice missed)
                    {
                        reason += $" It was due to be upgraded to {missed.Target}; if it still reports version {d.Version}, that did not happen here.";
                    }

                    return reason;
                case VerdictRule.FineTunedNotUpgraded:
                    return $"Fine-tuned deployments are not auto-upgraded: this one stops working when its base model's fine-tuned deployments retire on {on}.";
                case VerdictRule.ProvisionedNotUpgraded:
                    return $"{d.DeploymentType} deployments are not auto-upgraded: {Describe(e!, d)} stops working on {on} unless migrated.";
                case VerdictRule.BatchNotUpgraded:
                    return $"Batch deployments are not auto-upgraded (they move side by side): {Describe(e!, d)} stops working on {on} unless migrated.";
                case VerdictRule.UnknownTypeNotUpgraded:
                    return $"Deployment type '{d.DeploymentType ?? "(none)"}' is not known to be auto-upgraded: {Describe(e!, d)} stops working on {on} unless migrated.";
                case VerdictRule.NoAutoUpgradeOption:
                    return $"The upgrade option is NoAutoUpgrade, so {Describe(e!, d)} stops working on {on}.";
                case VerdictRule.NoUpgradeTarget:
                    var replacement = e!.Replacements.Count > 0 ? " The recommended replacement, " + Join(e.Replacements) + ", is another model, not an automatic upgrade." : string.Empty;
                    return $"No upgrade target is recorded for {Describe(e, d)} (no newer default version, no scheduled upgrade), so it stops working on {on} whatever its upgrade option.{replacement}";
                case VerdictRule.UpgradeToNewDefault:
                    var t = v.UpgradeTarget!;
                    var from = t.StartDate is DateTime s
                        ? "from " + Day(s) + " (within two weeks of the start, region by region)"
                        : "within two weeks of its designation as the default (it may already have happened)";
                    return $"Set to OnceNewDefaultVersionAvailable, it is upgraded to {t.Target} {from}.{FamilyText(v)}";
                case VerdictRule.UpgradeAtRetirement:
                    var target = v.UpgradeTarget!;
                    var lead = target.LeadDays ?? 0;
                    var leadText = lead > 0 ? $" ({lead} days before retirement)" : string.Empty;
                    var startText = target.StartDate is DateTime start && start < v.RetirementDate
                        ? " Upgrades roll out region by region from " + Day(start) + "."
                        : string.Empty;
                    var unset = (v.Inferred & InferredFacts.UpgradeOptionFromUnset) != 0 ? " (unset)" : string.Empty;
                    return $"Set to {v.EffectiveUpgradeOption}{unset}, it is upgraded to {target.Target} when {Describe(e!, d)} retires on {Day(v.EffectiveDate)}{leadText}.{startText}{FamilyText(v)}";
                default:
                    throw new ArgumentOutOfRangeException(nameof(v), v.Rule, "No wording for this rule.");
            }
        }

        private static string Action(VerdictDecision v, Deployment d, EvaluationOptions o)
        {
            switch (v.Rule)
            {
                case VerdictRule.NoModel:
                    return "Check the input: it should carry properties.model.name and version (Get-AzCognitiveServicesAccountDeployment or ARM JSON).";
                case VerdictRule.NotInCatalog:
                    return $"Check the name and version, or use current data: Test-DeploymentUpgradePolicy -Live, or Get-ModelRetirement -Name '{d.Model}' -Location <region>.";
                case VerdictRule.NoRetirementDate:
                    return "None.";
                case VerdictRule.FloorPassed:
                    var e = v.Entry!;
                    var to = e.Replacements.Count > 0 ? " and plan the move to " + Join(e.Replacements) : string.Empty;
                    return $"None now; watch for the retirement notice (Get-ModelRetirement -Name '{e.Model}' -Location <region> reads the Models API){to}.";
                case VerdictRule.Retired:
                    return MigrateAction(v, d, o, "now");
                case VerdictRule.UpgradeToNewDefault:
                    return v.CrossFamily
                        ? $"Test your calls against {v.UpgradeTarget!.Target.Model} before the upgrade (Find-ModelReference -Model {d.Model} finds them); to stay on this version until {Day(v.RetirementDate)}, run Set-DeploymentUpgradeOption {Address(d)} -UpgradeOption OnceCurrentVersionExpired."
                        : "None; the upgrade keeps the deployment working.";
                case VerdictRule.UpgradeAtRetirement:
                    return v.CrossFamily
                        ? $"Test your calls against {v.UpgradeTarget!.Target.Model} before {Day(v.EffectiveDate)} (Find-ModelReference -Model {d.Model} finds them), or migrate on your own schedule."
                        : $"None to keep it working; test against {v.UpgradeTarget!.Target} before {Day(v.EffectiveDate)}.";
            }

            // The deployment stops working on its date.
            var before = "before " + Day(v.RetirementDate);
            if (v.OptionWouldHelp is string option)
            {
                return $"To let it upgrade to {v.OptionTarget} instead, run Set-DeploymentUpgradeOption {Address(d)} -UpgradeOption {option}; or migrate {before}.";
            }

            return MigrateAction(v, d, o, before) + " No upgrade option would keep it working.";
        }

        private static string MigrateAction(VerdictDecision v, Deployment d, EvaluationOptions o, string when)
        {
            var e = v.Entry!;
            var live = v.Migration?.Candidates ?? Array.Empty<ModelRef>();
            var to = live.Count > 0
                ? Join(live)
                : e.Replacements.Count > 0
                    ? "a current model (the recorded replacement, " + Join(e.Replacements) + ", has itself retired; Get-ModelRetirement lists what is not retiring)"
                    : "a current model (Get-ModelRetirement lists what is not retiring)";
            var side = DeploymentTypes.Classify(d.DeploymentType) == DeploymentTypeClass.Provisioned
                ? "in place or side by side (check quota for the target first)"
                : "side by side as a new deployment";
            var shortLived = v.Migration is ReplacementChoice c && c.Targets.Count == 0 && c.Fallbacks.Count > 0
                ? $" {Join(c.Fallbacks)} itself retires within {o.WarningDays} days and no recorded replacement lasts longer: plan the next move too (Get-ModelRetirement lists what is not retiring)."
                : string.Empty;
            return $"Migrate {when} to {to}, {side}, and point callers at it (Find-ModelReference -Model {d.Model} finds them in code).{shortLived}";
        }

        private static List<string> Notes(VerdictDecision v, Deployment d, LifecycleCatalog catalog, EvaluationOptions o)
        {
            var notes = new List<string>();
            if ((v.Inferred & InferredFacts.UnknownUpgradeOptionAsNoAutoUpgrade) != 0)
            {
                notes.Add($"Upgrade option '{d.UpgradeOption}' is not one this module knows; it is treated as NoAutoUpgrade.");
            }

            if (v.Entry is not CatalogEntry e)
            {
                return notes;
            }

            if ((v.Inferred & InferredFacts.UpgradeOptionFromUnset) != 0)
            {
                notes.Add("versionUpgradeOption is not set. The docs treat that as OnceCurrentVersionExpired, but another Microsoft page says deployments without a policy stop working at retirement; set it explicitly with Set-DeploymentUpgradeOption.");
            }

            if (v.EntryStage == LifecycleStage.Deprecated)
            {
                var since = e.DeprecationDate is DateTime dd ? " since " + Day(dd) : string.Empty;
                notes.Add($"Deprecated{since}: it cannot be deployed in a subscription that never deployed it, so a deleted deployment cannot be recreated everywhere.");
            }

            var replacementNote = RetirementQuery.ReplacementRetiringNote(e, catalog, o.AsOf);
            if (replacementNote is not null)
            {
                notes.Add(replacementNote);
            }

            notes.AddRange(e.Notes);

            if (v.Rule == VerdictRule.NoRetirementDate)
            {
                if (v.Floor is DateTime floor)
                {
                    notes.Add($"No retirement is scheduled; it will not retire before {Day(floor)}.");
                }
                else if (v.RetirementQualifier == DateQualifier.Relative && e.RetirementText is not null)
                {
                    notes.Add("Retirement is relative to another event: " + e.RetirementText);
                }
            }

            if (v.TrainingRetirementDate is DateTime training)
            {
                var until = v.RetirementDate is DateTime deployed ? $"; this deployment keeps serving until {Day(deployed)}" : string.Empty;
                var tense = training <= o.AsOf ? "retired" : "retires";
                notes.Add($"Training (fine-tuning) of {v.BaseModel} {v.BaseVersion} {tense} on {Day(training)}: no new fine-tuned models or retraining after that date{until}.");
            }

            if (v.RetirementDateIsTentative && v.RetirementDate is DateTime tentative)
            {
                notes.Add($"The retirement date is tentative ({EntryMerger.DescribeDate(tentative, v.RetirementQualifier)}); it may move.");
            }

            if (v.UpgradeForOtherTypes is AutoUpgradeInfo au)
            {
                notes.Add($"The recorded upgrade to {au.Target} applies to {string.Join(", ", au.AppliesToDeploymentTypes)} deployments; none is recorded for {d.DeploymentType}. Whether {d.DeploymentType} deployments are upgraded for this retirement is not stated; -Live reads the Models API's replacementConfig.");
            }

            if ((v.Inferred & InferredFacts.DeploymentTypeNotUpgraded) != 0)
            {
                notes.Add($"Deployment type '{d.DeploymentType ?? "(none)"}' is not one this module knows to be auto-upgraded (Standard, GlobalStandard, DataZoneStandard), so it is treated as not upgraded.");
            }

            if ((v.Inferred & InferredFacts.UpgradeTargetFromReplacementColumn) != 0 && (v.UpgradeTarget ?? v.MissedUpgrade) is UpgradeTargetChoice inferred)
            {
                notes.Add(InferredTargetNote(inferred.Target, d));
            }

            if ((v.Outcome == UpgradeOutcome.WillStopWorking || v.Outcome == UpgradeOutcome.Retired) && v.Migration is ReplacementChoice m && m.Passed.Count > 0)
            {
                notes.Add(m.Targets.Count > 0
                    ? $"Passed over as migration targets: {string.Join("; ", m.Passed)}. {Join(m.Targets)} serves beyond {o.WarningDays} days."
                    : $"No recorded replacement serves beyond {o.WarningDays} days: {string.Join("; ", m.Passed)}.");
            }

            return notes;
        }

        /// <summary>
        /// The target came from the replacement column: say it is inferred, and, across model families,
        /// quote what the docs and the ARM specification say an upgrade is (a move to the same model's
        /// default version), which does not support a move to another model.
        /// </summary>
        private static string InferredTargetNote(ModelRef target, Deployment d)
        {
            var note = $"The upgrade target {target} is inferred: the docs table gives a date for automatic upgrades and names {target.Model} in its replacement column, but records no target version; the Models API's replacementConfig (-Live) says what the service will do.";
            if (!ModelNames.SameModel(target.Model, d.Model ?? string.Empty))
            {
                note += $" Upgrades across models are not what the option docs describe: OnceCurrentVersionExpired \"automatically upgrades to the current default version\" of the model ({WorkingWithModelsUrl}), and of OnceNewDefaultVersionAvailable the ARM specification says \"If no new version exists and current expires, model becomes unusable\" ({ArmSpecUrl}). The lifecycle page's own example does describe one, so the sources disagree: {d.Model} may stop working instead.";
            }

            return note;
        }

        private const string WorkingWithModelsUrl = "https://learn.microsoft.com/azure/foundry/openai/how-to/working-with-models#model-deployment-upgrade-configuration";

        private const string ArmSpecUrl = "https://github.com/Azure/azure-rest-api-specs/blob/main/specification/cognitiveservices/CognitiveServices.Management/models.tsp";

        private static string FamilyText(VerdictDecision v) =>
            v.CrossFamily ? $" {v.UpgradeTarget!.Target.Model} is another model family: behaviour and request parameters change." : string.Empty;

        /// <summary>The parameters that address the deployment in a command the user can run.</summary>
        internal static string Address(Deployment d)
        {
            if (!string.IsNullOrEmpty(d.ResourceId))
            {
                return $"-ResourceId '{d.ResourceId}'";
            }

            if (d.ResourceGroupName is not null && d.AccountName is not null)
            {
                return $"-ResourceGroupName '{d.ResourceGroupName}' -AccountName '{d.AccountName}' -Name '{d.Name}'";
            }

            return $"-Name '{d.Name}'";
        }

        private static string Day(DateTime? date) => date is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;

        private static string Describe(CatalogEntry e, Deployment d) => ModelNames.Describe(e, d.Model, d.Version);

        private static string Join(IEnumerable<ModelRef> models) => string.Join(" or ", models.Select(m => m.ToString()));
    }

    /// <summary>The words of one verdict.</summary>
    public sealed class VerdictText
    {
        public VerdictText(string reason, string recommendedAction, IReadOnlyList<string> notes)
        {
            Reason = reason;
            RecommendedAction = recommendedAction;
            Notes = notes;
        }

        public string Reason { get; }

        public string RecommendedAction { get; }

        public IReadOnlyList<string> Notes { get; }
    }
}
