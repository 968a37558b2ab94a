using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace ModelLifecycle
{
    /// <summary>What Invoke-ModelMigration did to one deployment. Output of Invoke-ModelMigration.</summary>
    public sealed class MigrationResult
    {
        public MigrationResult(MigrationPlan plan)
        {
            Plan = plan ?? throw new ArgumentNullException(nameof(plan));
            SubscriptionId = plan.SubscriptionId;
            ResourceGroupName = plan.ResourceGroupName;
            AccountName = plan.AccountName;
            Location = plan.Location;
            SourceDeployment = plan.SourceDeployment;
            SourceModel = plan.SourceModel;
            SourceVersion = plan.SourceVersion;
            ModeValue = plan.ModeValue;
            TargetDeployment = plan.TargetDeployment;
            TargetModel = plan.TargetModel;
            TargetVersion = plan.TargetVersion;
        }

        public string? SubscriptionId { get; }

        public string? ResourceGroupName { get; }

        public string? AccountName { get; }

        public string? Location { get; }

        public string SourceDeployment { get; }

        public string? SourceModel { get; }

        public string? SourceVersion { get; }

        /// <summary>InPlace or SideBySide, as in the plan: a string, so exports carry the name.</summary>
        public string Mode => ModeValue.ToString();

        internal MigrationMode ModeValue { get; }

        public string? TargetDeployment { get; }

        public string? TargetModel { get; }

        public string? TargetVersion { get; }

        public MigrationPlan Plan { get; }

        /// <summary>Succeeded, Failed, Skipped or AlreadyDone: a <see cref="MigrationStatus"/> member name, so exports carry the name.</summary>
        public string Status => StatusValue.ToString();

        /// <summary>The status the Core reasons with.</summary>
        internal MigrationStatus StatusValue { get; set; }

        public MigrationStepList Steps { get; internal set; } = MigrationStepList.Empty;

        /// <summary>The resulting deployment as ARM has it afterwards; null when nothing was written or it failed.</summary>
        public Deployment? Deployment { get; internal set; }

        public override string ToString() => (AccountName is null ? SourceDeployment : AccountName + "/" + SourceDeployment) + ": " + Status;
    }

    /// <summary>How a migration, or one step of it, ended.</summary>
    public enum MigrationStatus
    {
        Succeeded,
        Failed,

        /// <summary>Not attempted: a check failed, a Warn check without -Force, or -WhatIf / a declined confirmation.</summary>
        Skipped,

        /// <summary>Found already done in Azure by a rerun; not repeated.</summary>
        AlreadyDone,
    }

    /// <summary>One write or verification of a migration.</summary>
    public sealed class MigrationStep
    {
        public MigrationStep(string name, MigrationStatus status, TimeSpan duration, string detail)
        {
            Name = name;
            StatusValue = status;
            Duration = duration;
            Detail = detail;
        }

        public string Name { get; }

        /// <summary>A <see cref="MigrationStatus"/> member name, so exports carry the name.</summary>
        public string Status => StatusValue.ToString();

        /// <summary>The status the Core reasons with.</summary>
        internal MigrationStatus StatusValue { get; }

        public TimeSpan Duration { get; }

        public string Detail { get; }

        public override string ToString() =>
            Name + "=" + Status + " (" + Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s)";
    }

    /// <summary>Steps, shown in a CSV cell joined with "; ".</summary>
    public sealed class MigrationStepList : DisplayList<MigrationStep>
    {
        public static readonly MigrationStepList Empty = new MigrationStepList(Array.Empty<MigrationStep>());

        public MigrationStepList(IEnumerable<MigrationStep> items)
            : base(items.ToList(), "; ")
        {
        }
    }
}
