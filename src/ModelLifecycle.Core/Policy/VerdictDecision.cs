using System;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.Policy
{
    /// <summary>
    /// Which rule of the verdict table decided a deployment's outcome: the "why" of a
    /// <see cref="VerdictDecision"/> as data. <see cref="VerdictRenderer"/> words each one.
    /// </summary>
    public enum VerdictRule
    {
        /// <summary>The deployment names no model.</summary>
        NoModel,

        /// <summary>The model or version is in no catalog for the cloud.</summary>
        NotInCatalog,

        /// <summary>No retirement date is published (or only a "not before" floor, or a relative one).</summary>
        NoRetirementDate,

        /// <summary>A "no earlier than" date has passed with no retirement announced: a floor, not a retirement.</summary>
        FloorPassed,

        /// <summary>The retirement date has passed (or live data says Retired): calls fail.</summary>
        Retired,

        /// <summary>Fine-tuned deployments are not auto-upgraded.</summary>
        FineTunedNotUpgraded,

        /// <summary>Provisioned deployments are not auto-upgraded.</summary>
        ProvisionedNotUpgraded,

        /// <summary>Batch deployments are not auto-upgraded (they move side by side).</summary>
        BatchNotUpgraded,

        /// <summary>A deployment type this module does not know to be auto-upgraded.</summary>
        UnknownTypeNotUpgraded,

        /// <summary>The effective upgrade option is NoAutoUpgrade.</summary>
        NoAutoUpgradeOption,

        /// <summary>No upgrade target is recorded: no newer default version, no scheduled upgrade.</summary>
        NoUpgradeTarget,

        /// <summary>OnceNewDefaultVersionAvailable with a target: upgraded when the new default rolls out.</summary>
        UpgradeToNewDefault,

        /// <summary>Upgraded to the target when the current version retires.</summary>
        UpgradeAtRetirement,
    }

    /// <summary>Facts the verdict assumed rather than read from a source. Each is said in the notes.</summary>
    [Flags]
    public enum InferredFacts
    {
        None = 0,

        /// <summary>versionUpgradeOption is unset; the docs treat that as OnceCurrentVersionExpired.</summary>
        UpgradeOptionFromUnset = 1,

        /// <summary>versionUpgradeOption has a value this module does not know; treated as NoAutoUpgrade.</summary>
        UnknownUpgradeOptionAsNoAutoUpgrade = 2,

        /// <summary>The deployment type is not one known to be auto-upgraded; treated as not upgraded.</summary>
        DeploymentTypeNotUpgraded = 4,

        /// <summary>
        /// The upgrade target is a docs table's replacement column: the table gives the upgrade's date
        /// but no target version, and no replacementConfig was read.
        /// </summary>
        UpgradeTargetFromReplacementColumn = 8,
    }

    /// <summary>Where an upgrade target came from.</summary>
    public enum UpgradeTargetSource
    {
        /// <summary>A scheduled upgrade in the docs or the Models API's replacementConfig.</summary>
        ScheduledUpgrade,

        /// <summary>A newer default version of the same model.</summary>
        NewerDefaultVersion,
    }

    /// <summary>A model version a deployment would be upgraded to, with when and from which record.</summary>
    public sealed class UpgradeTargetChoice
    {
        public UpgradeTargetChoice(ModelRef target, DateTime? startDate, int? leadDays, UpgradeTargetSource source, bool inferred = false)
        {
            Inferred = inferred;
            Target = target ?? throw new ArgumentNullException(nameof(target));
            StartDate = startDate;
            LeadDays = leadDays;
            Source = source;
        }

        public ModelRef Target { get; }

        /// <summary>When upgrades start (OnceNewDefaultVersionAvailable), when recorded.</summary>
        public DateTime? StartDate { get; }

        /// <summary>Days before retirement that OnceCurrentVersionExpired deployments move, when recorded.</summary>
        public int? LeadDays { get; }

        public UpgradeTargetSource Source { get; }

        /// <summary>True when the target is a docs table's replacement column rather than a recorded target.</summary>
        public bool Inferred { get; }
    }

    /// <summary>
    /// The verdict on one deployment, as data: what happens, when, how bad, to what, and by which rule.
    /// Made by <see cref="VerdictDecider"/> (no wording); worded by <see cref="VerdictRenderer"/>.
    /// </summary>
    public sealed class VerdictDecision
    {
        public VerdictRule Rule { get; internal set; }

        public UpgradeOutcome Outcome { get; internal set; }

        public Severity Severity { get; internal set; }

        /// <summary>The catalog entry that applies; null for <see cref="VerdictRule.NoModel"/> and <see cref="VerdictRule.NotInCatalog"/>.</summary>
        public CatalogEntry? Entry { get; internal set; }

        public bool FineTuned { get; internal set; }

        /// <summary>For a fine-tuned deployment, the base model and version its name carries.</summary>
        public string? BaseModel { get; internal set; }

        public string? BaseVersion { get; internal set; }

        /// <summary>The deployment's own stage as of the date (its type's date decides).</summary>
        public LifecycleStage? Stage { get; internal set; }

        /// <summary>The version's stage as of the date, before the deployment type's date is applied.</summary>
        public LifecycleStage? EntryStage { get; internal set; }

        public DateTime? RetirementDate { get; internal set; }

        public DateQualifier RetirementQualifier { get; internal set; }

        public bool RetirementDateIsTentative { get; internal set; }

        public int? DaysUntilRetirement { get; internal set; }

        /// <summary>When the outcome takes effect (upgrade start, upgrade at retirement, or stop).</summary>
        public DateTime? EffectiveDate { get; internal set; }

        /// <summary>A "not before" floor, or a passed "no earlier than" date, when that is all there is.</summary>
        public DateTime? Floor { get; internal set; }

        /// <summary>What the service applies: an unset option behaves as OnceCurrentVersionExpired.</summary>
        public string EffectiveUpgradeOption { get; internal set; } = UpgradeOptionNames.OnceCurrentVersionExpired;

        /// <summary>The deployment's upgrade target, for the auto-upgrade outcomes.</summary>
        public UpgradeTargetChoice? UpgradeTarget { get; internal set; }

        /// <summary>For a retired deployment: the upgrade it was due (and evidently did not get).</summary>
        public UpgradeTargetChoice? MissedUpgrade { get; internal set; }

        /// <summary>True when the upgrade target is another model family.</summary>
        public bool CrossFamily { get; internal set; }

        /// <summary>A recorded upgrade that applies to other deployment types only.</summary>
        public AutoUpgradeInfo? UpgradeForOtherTypes { get; internal set; }

        /// <summary>
        /// Where to migrate to: the replacement chain past retired and soon-retiring models; null when
        /// the deployment's model is not in the catalog. With <see cref="DefaultMigrationTarget"/> this is
        /// the one rule for the assessment's advice and Invoke-ModelMigration's default target.
        /// </summary>
        public ReplacementChoice? Migration { get; internal set; }

        /// <summary>The option that would keep a deployment that stops working going; null when none would.</summary>
        public string? OptionWouldHelp { get; internal set; }

        /// <summary>The target that <see cref="OptionWouldHelp"/> would upgrade to.</summary>
        public ModelRef? OptionTarget { get; internal set; }

        public InferredFacts Inferred { get; internal set; }

        /// <summary>Fine-tuned deployments: when training (fine-tuning) of the base model retires, when published.</summary>
        public DateTime? TrainingRetirementDate { get; internal set; }

        /// <summary>
        /// Where a migration should go by default: the upgrade target when one is recorded, otherwise the
        /// best replacement down the chain (one that serves beyond WarningDays when any does).
        /// </summary>
        public ModelRef? DefaultMigrationTarget => UpgradeTarget?.Target ?? Migration?.Best;
    }
}
