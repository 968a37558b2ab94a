using System;
using System.Collections.Generic;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// What a match is labelled with: the model it stands for and that model's lifecycle as of a date.
    /// Worked out once per searched id or deployment (see <see cref="LifecycleAnnotator"/>), then stamped on
    /// every match of it.
    /// </summary>
    internal sealed class LifecycleAnnotation
    {
        public LifecycleAnnotation(string? model, string? version)
        {
            Model = model;
            Version = version;
        }

        public string? Model { get; }

        public string? Version { get; }

        public string? Stage { get; set; }

        public DateTime? RetirementDate { get; set; }

        public bool RetirementDateIsTentative { get; set; }

        public int? DaysUntilRetirement { get; set; }

        public IReadOnlyList<ModelRef> Replacement { get; set; } = Array.Empty<ModelRef>();

        /// <summary>The catalog entry that speaks for the model; null when the catalog does not know it.</summary>
        public CatalogEntry? Entry { get; set; }

        /// <summary>The same facts make the same label: one deployment name on two accounts with the same model is reported once.</summary>
        public string Identity =>
            string.Join("|", Model ?? string.Empty, Version ?? string.Empty, Stage ?? string.Empty, RetirementDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)
            .ToLowerInvariant();

        public ModelReference Stamp(ReferenceMatch match, DateTime asOf) =>
            new ModelReference
            {
                Path = match.Path,
                Cell = match.Cell,
                LineNumber = match.LineNumber,
                Column = match.Column,
                Line = match.Line,
                Match = match.Match,
                Kind = match.Kind.ToString(),
                Model = Model,
                Version = Version,
                Stage = Stage,
                RetirementDate = RetirementDate,
                RetirementDateIsTentative = RetirementDateIsTentative,
                DaysUntilRetirement = DaysUntilRetirement,
                Replacement = new ModelRefList(Replacement),
                AsOf = asOf.Date,
            };
    }
}
