using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// Merges what two sources say about the same model version. One side wins each field it has;
    /// the other fills what the winner lacks. A real disagreement (another date, another replacement)
    /// is never dropped silently: it becomes a note naming the source that lost.
    /// </summary>
    public static class EntryMerger
    {
        /// <param name="winner">The entry being built; its fields win.</param>
        /// <param name="filler">An entry from another source; fills the winner's gaps.</param>
        /// <param name="fillerLabel">How notes name the filler's source in plain words with its date, e.g. "the model retirements page of 2025-12-16".</param>
        /// <param name="noteDisagreements">False for purely historical sources, whose old dates would only be noise.</param>
        /// <param name="inheritTypeDates">
        /// Whether a winner that gives one date for every type still takes the filler's dates per type.
        /// True between doc versions (a newer page dropped the split the older one had); false for
        /// user files and live data, whose own date is meant for every type they do not list.
        /// </param>
        public static void Fill(CatalogEntryBuilder winner, CatalogEntry filler, string fillerLabel, bool noteDisagreements, bool inheritTypeDates = true)
        {
            var filled = new List<string>();

            winner.Category = FillGap(winner.Category, filler.Category, "category", filled);
            winner.Stage = FillGap(winner.Stage, filler.Stage, "stage", filled);
            winner.DeprecationDate = FillGap(winner.DeprecationDate, filler.DeprecationDate, "deprecationDate", filled);

            if (winner.RetirementByDeploymentType.Count == 0 && filler.RetirementByDeploymentType.Count > 0 && !inheritTypeDates && winner.RetirementDate is not null)
            {
                if (noteDisagreements)
                {
                    winner.Notes.Add(Sentence(fillerLabel + " gave dates by deployment type: " + DescribeTypes(filler.RetirementByDeploymentType) + "."));
                }
            }
            else if (winner.RetirementByDeploymentType.Count == 0 && filler.RetirementByDeploymentType.Count > 0)
            {
                foreach (var p in filler.RetirementByDeploymentType)
                {
                    winner.RetirementByDeploymentType[p.Key] = p.Value;
                }

                filled.Add("retirementByDeploymentType");
                if (winner.RetirementDate is DateTime single && filler.RetirementByDeploymentType.Values.Any(d => d != single))
                {
                    // The per-type text is what explains the dates now in effect; the single date lives on in the note.
                    winner.RetirementText = filler.RetirementText ?? winner.RetirementText;
                    // The newer source gives one date for every type; the older split them. Keep both views.
                    winner.Notes.Add(string.Format(
                        CultureInfo.InvariantCulture,
                        "Dates differ by deployment type in {0} ({1}); a newer source gives {2:yyyy-MM-dd} for every type.",
                        fillerLabel,
                        filler.RetirementText ?? DescribeTypes(filler.RetirementByDeploymentType),
                        single));
                }
            }

            if (winner.RetirementDate is null && filler.RetirementDate is not null)
            {
                winner.RetirementDate = filler.RetirementDate;
                winner.RetirementQualifier = filler.RetirementQualifier;
                winner.RetirementText ??= filler.RetirementText;
                filled.Add("retirementDate");
            }
            else if (noteDisagreements && winner.RetirementDate is DateTime w && filler.RetirementDate is DateTime f && w != f
                     && filler.RetirementByDeploymentType.Count == 0)
            {
                winner.Notes.Add(Sentence(string.Format(CultureInfo.InvariantCulture, "{0} gave retirement {1}.", fillerLabel, DescribeDate(f, filler.RetirementQualifier))));
            }

            if (winner.Replacements.Count == 0 && filler.Replacements.Count > 0)
            {
                winner.Replacements.AddRange(filler.Replacements);
                filled.Add("replacements");
            }
            else if (noteDisagreements && filler.Replacements.Count > 0
                     && !filler.Replacements.All(r => winner.Replacements.Any(x => SameModelRef(x, r))))
            {
                winner.Notes.Add(Sentence(fillerLabel + " named " + string.Join(" or ", filler.Replacements.Select(r => r.ToString())) + " as the replacement."));
            }

            winner.AutoUpgrade = FillGap(winner.AutoUpgrade, filler.AutoUpgrade, "autoUpgrade", filled);

            if (!winner.NoAutoUpgrade && filler.NoAutoUpgrade)
            {
                winner.NoAutoUpgrade = true;
                filled.Add("noAutoUpgrade");
            }

            winner.IsDefaultVersion = FillGap(winner.IsDefaultVersion, filler.IsDefaultVersion, "isDefaultVersion", filled);
            winner.TrainingRetirementDate = FillGap(winner.TrainingRetirementDate, filler.TrainingRetirementDate, "trainingRetirementDate", filled);

            foreach (var n in filler.Notes)
            {
                if (!winner.Notes.Any(x => SameNote(x, n)))
                {
                    winner.Notes.Add(n);
                    if (!filled.Contains("notes"))
                    {
                        filled.Add("notes");
                    }
                }
            }

            if (filled.Count > 0)
            {
                // A filler's provenance only counts for the fields it actually supplied here.
                foreach (var s in filler.Sources)
                {
                    AddSource(winner, new SourceRef(s.Name, s.Url, s.Commit, s.Date, filled));
                }
            }
        }

        /// <summary>The winner's value when it has one; otherwise the filler's, and <paramref name="field"/> is recorded as filled.</summary>
        private static T FillGap<T>(T mine, T theirs, string field, List<string> filled)
        {
            if (mine is null && theirs is not null)
            {
                filled.Add(field);
                return theirs;
            }

            return mine;
        }

        // A label may start a note ("the model retirements page of 2025-12-16 gave ..."): the note starts a sentence.
        private static string Sentence(string text) =>
            text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        /// <summary>Adds provenance, folding it into an existing row for the same source.</summary>
        public static void AddSource(CatalogEntryBuilder b, SourceRef source)
        {
            var i = b.Sources.FindIndex(x => x.Name == source.Name);
            if (i < 0)
            {
                b.Sources.Add(new SourceRef(source.Name, source.Url, source.Commit, source.Date, source.Fields.ToArray()));
                return;
            }

            var old = b.Sources[i];
            b.Sources[i] = new SourceRef(old.Name, old.Url ?? source.Url, old.Commit ?? source.Commit, old.Date ?? source.Date, old.Fields.Union(source.Fields).ToArray());
        }

        // Record sets repeat the same footnote with small edits; one copy is enough.
        private static bool SameNote(string a, string b)
        {
            const int Prefix = 60;
            return a == b || (a.Length >= Prefix && b.Length >= Prefix && string.CompareOrdinal(a, 0, b, 0, Prefix) == 0);
        }

        /// <summary>
        /// Lays <paramref name="overlay"/> (a user file or live data) over <paramref name="baseEntry"/>:
        /// every field the overlay has wins; the base fills the rest and its differing facts become notes.
        /// </summary>
        public static CatalogEntry Overlay(CatalogEntry overlay, CatalogEntry baseEntry)
        {
            var b = overlay.ToBuilder();
            // The overlay vouches for the whole entry as of its own date; an undated one leaves the base's date.
            b.DataDate ??= baseEntry.DataDate;
            var label = baseEntry.Origin.ToString() + " catalog" + (baseEntry.SourceDate is DateTime d ? d.ToString(" (yyyy-MM-dd)", CultureInfo.InvariantCulture) : string.Empty);
            Fill(b, baseEntry, label, noteDisagreements: true, inheritTypeDates: false);
            if (b.Version is null && baseEntry.Version is not null)
            {
                // A version-less overlay speaks for every version; the merged entry keeps the concrete one.
                b.Version = baseEntry.Version;
            }

            return b.Build();
        }

        private static bool SameModelRef(ModelRef a, ModelRef b) =>
            ModelNames.SameModel(a.Model, b.Model) && (a.Version is null || b.Version is null || ModelNames.SameVersion(a.Version, b.Version));

        private static string DescribeTypes(IReadOnlyDictionary<string, DateTime> byType) =>
            string.Join(", ", byType.OrderBy(p => p.Value).Select(p => p.Key + " " + p.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        internal static string DescribeDate(DateTime date, DateQualifier q)
        {
            var d = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            switch (q)
            {
                case DateQualifier.NoEarlierThan: return "no earlier than " + d;
                case DateQualifier.NotBefore: return "not before " + d;
                case DateQualifier.Tentative: return d + " (tentative)";
                default: return d;
            }
        }
    }
}
