using System;

namespace ModelLifecycle
{
    /// <summary>
    /// One place in a source tree that names a model id or a deployment name, with what the lifecycle
    /// catalog says about the model it stands for. Output of Find-ModelReference.
    /// </summary>
    public sealed class ModelReference
    {
        /// <summary>The file's full path (the shape Select-String and Get-Item use).</summary>
        public string Path { get; internal set; } = string.Empty;

        /// <summary>In a notebook (.ipynb), the 1-based cell whose source holds the match; LineNumber and Column are within it. Null elsewhere.</summary>
        public int? Cell { get; internal set; }

        /// <summary>1-based (within the cell, in a notebook).</summary>
        public int LineNumber { get; internal set; }

        /// <summary>1-based, in UTF-16 code units of the decoded line (what PowerShell and editors count).</summary>
        public int Column { get; internal set; }

        /// <summary>The line without its ending; very long lines are cut to a window around the match, marked with "…".</summary>
        public string Line { get; internal set; } = string.Empty;

        /// <summary>The text as written in the file (gpt-3.5-turbo, GPT-4o, dalle-3 ...).</summary>
        public string Match { get; internal set; } = string.Empty;

        /// <summary>ModelId, DeploymentName, or Parameter (a request parameter that changes in a migration piped in).</summary>
        public string Kind { get; internal set; } = "ModelId";

        /// <summary>
        /// The model the match stands for: the catalog's spelling of a model id, or the model a deployment
        /// runs. Null for a deployment name whose model is not known (given with -DeploymentName only).
        /// </summary>
        public string? Model { get; internal set; }

        /// <summary>The version a deployment pins or a dated id names (gpt-4o-2024-08-06); null for a bare model id.</summary>
        public string? Version { get; internal set; }

        /// <summary>The stage as of AsOf (docs vocabulary); null when the catalog does not know the model.</summary>
        public string? Stage { get; internal set; }

        public DateTime? RetirementDate { get => _retirementDate; internal set => _retirementDate = Core.UtcDay.Of(value); }

        private DateTime? _retirementDate;

        /// <summary>True for "no earlier than", "not before" and the API's Tentative dates.</summary>
        public bool RetirementDateIsTentative { get; internal set; }

        /// <summary>Days from AsOf to RetirementDate; negative once retired; null when no date is known.</summary>
        public int? DaysUntilRetirement { get; internal set; }

        /// <summary>
        /// Where to migrate, by the rule Test-DeploymentUpgradePolicy advises with: the replacement chain past
        /// models that have retired or retire within 90 days of AsOf (the ones still serving when none lasts longer).
        /// </summary>
        public ModelRefList Replacement { get; internal set; } = ModelRefList.Empty;

        public DateTime AsOf { get => _asOf; internal set => _asOf = Core.UtcDay.Of(value); }

        private DateTime _asOf;

        /// <summary>For Kind Parameter (a migration piped in): the change this line needs for the target model.</summary>
        public ParameterChange? Change { get; internal set; }

        /// <summary>
        /// <see cref="Path"/> below <paramref name="directory"/>, or the full path when it is not below it.
        /// The table view uses it with the current location, as Select-String's output does.
        /// </summary>
        public string RelativePath(string directory)
        {
            if (string.IsNullOrEmpty(directory))
            {
                return Path;
            }

            string prefix = directory.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
                || directory.EndsWith(System.IO.Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal)
                ? directory
                : directory + System.IO.Path.DirectorySeparatorChar;
            StringComparison comparison = System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return Path.Length > prefix.Length && Path.StartsWith(prefix, comparison) ? Path.Substring(prefix.Length) : Path;
        }

        /// <summary>"path:line:column: match", the form editors and terminals turn into a link ("path (cell N):line:column: match" in a notebook).</summary>
        public override string ToString() =>
            Path + (Cell is int cell ? " (cell " + cell.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : string.Empty) + ":" + LineNumber + ":" + Column + ": " + Match;
    }
}
