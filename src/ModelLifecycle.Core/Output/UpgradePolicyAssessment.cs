using System;

namespace ModelLifecycle
{
    /// <summary>
    /// What will happen to one deployment when its model version retires, when, and what to do.
    /// Output of Test-DeploymentUpgradePolicy.
    /// </summary>
    public sealed class UpgradePolicyAssessment
    {
        public string? SubscriptionId { get; internal set; }

        public string? ResourceGroupName { get; internal set; }

        public string? AccountName { get; internal set; }

        public string DeploymentName { get; internal set; } = string.Empty;

        public string? ResourceId { get; internal set; }

        public string? Location { get; internal set; }

        /// <summary>The sku name.</summary>
        public string? DeploymentType { get; internal set; }

        public int? Capacity { get; internal set; }

        public string? Model { get; internal set; }

        public string? Version { get; internal set; }

        /// <summary>versionUpgradeOption as set on the deployment; null when unset.</summary>
        public string? UpgradeOption { get; internal set; }

        /// <summary>What the service applies: an unset option behaves as OnceCurrentVersionExpired.</summary>
        public string? EffectiveUpgradeOption { get; internal set; }

        public string? Stage { get; internal set; }

        /// <summary>The retirement date for this deployment's type.</summary>
        public DateTime? RetirementDate { get => _retirementDate; internal set => _retirementDate = Core.UtcDay.Of(value); }

        private DateTime? _retirementDate;

        public bool RetirementDateIsTentative { get; internal set; }

        public int? DaysUntilRetirement { get; internal set; }

        /// <summary>
        /// Fine-tuned deployments: when training (fine-tuning) of the base model retires, before the
        /// deployment itself stops; null for other deployments or when no date is published.
        /// </summary>
        public DateTime? TrainingRetirementDate { get => _trainingRetirementDate; internal set => _trainingRetirementDate = Core.UtcDay.Of(value); }

        private DateTime? _trainingRetirementDate;

        /// <summary>
        /// The name of an <see cref="UpgradeOutcome"/> member. A string, so that ConvertTo-Json (which on
        /// Windows PowerShell 5.1 has no -EnumsAsStrings) and Export-Csv write the name, not a number.
        /// </summary>
        public string Outcome => OutcomeValue.ToString();

        /// <summary>The outcome the Core reasons with.</summary>
        internal UpgradeOutcome OutcomeValue { get; set; }

        /// <summary>
        /// The versionUpgradeOption that would keep this deployment working where its current one lets it
        /// stop (OnceCurrentVersionExpired or OnceNewDefaultVersionAvailable), found by judging the same
        /// deployment with each other option; null when no option changes what happens (provisioned,
        /// batch, fine-tuned, no recorded upgrade target, already retired) or nothing needs changing.
        /// </summary>
        public string? OptionWouldHelp { get; internal set; }

        /// <summary>The model version the deployment will be upgraded to, when an upgrade is recorded.</summary>
        public ModelRef? UpgradeTarget { get; internal set; }

        /// <summary>When the outcome takes effect (upgrade start, upgrade at retirement, or stop).</summary>
        public DateTime? EffectiveDate { get => _effectiveDate; internal set => _effectiveDate = Core.UtcDay.Of(value); }

        private DateTime? _effectiveDate;

        /// <summary>
        /// The name of a <see cref="ModelLifecycle.Severity"/> member (None, Info, Warning, Critical), a string
        /// for the same reason as <see cref="Outcome"/>. To sort by urgency, cast it back:
        /// <c>Sort-Object { [ModelLifecycle.Severity]$_.Severity } -Descending</c>.
        /// </summary>
        public string Severity => SeverityValue.ToString();

        /// <summary>The severity the Core reasons with.</summary>
        internal Severity SeverityValue { get; set; }

        /// <summary>One sentence a person can act on.</summary>
        public string Reason { get; internal set; } = string.Empty;

        /// <summary>What to do, naming the cmdlet and parameters to run.</summary>
        public string RecommendedAction { get; internal set; } = string.Empty;

        /// <summary>Recommended replacement models (what a migration should move to).</summary>
        public ModelRefList Replacement { get; internal set; } = ModelRefList.Empty;

        public TextList Notes { get; internal set; } = TextList.Empty;

        public DateTime AsOf { get => _asOf; internal set => _asOf = Core.UtcDay.Of(value); }

        private DateTime _asOf;

        /// <summary>
        /// How the deployment was read and judged: Input (given as objects or a file, judged on the
        /// catalog), Azure (read from ARM, judged on the catalog) or Live (read from ARM, judged on its
        /// location's Models API laid over the catalog).
        /// </summary>
        public string ReadFrom { get; internal set; } = ReadFromInput;

        public const string ReadFromInput = "Input";

        public const string ReadFromAzure = "Azure";

        public const string ReadFromLive = "Live";

        public override string ToString() => (AccountName is null ? DeploymentName : AccountName + "/" + DeploymentName) + ": " + Outcome;
    }

    /// <summary>What happens to a deployment when its model version retires.</summary>
    public enum UpgradeOutcome
    {
        /// <summary>No retirement date is known.</summary>
        Current,

        /// <summary>Upgraded once the new default or scheduled replacement rolls out.</summary>
        AutoUpgradeScheduled,

        /// <summary>Upgraded when the current version retires.</summary>
        AutoUpgradeAtRetirement,

        /// <summary>Stops working on the retirement date unless migrated or its policy changed.</summary>
        WillStopWorking,

        /// <summary>The retirement date has passed and the deployment is still on that version: calls fail.</summary>
        Retired,

        /// <summary>The model or version is in no catalog.</summary>
        Unknown,
    }

    public enum Severity
    {
        None,
        Info,
        Warning,
        Critical,
    }
}
