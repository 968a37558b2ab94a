using System;
using System.Linq;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.Policy
{
    /// <summary>
    /// Decides the verdict on one deployment (deployment + catalog + date -> <see cref="VerdictDecision"/>):
    /// the rules in docs/en-US/Test-DeploymentUpgradePolicy.md. It writes no prose; every field is set
    /// once, by the rule that decides it.
    /// </summary>
    public static class VerdictDecider
    {
        private const int CriticalDays = 30;
        private const int InfoDays = 365;

        public static VerdictDecision Decide(Deployment deployment, LifecycleCatalog catalog, EvaluationOptions options)
        {
            if (deployment is null) throw new ArgumentNullException(nameof(deployment));
            if (catalog is null) throw new ArgumentNullException(nameof(catalog));
            if (options is null) throw new ArgumentNullException(nameof(options));

            var decision = new Run(deployment, catalog, options).Decide();
            if (decision.Outcome != UpgradeOutcome.WillStopWorking)
            {
                return decision;
            }

            // Would another option keep it working? Judge the same deployment with each one, the least
            // disruptive (upgrade only at retirement) first.
            foreach (var option in new[] { UpgradeOptionNames.OnceCurrentVersionExpired, UpgradeOptionNames.OnceNewDefaultVersionAvailable })
            {
                if (option == decision.EffectiveUpgradeOption)
                {
                    continue;
                }

                var alternative = new Run(WithOption(deployment, option), catalog, options).Decide();
                if (alternative.Outcome == UpgradeOutcome.AutoUpgradeAtRetirement || alternative.Outcome == UpgradeOutcome.AutoUpgradeScheduled)
                {
                    decision.OptionWouldHelp = option;
                    decision.OptionTarget = alternative.UpgradeTarget?.Target;
                    break;
                }
            }

            return decision;
        }

        /// <summary>
        /// Where a model version should be migrated to: its replacement chain past retired models and
        /// models that retire within WarningDays. The one rule behind the assessment's advice,
        /// Invoke-ModelMigration's default target and Find-ModelReference's Replacement label.
        /// </summary>
        public static ReplacementChoice MigrationFor(CatalogEntry entry, LifecycleCatalog catalog, EvaluationOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            return ReplacementChain.Follow(entry, catalog, options.AsOf, options.WarningDays);
        }

        /// <summary>Severity by days until the event: retired or &lt;= 30 Critical, &lt;= WarningDays Warning, &lt;= 365 Info, else None.</summary>
        public static Severity SeverityForDays(int days, int warningDays)
        {
            if (days <= CriticalDays) return Severity.Critical;
            if (days <= warningDays) return Severity.Warning;
            if (days <= InfoDays) return Severity.Info;
            return Severity.None;
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

        private sealed class Run
        {
            private readonly Deployment _d;
            private readonly LifecycleCatalog _catalog;
            private readonly EvaluationOptions _o;
            private readonly VerdictDecision _v = new VerdictDecision();

            public Run(Deployment d, LifecycleCatalog catalog, EvaluationOptions o)
            {
                _d = d;
                _catalog = catalog;
                _o = o;
            }

            public VerdictDecision Decide()
            {
                _v.EffectiveUpgradeOption = EffectiveOption();
                if (string.IsNullOrWhiteSpace(_d.Model))
                {
                    return Done(VerdictRule.NoModel, UpgradeOutcome.Unknown, Severity.Warning);
                }

                _v.FineTuned = ModelNames.TryParseFineTuned(_d.Model!, out var baseModel, out var baseVersion);
                if (_v.FineTuned)
                {
                    _v.BaseModel = baseModel;
                    _v.BaseVersion = baseVersion;
                }

                var entry = _catalog.FindForDeployment(_o.Cloud, _d.Model!, _d.Version);
                if (entry is null)
                {
                    return Done(VerdictRule.NotInCatalog, UpgradeOutcome.Unknown, Severity.Warning);
                }

                _v.Entry = entry;
                if (_v.FineTuned)
                {
                    _v.TrainingRetirementDate = entry.TrainingRetirementDate;
                }
                _v.EntryStage = RetirementQuery.StageAsOf(entry, _o.AsOf);
                _v.Stage = _v.EntryStage;

                var retire = entry.RetirementDateFor(_d.DeploymentType);
                var qualifier = entry.RetirementQualifier;
                _v.RetirementQualifier = qualifier;
                if (retire is null || qualifier == DateQualifier.NotBefore)
                {
                    if (entry.Stage == LifecycleStage.Retired)
                    {
                        return Retired(null);
                    }

                    _v.Floor = retire;
                    return Done(VerdictRule.NoRetirementDate, UpgradeOutcome.Current, Severity.None);
                }

                var date = retire.Value;
                _v.RetirementDate = date;
                _v.RetirementDateIsTentative = RetirementQuery.IsTentative(qualifier);
                var days = (int)(date - _o.AsOf).TotalDays;
                _v.DaysUntilRetirement = days;

                // The deployment's own stage: its type's date decides, not the version's other types.
                _v.Stage = RetirementQuery.StageFor(entry, date, _o.AsOf);

                var liveRetired = entry.Stage == LifecycleStage.Retired && entry.Origin == CatalogOrigin.Live;
                if (days <= 0 && qualifier == DateQualifier.NoEarlierThan && !liveRetired)
                {
                    // The earliest day a retirement could come, not a retirement: like an unknown date the
                    // outcome is Current; Info, since a date may be announced.
                    _v.DaysUntilRetirement = null;
                    _v.Floor = date;
                    return Done(VerdictRule.FloorPassed, UpgradeOutcome.Current, Severity.Info);
                }

                var target = _v.FineTuned ? null : FindTarget(entry, date);
                if (days <= 0 || liveRetired)
                {
                    var upgraded = target is not null && _v.EffectiveUpgradeOption != UpgradeOptionNames.NoAutoUpgrade
                        && DeploymentTypes.Classify(_d.DeploymentType) == DeploymentTypeClass.AutoUpgraded;
                    return Retired(upgraded ? target : null);
                }

                var severity = SeverityForDays(days, _o.WarningDays);
                if (_v.FineTuned)
                {
                    return StopsWorking(VerdictRule.FineTunedNotUpgraded, severity);
                }

                switch (DeploymentTypes.Classify(_d.DeploymentType))
                {
                    case DeploymentTypeClass.Provisioned:
                        return StopsWorking(VerdictRule.ProvisionedNotUpgraded, severity);
                    case DeploymentTypeClass.Batch:
                        return StopsWorking(VerdictRule.BatchNotUpgraded, severity);
                    case DeploymentTypeClass.Unknown:
                        _v.Inferred |= InferredFacts.DeploymentTypeNotUpgraded;
                        return StopsWorking(VerdictRule.UnknownTypeNotUpgraded, severity);
                }

                if (_v.EffectiveUpgradeOption == UpgradeOptionNames.NoAutoUpgrade)
                {
                    return StopsWorking(VerdictRule.NoAutoUpgradeOption, severity);
                }

                if (target is null)
                {
                    return StopsWorking(VerdictRule.NoUpgradeTarget, severity);
                }

                _v.UpgradeTarget = target;
                _v.CrossFamily = !ModelNames.SameModel(target.Target.Model, _d.Model!);
                if (_v.EffectiveUpgradeOption == UpgradeOptionNames.OnceNewDefaultVersionAvailable)
                {
                    _v.EffectiveDate = target.StartDate;
                    return Done(VerdictRule.UpgradeToNewDefault, UpgradeOutcome.AutoUpgradeScheduled, _v.CrossFamily ? Severity.Warning : Severity.Info);
                }

                _v.EffectiveDate = date.AddDays(-(target.LeadDays ?? 0));
                var upgradeSeverity = _v.CrossFamily || days <= _o.WarningDays ? Severity.Warning : Severity.Info;
                return Done(VerdictRule.UpgradeAtRetirement, UpgradeOutcome.AutoUpgradeAtRetirement, upgradeSeverity);
            }

            private string EffectiveOption()
            {
                if (string.IsNullOrWhiteSpace(_d.UpgradeOption))
                {
                    _v.Inferred |= InferredFacts.UpgradeOptionFromUnset;
                    return UpgradeOptionNames.OnceCurrentVersionExpired;
                }

                var canonical = UpgradeOptionNames.Canonical(_d.UpgradeOption);
                if (canonical is not null)
                {
                    return canonical;
                }

                // A value ARM may add later: assume the worst case rather than an upgrade that may not come.
                _v.Inferred |= InferredFacts.UnknownUpgradeOptionAsNoAutoUpgrade;
                return UpgradeOptionNames.NoAutoUpgrade;
            }

            /// <summary>
            /// An upgrade target exists only when a source records one: a scheduled upgrade or
            /// replacementConfig that applies to this deployment type and option, or a newer default
            /// version of the same model. A recommended replacement alone is not one. A target that
            /// retires no later than this version is no place to land.
            /// </summary>
            private UpgradeTargetChoice? FindTarget(CatalogEntry entry, DateTime retire)
            {
                var option = _v.EffectiveUpgradeOption;
                UpgradeTargetChoice? scheduled = null;
                if (entry.AutoUpgrade is AutoUpgradeInfo au)
                {
                    var typeOk = au.AppliesToDeploymentTypes.Count == 0
                                 || au.AppliesToDeploymentTypes.Any(t => string.Equals(t, _d.DeploymentType, StringComparison.OrdinalIgnoreCase));
                    var optionOk = au.AppliesToUpgradeOptions.Count == 0 || au.AppliesToUpgradeOptions.Contains(option, StringComparer.Ordinal);
                    if (!typeOk)
                    {
                        _v.UpgradeForOtherTypes = au;
                    }
                    else if (optionOk && Outlives(au.Target, retire))
                    {
                        scheduled = new UpgradeTargetChoice(au.Target, au.StartDate, au.LeadDays, UpgradeTargetSource.ScheduledUpgrade, au.TargetFromReplacement);
                    }
                }

                UpgradeTargetChoice? newerDefault = null;
                var def = _catalog.DefaultVersionOf(_o.Cloud, _d.Model!);
                if (def is not null && !ModelNames.SameVersion(def.Version, _d.Version) && IsNewer(def, entry)
                    && (def.RetirementDateFor(_d.DeploymentType) is not DateTime defRetire || defRetire > retire))
                {
                    newerDefault = new UpgradeTargetChoice(new ModelRef(def.Model, def.Version), null, null, UpgradeTargetSource.NewerDefaultVersion);
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

            private VerdictDecision Retired(UpgradeTargetChoice? missed)
            {
                _v.EffectiveDate = _v.RetirementDate;
                _v.MissedUpgrade = missed;
                return Done(VerdictRule.Retired, UpgradeOutcome.Retired, Severity.Critical);
            }

            private VerdictDecision StopsWorking(VerdictRule rule, Severity severity)
            {
                _v.EffectiveDate = _v.RetirementDate;
                return Done(rule, UpgradeOutcome.WillStopWorking, severity);
            }

            private VerdictDecision Done(VerdictRule rule, UpgradeOutcome outcome, Severity severity)
            {
                if ((_v.UpgradeTarget ?? _v.MissedUpgrade)?.Inferred == true)
                {
                    _v.Inferred |= InferredFacts.UpgradeTargetFromReplacementColumn;
                }

                _v.Rule = rule;
                _v.Outcome = outcome;
                _v.Severity = severity;
                if (_v.Entry is not null)
                {
                    // Where to migrate: the replacement chain past retired and soon-retiring models. The
                    // assessment's advice and Invoke-ModelMigration's default target both read it here.
                    _v.Migration = MigrationFor(_v.Entry, _catalog, _o);
                }

                return _v;
            }
        }
    }
}
