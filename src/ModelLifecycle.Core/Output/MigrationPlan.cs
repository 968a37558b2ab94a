using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace ModelLifecycle
{
    /// <summary>
    /// What Invoke-ModelMigration would do to one deployment, with every preflight check run.
    /// Output of Invoke-ModelMigration -PlanOnly, and the Plan of each MigrationResult.
    /// </summary>
    public sealed class MigrationPlan
    {
        public string? SubscriptionId { get; internal set; }

        public string? ResourceGroupName { get; internal set; }

        public string? AccountName { get; internal set; }

        public string? Location { get; internal set; }

        public string SourceDeployment { get; internal set; } = string.Empty;

        public string? SourceModel { get; internal set; }

        public string? SourceVersion { get; internal set; }

        /// <summary>The sku name of the resulting deployment (the source's unless -SkuName says otherwise).</summary>
        public string? DeploymentType { get; internal set; }

        /// <summary>The capacity of the resulting deployment (the source's unless -Capacity says otherwise).</summary>
        public int? Capacity { get; internal set; }

        /// <summary>
        /// InPlace or SideBySide (a <see cref="MigrationMode"/> member name; Auto is resolved before a plan
        /// is made). A string, so that ConvertTo-Json and Export-Csv write the name, not a number.
        /// </summary>
        public string Mode => ModeValue.ToString();

        /// <summary>The mode the Core reasons with.</summary>
        internal MigrationMode ModeValue { get; set; }

        /// <summary>The deployment that serves the target model afterwards: the source's name for InPlace.</summary>
        public string? TargetDeployment { get; internal set; }

        public string? TargetModel { get; internal set; }

        /// <summary>Null when no version could be chosen (ARM then assigns its default).</summary>
        public string? TargetVersion { get; internal set; }

        /// <summary>Why this target (and version) was chosen, and notes on the parameter changes.</summary>
        public string TargetReason { get; internal set; } = string.Empty;

        public MigrationCheckList Checks { get; internal set; } = MigrationCheckList.Empty;

        public ParameterChangeList ParameterChanges { get; internal set; } = ParameterChangeList.Empty;

        /// <summary>True when no check failed (Warn checks need -Force, Skipped ones are reported).</summary>
        public bool Ready { get; internal set; }

        /// <summary>The upgrade option the resulting deployment gets.</summary>
        public string? UpgradeOption { get; internal set; }

        /// <summary>
        /// The source deployment as given, for the executor in this assembly. Not a public property, so
        /// Export-Csv and ConvertTo-Json of a plan do not drag the raw ARM body along.
        /// </summary>
        internal Deployment? Source { get; set; }

        /// <summary>The catalog entries the plan was made from (the source's and the target's), for the staleness decision.</summary>
        internal IReadOnlyList<Core.Catalog.CatalogEntry> DataUsed { get; set; } = Array.Empty<Core.Catalog.CatalogEntry>();

        private DateTime _asOf;

        /// <summary>The day the plan is for, as a UTC day like every date of the module's output.</summary>
        public DateTime AsOf { get => _asOf; internal set => _asOf = Core.UtcDay.Of(value); }

        /// <summary>The check of that name, or null.</summary>
        public MigrationCheck? Check(string name) => Checks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

        public override string ToString() =>
            (AccountName is null ? SourceDeployment : AccountName + "/" + SourceDeployment) + " -> " + TargetDeployment + " (" + TargetModel + " " + TargetVersion + ", " + Mode + ")";
    }

    /// <summary>How a deployment moves. A plan is always InPlace or SideBySide; Auto is only asked for.</summary>
    public enum MigrationMode
    {
        /// <summary>Same model name: InPlace; another model: SideBySide, except provisioned managed types (InPlace).</summary>
        Auto,

        /// <summary>The same deployment changes its model (a version change, or a family change on provisioned types).</summary>
        InPlace,

        /// <summary>A new deployment with the target model; the source keeps serving until removed.</summary>
        SideBySide,
    }

    /// <summary>One preflight check of a plan.</summary>
    public sealed class MigrationCheck
    {
        public MigrationCheck(string name, MigrationCheckStatus status, string detail)
        {
            Name = name;
            StatusValue = status;
            Detail = detail;
        }

        /// <summary>One of <see cref="Core.Migration.MigrationCheckNames"/>.</summary>
        public string Name { get; }

        /// <summary>Pass, Warn, Fail or Skipped: a <see cref="MigrationCheckStatus"/> member name, so exports carry the name.</summary>
        public string Status => StatusValue.ToString();

        /// <summary>The status the Core reasons with.</summary>
        internal MigrationCheckStatus StatusValue { get; }

        /// <summary>Names the numbers and what to do.</summary>
        public string Detail { get; }

        public override string ToString() => Name + "=" + Status;
    }

    public enum MigrationCheckStatus
    {
        Pass,
        Warn,
        Fail,

        /// <summary>Not run (offline, or a check it depends on failed); the detail says why.</summary>
        Skipped,
    }

    /// <summary>Checks, shown in a CSV cell as "SourceFound=Pass; Quota=Fail".</summary>
    public sealed class MigrationCheckList : DisplayList<MigrationCheck>
    {
        public static readonly MigrationCheckList Empty = new MigrationCheckList(Array.Empty<MigrationCheck>());

        public MigrationCheckList(IEnumerable<MigrationCheck> items)
            : base(items.ToList(), "; ")
        {
        }
    }

    /// <summary>Something calling code must change when a deployment moves from one model to another.</summary>
    public sealed class ParameterChange
    {
        public ParameterChange(string api, string parameter, ParameterChangeKind change, string? from, string? to, string detail, string source)
        {
            Api = api;
            Parameter = parameter;
            ChangeValue = change;
            From = from;
            To = to;
            Detail = detail;
            Source = source;
        }

        /// <summary>images, chat.completions, responses, embeddings.</summary>
        public string Api { get; }

        /// <summary>The request parameter; a name in parentheses, such as "(endpoint)", is not a request parameter.</summary>
        public string Parameter { get; }

        /// <summary>Remove, Rename, MapValues, Check or New: a <see cref="ParameterChangeKind"/> member name, so exports carry the name.</summary>
        public string Change => ChangeValue.ToString();

        /// <summary>The kind of change the Core reasons with.</summary>
        internal ParameterChangeKind ChangeValue { get; }

        /// <summary>The old name or value, when the change has one.</summary>
        public string? From { get; }

        /// <summary>The new name or value, when the change has one.</summary>
        public string? To { get; }

        public string Detail { get; }

        /// <summary>The public page that documents the change.</summary>
        public string Source { get; }

        private static string FirstSentence(string text)
        {
            var end = text.IndexOf(". ", StringComparison.Ordinal);
            return (end < 0 ? text : text.Substring(0, end)).TrimEnd('.');
        }

        public override string ToString()
        {
            switch (ChangeValue)
            {
                case ParameterChangeKind.Rename:
                case ParameterChangeKind.MapValues:
                    return $"{Api} {Parameter}: {From} -> {To}";
                case ParameterChangeKind.New:
                    return To is null ? $"{Api} {Parameter}: new" : $"{Api} {Parameter}: new ({To})";
                case ParameterChangeKind.Remove:
                    return $"{Api} {Parameter}: remove";
                default:
                    return $"{Api} {Parameter}: check ({FirstSentence(Detail)})";
            }
        }
    }

    public enum ParameterChangeKind
    {
        /// <summary>The target refuses or ignores the parameter: take it out.</summary>
        Remove,

        /// <summary>The parameter has another name (From -> To).</summary>
        Rename,

        /// <summary>A value the target does not accept maps to one it does (From -> To).</summary>
        MapValues,

        /// <summary>Something a person must look at: no mechanical fix.</summary>
        Check,

        /// <summary>A parameter the target adds.</summary>
        New,
    }

    /// <summary>Parameter changes, shown in a CSV cell joined with "; ".</summary>
    public sealed class ParameterChangeList : DisplayList<ParameterChange>
    {
        public static readonly ParameterChangeList Empty = new ParameterChangeList(Array.Empty<ParameterChange>());

        public ParameterChangeList(IEnumerable<ParameterChange> items)
            : base(items.ToList(), "; ")
        {
        }
    }
}
