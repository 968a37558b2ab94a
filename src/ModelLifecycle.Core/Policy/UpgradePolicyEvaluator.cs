using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.Policy
{
    /// <summary>
    /// The verdict engine: deployment + catalog + date -> what will happen, when, and what to do.
    /// Rules: the outcomes in docs/en-US/Test-DeploymentUpgradePolicy.md. Where the sources disagree the
    /// assessment says so in its notes instead of guessing silently.
    /// </summary>
    public static class UpgradePolicyEvaluator
    {
        private const int CriticalDays = 30;
        private const int InfoDays = 365;

        public static UpgradePolicyAssessment Evaluate(Deployment deployment, LifecycleCatalog catalog, EvaluationOptions options)
        {
            if (deployment is null) throw new ArgumentNullException(nameof(deployment));
            if (catalog is null) throw new ArgumentNullException(nameof(catalog));
            if (options is null) throw new ArgumentNullException(nameof(options));

            var assessment = new Evaluation(deployment, catalog, options).Run();
            if (assessment.OutcomeValue != UpgradeOutcome.WillStopWorking)
            {
                return assessment;
            }

            // Would another option keep it working? Judge the same deployment with each one, the least
            // disruptive (upgrade only at retirement) first.
            foreach (var option in new[] { UpgradeOptionNames.OnceCurrentVersionExpired, UpgradeOptionNames.OnceNewDefaultVersionAvailable })
            {
                if (option == assessment.EffectiveUpgradeOption)
                {
                    continue;
                }

                var alternative = new Evaluation(WithOption(deployment, option), catalog, options).Run();
                if (alternative.OutcomeValue == UpgradeOutcome.AutoUpgradeAtRetirement || alternative.OutcomeValue == UpgradeOutcome.AutoUpgradeScheduled)
                {
                    assessment.OptionWouldHelp = option;
                    var on = assessment.EffectiveDate is DateTime d ? " before " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
                    assessment.RecommendedAction = $"To let it upgrade to {alternative.UpgradeTarget} instead, run Set-DeploymentUpgradeOption {Address(deployment)} -UpgradeOption {option}; or migrate{on}.";
                    return assessment;
                }
            }

            assessment.RecommendedAction += " No upgrade option would keep it working.";
            return assessment;
        }

        /// <summary>A copy of the deployment with another versionUpgradeOption, to judge what that option would do.</summary>
        internal static Deployment WithOption(Deployment d, string option) => new Deployment
        {
            SubscriptionId = d.SubscriptionId,
            ResourceGroupName = d.ResourceGroupName,
            AccountName = d.AccountName,
            Name = d.Name,
            ResourceId = d.ResourceId,
            Location = d.Location,
            DeploymentType = d.DeploymentType,
            Capacity = d.Capacity,
            ModelFormat = d.ModelFormat,
            Model = d.Model,
            Version = d.Version,
            UpgradeOption = option,
            ProvisioningState = d.ProvisioningState,
        };

        private static string Address(Deployment d)
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

        /// <summary>Severity by days until the event: retired or &lt;= 30 Critical, &lt;= WarningDays Warning, &lt;= 365 Info, else None.</summary>
        public static Severity SeverityForDays(int days, int warningDays)
        {
            if (days <= CriticalDays) return Severity.Critical;
            if (days <= warningDays) return Severity.Warning;
            if (days <= InfoDays) return Severity.Info;
            return Severity.None;
        }

        private sealed class Evaluation
        {
            private readonly Deployment _d;
            private readonly LifecycleCatalog _catalog;
            private readonly EvaluationOptions _o;
            private readonly UpgradePolicyAssessment _a;
            private readonly List<string> _notes = new List<string>();

            public Evaluation(Deployment d, LifecycleCatalog catalog, EvaluationOptions o)
            {
                _d = d;
                _catalog = catalog;
                _o = o;
                _a = new UpgradePolicyAssessment
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
                    AsOf = o.AsOf,
                };
            }

            public UpgradePolicyAssessment Run()
            {
                _a.EffectiveUpgradeOption = EffectiveOption();
                if (string.IsNullOrWhiteSpace(_d.Model))
                {
                    return Finish(UpgradeOutcome.Unknown, Severity.Warning,
                        $"Deployment '{_d.Name}' names no model, so nothing can be said about its retirement.",
                        "Check the input: it should carry properties.model.name and version (Get-AzCognitiveServicesAccountDeployment or ARM JSON).");
                }

                var fineTuned = ModelNames.TryParseFineTuned(_d.Model!, out var baseModel, out var baseVersion);
                var entry = _catalog.FindForDeployment(_o.Cloud, _d.Model!, _d.Version);
                if (entry is null)
                {
                    var what = fineTuned ? $"fine-tuned {baseModel} {baseVersion}".TrimEnd() : $"{_d.Model} {_d.Version}".TrimEnd();
                    return Finish(UpgradeOutcome.Unknown, Severity.Warning,
                        $"{what} is not in the {_o.Cloud} catalog (snapshot {_catalog.SnapshotDate:yyyy-MM-dd}), so its retirement date is unknown.",
                        $"Check the name and version, or use current data: Test-DeploymentUpgradePolicy -Live, or Get-ModelRetirement -Name '{_d.Model}' -Location <region>.");
                }

                _a.Replacement = new ModelRefList(entry.Replacements);
                var stage = RetirementQuery.StageAsOf(entry, _o.AsOf);
                _a.Stage = stage?.ToString();
                AddStandingNotes(entry, stage);

                var retire = entry.RetirementDateFor(_d.DeploymentType);
                var qualifier = entry.RetirementQualifier;
                if (retire is null || qualifier == DateQualifier.NotBefore)
                {
                    if (entry.Stage == LifecycleStage.Retired)
                    {
                        return Retired(entry, null, null);
                    }

                    if (retire is DateTime floor)
                    {
                        _notes.Add(string.Format(CultureInfo.InvariantCulture, "No retirement is scheduled; it will not retire before {0:yyyy-MM-dd}.", floor));
                    }
                    else if (qualifier == DateQualifier.Relative && entry.RetirementText is not null)
                    {
                        _notes.Add("Retirement is relative to another event: " + entry.RetirementText);
                    }

                    return Finish(UpgradeOutcome.Current, Severity.None,
                        $"No retirement date is published for {Describe(entry)}.",
                        "None.");
                }

                var date = retire.Value;
                _a.RetirementDate = date;
                _a.RetirementDateIsTentative = RetirementQuery.IsTentative(qualifier);
                var days = (int)(date - _o.AsOf).TotalDays;
                _a.DaysUntilRetirement = days;

                // The deployment's own stage: its type's date decides, not the version's other types.
                _a.Stage = RetirementQuery.StageFor(entry, date, _o.AsOf)?.ToString();
                if (_a.RetirementDateIsTentative)
                {
                    _notes.Add(string.Format(CultureInfo.InvariantCulture, "The retirement date is tentative ({0}); it may move.", EntryMerger.DescribeDate(date, qualifier)));
                }

                if (days <= 0 && qualifier == DateQualifier.NoEarlierThan && !(entry.Stage == LifecycleStage.Retired && entry.Origin == CatalogOrigin.Live))
                {
                    return FloorPassed(entry, date);
                }

                var target = fineTuned ? null : FindTarget(entry, date);
                if (days <= 0 || entry.Stage == LifecycleStage.Retired && entry.Origin == CatalogOrigin.Live)
                {
                    return Retired(entry, date, target);
                }

                var severity = SeverityForDays(days, _o.WarningDays);
                var on = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

                if (fineTuned)
                {
                    return StopsWorking(entry, date, severity,
                        $"Fine-tuned deployments are not auto-upgraded: this one stops working when its base model's fine-tuned deployments retire on {on}.");
                }

                var typeClass = DeploymentTypes.Classify(_d.DeploymentType);
                switch (typeClass)
                {
                    case DeploymentTypeClass.Provisioned:
                        return StopsWorking(entry, date, severity,
                            $"{_d.DeploymentType} deployments are not auto-upgraded: {Describe(entry)} stops working on {on} unless migrated.");
                    case DeploymentTypeClass.Batch:
                        return StopsWorking(entry, date, severity,
                            $"Batch deployments are not auto-upgraded (they move side by side): {Describe(entry)} stops working on {on} unless migrated.");
                    case DeploymentTypeClass.Unknown:
                        _notes.Add($"Deployment type '{_d.DeploymentType ?? "(none)"}' is not one this module knows to be auto-upgraded (Standard, GlobalStandard, DataZoneStandard), so it is treated as not upgraded.");
                        return StopsWorking(entry, date, severity,
                            $"Deployment type '{_d.DeploymentType ?? "(none)"}' is not known to be auto-upgraded: {Describe(entry)} stops working on {on} unless migrated.");
                }

                var option = _a.EffectiveUpgradeOption!;
                if (option == UpgradeOptionNames.NoAutoUpgrade)
                {
                    return StopsWorking(entry, date, severity,
                        $"The upgrade option is NoAutoUpgrade, so {Describe(entry)} stops working on {on}.");
                }

                if (target is null)
                {
                    var replacement = entry.Replacements.Count > 0 ? " The recommended replacement, " + Join(entry.Replacements) + ", is another model, not an automatic upgrade." : string.Empty;
                    return StopsWorking(entry, date, severity,
                        $"No upgrade target is recorded for {Describe(entry)} (no newer default version, no scheduled upgrade), so it stops working on {on} whatever its upgrade option.{replacement}");
                }

                _a.UpgradeTarget = target.Target;
                var crossFamily = !ModelNames.SameModel(target.Target.Model, _d.Model!);
                var familyText = crossFamily ? $" {target.Target.Model} is another model family: behaviour and request parameters change." : string.Empty;

                if (option == UpgradeOptionNames.OnceNewDefaultVersionAvailable)
                {
                    _a.EffectiveDate = target.StartDate;
                    var when = target.StartDate is DateTime s
                        ? "from " + s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (within two weeks of the start, region by region)"
                        : "within two weeks of its designation as the default (it may already have happened)";
                    return Finish(UpgradeOutcome.AutoUpgradeScheduled, crossFamily ? Severity.Warning : Severity.Info,
                        $"Set to OnceNewDefaultVersionAvailable, it is upgraded to {target.Target} {when}.{familyText}",
                        crossFamily
                            ? $"Test your calls against {target.Target.Model} before the upgrade (Find-ModelReference -Model {_d.Model} finds them); to stay on this version until {on}, run Set-DeploymentUpgradeOption {Address()} -UpgradeOption OnceCurrentVersionExpired."
                            : "None; the upgrade keeps the deployment working.");
                }

                var lead = target.LeadDays ?? 0;
                _a.EffectiveDate = date.AddDays(-lead);
                var leadText = lead > 0 ? $" ({lead} days before retirement)" : string.Empty;
                var startText = target.StartDate is DateTime start && start < date
                    ? " Upgrades roll out region by region from " + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "."
                    : string.Empty;
                var upgradeSeverity = crossFamily || days <= _o.WarningDays ? Severity.Warning : Severity.Info;
                return Finish(UpgradeOutcome.AutoUpgradeAtRetirement, upgradeSeverity,
                    $"Set to {option}{(_a.UpgradeOption is null ? " (unset)" : string.Empty)}, it is upgraded to {target.Target} when {Describe(entry)} retires on {_a.EffectiveDate:yyyy-MM-dd}{leadText}.{startText}{familyText}",
                    crossFamily
                        ? $"Test your calls against {target.Target.Model} before {_a.EffectiveDate:yyyy-MM-dd} (Find-ModelReference -Model {_d.Model} finds them), or migrate on your own schedule."
                        : $"None to keep it working; test against {target.Target} before {_a.EffectiveDate:yyyy-MM-dd}.");
            }

            private string EffectiveOption()
            {
                if (string.IsNullOrWhiteSpace(_d.UpgradeOption))
                {
                    return UpgradeOptionNames.OnceCurrentVersionExpired;
                }

                var canonical = UpgradeOptionNames.Canonical(_d.UpgradeOption);
                if (canonical is not null)
                {
                    return canonical;
                }

                // A value ARM may add later: assume the worst case rather than an upgrade that may not come.
                _notes.Add($"Upgrade option '{_d.UpgradeOption}' is not one this module knows; it is treated as NoAutoUpgrade.");
                return UpgradeOptionNames.NoAutoUpgrade;
            }

            private void AddStandingNotes(CatalogEntry entry, LifecycleStage? stage)
            {
                if (_a.UpgradeOption is null)
                {
                    _notes.Add("versionUpgradeOption is not set. The docs treat that as OnceCurrentVersionExpired, but another Microsoft page says deployments without a policy stop working at retirement; set it explicitly with Set-DeploymentUpgradeOption.");
                }

                if (stage == LifecycleStage.Deprecated)
                {
                    var since = entry.DeprecationDate is DateTime dd ? " since " + dd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
                    _notes.Add($"Deprecated{since}: it cannot be deployed in a subscription that never deployed it, so a deleted deployment cannot be recreated everywhere.");
                }

                var replacementNote = RetirementQuery.ReplacementRetiringNote(entry, _catalog, _o.AsOf);
                if (replacementNote is not null)
                {
                    _notes.Add(replacementNote);
                }

                _notes.AddRange(entry.Notes);
            }

            private sealed class TargetCandidate
            {
                public TargetCandidate(ModelRef model, DateTime? startDate, int? leadDays)
                {
                    Target = model;
                    StartDate = startDate;
                    LeadDays = leadDays;
                }

                public ModelRef Target { get; }

                public DateTime? StartDate { get; }

                public int? LeadDays { get; }
            }

            /// <summary>
            /// An upgrade target exists only when a source records one: a scheduled upgrade or
            /// replacementConfig that applies to this deployment type and option, or a newer default
            /// version of the same model. A recommended replacement alone is not one. A target that
            /// retires no later than this version is no place to land.
            /// </summary>
            private TargetCandidate? FindTarget(CatalogEntry entry, DateTime retire)
            {
                var option = _a.EffectiveUpgradeOption;
                TargetCandidate? scheduled = null;
                if (entry.AutoUpgrade is AutoUpgradeInfo au)
                {
                    var typeOk = au.AppliesToDeploymentTypes.Count == 0
                                 || au.AppliesToDeploymentTypes.Any(t => string.Equals(t, _d.DeploymentType, StringComparison.OrdinalIgnoreCase));
                    var optionOk = au.AppliesToUpgradeOptions.Count == 0 || au.AppliesToUpgradeOptions.Contains(option!, StringComparer.Ordinal);
                    if (!typeOk)
                    {
                        _notes.Add($"The recorded upgrade to {au.Target} applies to {string.Join(", ", au.AppliesToDeploymentTypes)} deployments; none is recorded for {_d.DeploymentType}. Whether {_d.DeploymentType} deployments are upgraded for this retirement is not stated; -Live reads the Models API's replacementConfig.");
                    }
                    else if (optionOk && Outlives(au.Target, retire))
                    {
                        scheduled = new TargetCandidate(au.Target, au.StartDate, au.LeadDays);
                    }
                }

                TargetCandidate? newerDefault = null;
                var def = _catalog.DefaultVersionOf(_o.Cloud, _d.Model!);
                if (def is not null && !ModelNames.SameVersion(def.Version, _d.Version) && IsNewer(def, entry)
                    && (def.RetirementDateFor(_d.DeploymentType) is not DateTime defRetire || defRetire > retire))
                {
                    newerDefault = new TargetCandidate(new ModelRef(def.Model, def.Version), null, null);
                }

                // Auto-update-to-default moves to a new default first; at expiry the documented schedule wins.
                return option == UpgradeOptionNames.OnceNewDefaultVersionAvailable
                    ? newerDefault ?? scheduled
                    : scheduled ?? newerDefault;
            }

            private bool Outlives(ModelRef target, DateTime retire)
            {
                var versions = _catalog.VersionsOf(_o.Cloud, target.Model)
                    .Where(v => target.Version is null || ModelNames.SameVersion(v.Version, target.Version)).ToList();
                if (versions.Count == 0)
                {
                    return true;
                }

                return versions.Any(v => v.RetirementDateFor(_d.DeploymentType) is not DateTime r || r > retire);
            }

            private static bool IsNewer(CatalogEntry candidate, CatalogEntry current)
            {
                var byDate = ModelNames.CompareDatedVersions(candidate.Version, current.Version);
                if (byDate is int c)
                {
                    return c > 0;
                }

                // Undated versions ("0125" vs "1106"): the one that retires later is the newer one.
                if (candidate.LatestRetirementDate is null)
                {
                    return current.LatestRetirementDate is not null;
                }

                return current.LatestRetirementDate is DateTime cur && candidate.LatestRetirementDate > cur;
            }

            private UpgradePolicyAssessment Retired(CatalogEntry entry, DateTime? date, TargetCandidate? target)
            {
                _a.EffectiveDate = date;
                var when = date is DateTime d ? " on " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
                var reason = $"{Describe(entry)} retired{when} and this deployment still uses it, so its calls fail (HTTP 410).";
                if (target is not null && _a.EffectiveUpgradeOption != UpgradeOptionNames.NoAutoUpgrade && DeploymentTypes.Classify(_d.DeploymentType) == DeploymentTypeClass.AutoUpgraded)
                {
                    reason += $" It was due to be upgraded to {target.Target}; if it still reports version {_d.Version}, that did not happen here.";
                }

                return Finish(UpgradeOutcome.Retired, Severity.Critical, reason, MigrateAction(entry, "now"));
            }

            /// <summary>
            /// A "no earlier than" date that has passed: the earliest day a retirement could come, not a
            /// retirement. Like an unknown date the outcome is Current; Info, since a date may be announced
            /// (with at least 30 days' notice for previews, 60 for GA models).
            /// </summary>
            private UpgradePolicyAssessment FloorPassed(CatalogEntry entry, DateTime floor)
            {
                _a.DaysUntilRetirement = null;
                var on = floor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var to = entry.Replacements.Count > 0 ? " and plan the move to " + Join(entry.Replacements) : string.Empty;
                return Finish(UpgradeOutcome.Current, Severity.Info,
                    $"{Describe(entry)} was to retire no earlier than {on}; that day has passed and a retirement date is not announced yet, so its calls still work.",
                    $"None now; watch for the retirement notice (Get-ModelRetirement -Name '{entry.Model}' -Location <region> reads the Models API){to}.");
            }

            private UpgradePolicyAssessment StopsWorking(CatalogEntry entry, DateTime date, Severity severity, string reason)
            {
                _a.EffectiveDate = date;
                return Finish(UpgradeOutcome.WillStopWorking, severity, reason, MigrateAction(entry, "before " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            private string MigrateAction(CatalogEntry entry, string when)
            {
                // The same rule as Invoke-ModelMigration's default target: past retired and soon-retiring replacements.
                var live = ReplacementChain.Follow(entry, _catalog, _o.AsOf, _o.WarningDays).Candidates;
                var to = live.Count > 0
                    ? Join(live)
                    : entry.Replacements.Count > 0
                        ? "a current model (the recorded replacement, " + Join(entry.Replacements) + ", has itself retired; Get-ModelRetirement lists what is not retiring)"
                        : "a current model (Get-ModelRetirement lists what is not retiring)";
                var side = DeploymentTypes.Classify(_d.DeploymentType) == DeploymentTypeClass.Provisioned
                    ? "in place or side by side (check quota for the target first)"
                    : "side by side as a new deployment";
                return $"Migrate {when} to {to}, {side}, and point callers at it (Find-ModelReference -Model {_d.Model} finds them in code).";
            }

            private UpgradePolicyAssessment Finish(UpgradeOutcome outcome, Severity severity, string reason, string action)
            {
                _a.OutcomeValue = outcome;
                _a.SeverityValue = severity;
                _a.Reason = reason;
                if (string.IsNullOrEmpty(_a.RecommendedAction))
                {
                    _a.RecommendedAction = action;
                }

                _a.Notes = new TextList(_notes);
                return _a;
            }

            private string Address() => UpgradePolicyEvaluator.Address(_d);

            private static string Describe(CatalogEntry e) => e.Version is null ? e.Model : e.Model + " " + e.Version;

            private static string Join(IEnumerable<ModelRef> models) => string.Join(" or ", models.Select(m => m.ToString()));
        }
    }
}
