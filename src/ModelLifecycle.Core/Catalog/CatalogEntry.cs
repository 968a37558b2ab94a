using System;
using System.Collections.Generic;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// What the catalog knows about one model version in one cloud, merged from every source that
    /// mentions it. Dates are calendar dates (no time of day). Immutable; build with <see cref="CatalogEntryBuilder"/>.
    /// </summary>
    public sealed class CatalogEntry
    {
        internal CatalogEntry(CatalogEntryBuilder b)
        {
            Model = b.Model;
            Version = b.Version;
            Kind = b.Kind;
            Cloud = b.Cloud;
            Category = b.Category;
            Stage = b.Stage;
            DeprecationDate = b.DeprecationDate;
            RetirementDate = b.RetirementDate;
            RetirementQualifier = b.RetirementQualifier;
            RetirementText = b.RetirementText;
            RetirementByDeploymentType = new Dictionary<string, DateTime>(b.RetirementByDeploymentType, StringComparer.OrdinalIgnoreCase);
            Replacements = b.Replacements.ToArray();
            AutoUpgrade = b.AutoUpgrade;
            NoAutoUpgrade = b.NoAutoUpgrade;
            IsDefaultVersion = b.IsDefaultVersion;
            TrainingRetirementDate = b.TrainingRetirementDate;
            Notes = b.Notes.ToArray();
            Sources = b.Sources.ToArray();
            Origin = b.Origin;
            DataDate = b.DataDate?.Date;
        }

        public string Model { get; }

        /// <summary>Null when the source names no version: the entry then speaks for every version of the model.</summary>
        public string? Version { get; }

        public ModelKind Kind { get; }

        public CatalogCloud Cloud { get; }

        /// <summary>text, audio, image-video, embedding, fine-tuned, foundry-sold-by-azure, foundry-partner, retired ...</summary>
        public string? Category { get; }

        /// <summary>The stage the newest source states (docs vocabulary), independent of any date.</summary>
        public LifecycleStage? Stage { get; }

        /// <summary>"No new customers" from this date.</summary>
        public DateTime? DeprecationDate { get; }

        /// <summary>
        /// The retirement date for deployment types that <see cref="RetirementByDeploymentType"/> does not
        /// list (the source's general date). See <see cref="EarliestRetirementDate"/> for "the first day any
        /// deployment of this version stops".
        /// </summary>
        public DateTime? RetirementDate { get; }

        /// <summary>The earliest retirement of any deployment type: what "retires before X" filters on.</summary>
        public DateTime? EarliestRetirementDate => Extreme(min: true);

        /// <summary>The last retirement of any deployment type: after it, the version is retired everywhere.</summary>
        public DateTime? LatestRetirementDate => Extreme(min: false);

        public DateQualifier RetirementQualifier { get; }

        /// <summary>The source's own words for the retirement date.</summary>
        public string? RetirementText { get; }

        /// <summary>Retirement dates that differ by deployment type (sku name, e.g. Standard, GlobalStandard, ProvisionedManaged).</summary>
        public IReadOnlyDictionary<string, DateTime> RetirementByDeploymentType { get; }

        /// <summary>Recommended replacements, best first. Not upgrade targets by themselves.</summary>
        public IReadOnlyList<ModelRef> Replacements { get; }

        public AutoUpgradeInfo? AutoUpgrade { get; }

        /// <summary>True when a source says deployments of this version are not auto-upgraded.</summary>
        public bool NoAutoUpgrade { get; }

        /// <summary>True when a source names this version the model's default; null when no source says.</summary>
        public bool? IsDefaultVersion { get; }

        /// <summary>For fine-tuned models: when training (not deployment) retires.</summary>
        public DateTime? TrainingRetirementDate { get; }

        /// <summary>Nuance, and disagreements between sources (never resolved silently).</summary>
        public IReadOnlyList<string> Notes { get; }

        public IReadOnlyList<SourceRef> Sources { get; }

        public CatalogOrigin Origin { get; }

        /// <summary>
        /// The day the data behind this entry was current: the snapshot date of the catalog it was read
        /// from (the embedded snapshot, a user file) or the day live data was read. A user file or live
        /// data laid over an entry vouches for it as of its own date. Null when no date is known (an
        /// undated user file). Staleness warnings are decided from this, for the entries an answer used.
        /// </summary>
        public DateTime? DataDate { get; }

        /// <summary>The date the newest contributing source was written.</summary>
        public DateTime? SourceDate
        {
            get
            {
                DateTime? newest = null;
                foreach (var s in Sources)
                {
                    if (s.Date is DateTime d && (newest is null || d > newest))
                    {
                        newest = d;
                    }
                }

                return newest;
            }
        }

        /// <summary>
        /// The retirement date that applies to a deployment of the given type: its own date when the
        /// sources give dates per type, otherwise <see cref="RetirementDate"/>.
        /// </summary>
        public DateTime? RetirementDateFor(string? deploymentType)
        {
            if (!string.IsNullOrEmpty(deploymentType) && RetirementByDeploymentType.TryGetValue(deploymentType!, out var d))
            {
                return d;
            }

            return RetirementDate;
        }

        public CatalogEntryBuilder ToBuilder() => new CatalogEntryBuilder(this);

        private DateTime? Extreme(bool min)
        {
            DateTime? result = RetirementDate;
            foreach (var d in RetirementByDeploymentType.Values)
            {
                if (result is null || (min ? d < result : d > result))
                {
                    result = d;
                }
            }

            return result;
        }

        public override string ToString() => $"{Model} {Version ?? "*"} ({Cloud}{(Kind == ModelKind.FineTuned ? ", fine-tuned" : string.Empty)})";
    }

    /// <summary>Mutable form of <see cref="CatalogEntry"/>, used while reading and merging sources.</summary>
    public sealed class CatalogEntryBuilder
    {
        public CatalogEntryBuilder(string model, string? version, ModelKind kind, CatalogCloud cloud, CatalogOrigin origin)
        {
            Model = model;
            Version = version;
            Kind = kind;
            Cloud = cloud;
            Origin = origin;
        }

        internal CatalogEntryBuilder(CatalogEntry e)
            : this(e.Model, e.Version, e.Kind, e.Cloud, e.Origin)
        {
            Category = e.Category;
            Stage = e.Stage;
            DeprecationDate = e.DeprecationDate;
            RetirementDate = e.RetirementDate;
            RetirementQualifier = e.RetirementQualifier;
            RetirementText = e.RetirementText;
            foreach (var p in e.RetirementByDeploymentType)
            {
                RetirementByDeploymentType[p.Key] = p.Value;
            }

            Replacements.AddRange(e.Replacements);
            AutoUpgrade = e.AutoUpgrade;
            NoAutoUpgrade = e.NoAutoUpgrade;
            IsDefaultVersion = e.IsDefaultVersion;
            TrainingRetirementDate = e.TrainingRetirementDate;
            Notes.AddRange(e.Notes);
            Sources.AddRange(e.Sources);
            DataDate = e.DataDate;
        }

        public string Model { get; set; }

        public string? Version { get; set; }

        public ModelKind Kind { get; set; }

        public CatalogCloud Cloud { get; set; }

        public CatalogOrigin Origin { get; set; }

        /// <summary>See <see cref="CatalogEntry.DataDate"/>; a catalog dates the entries it is built with that have none.</summary>
        public DateTime? DataDate { get; set; }

        public string? Category { get; set; }

        public LifecycleStage? Stage { get; set; }

        public DateTime? DeprecationDate { get; set; }

        public DateTime? RetirementDate { get; set; }

        public DateQualifier RetirementQualifier { get; set; }

        public string? RetirementText { get; set; }

        public Dictionary<string, DateTime> RetirementByDeploymentType { get; } = new Dictionary<string, DateTime>(StringComparer.OrdinalIgnoreCase);

        public List<ModelRef> Replacements { get; } = new List<ModelRef>();

        public AutoUpgradeInfo? AutoUpgrade { get; set; }

        public bool NoAutoUpgrade { get; set; }

        public bool? IsDefaultVersion { get; set; }

        public DateTime? TrainingRetirementDate { get; set; }

        public List<string> Notes { get; } = new List<string>();

        public List<SourceRef> Sources { get; } = new List<SourceRef>();

        public CatalogEntry Build() => new CatalogEntry(this);
    }
}
