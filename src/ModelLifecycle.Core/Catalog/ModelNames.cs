using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// One way to spell a model and a version, whatever the source wrote. The docs, ARM and code
    /// disagree: dall-e-3 is version "3" in the docs and "3.0" in ARM; older docs write "dalle-3" and
    /// "model router"; OpenAI writes "gpt-3.5-turbo" where Azure writes "gpt-35-turbo".
    /// </summary>
    public static class ModelNames
    {
        /// <summary>
        /// The one table of other spellings, each a name prefix: the Azure spelling, the one written
        /// elsewhere, and whether the catalog rewrites the other spelling when it reads a name. Older
        /// Azure docs tables write dalle-3 and "model router" (slips, rewritten). OpenAI's API and most
        /// SDK samples say gpt-3.5-turbo where Azure says gpt-35-turbo, for the whole family (-16k,
        /// -instruct ...): that is the model's real name on the OpenAI schedule, so it is kept as written
        /// and only matched as the same model. <c>References.ModelIdSpellings</c> searches code for every
        /// spelling in this table.
        /// </summary>
        public static IReadOnlyList<(string Azure, string Other, bool Rewrite)> SpellingPrefixes { get; } = new[]
        {
            ("gpt-35", "gpt-3.5", false),
            ("dall-e-", "dalle-", true),
            ("model-router", "model router", true),
        };

        // "3.0" and "3" name the same version; "001" (tts, whisper) keeps its zeros because ARM writes it so.
        private static readonly Regex TrailingZeroMinor = new Regex(@"^(\d+)(\.0+)+$", RegexOptions.CultureInvariant);

        // Fine-tuned model names in ARM: "<base>-<version>.ft-<id>", e.g. gpt-35-turbo-0613.ft-b044a9d3...
        private static readonly Regex FineTunedName = new Regex(@"^(?<base>.+?)(?:-(?<ver>\d{4}-\d{2}-\d{2}|\d{4}))?\.ft-[0-9A-Za-z_-]+$", RegexOptions.CultureInvariant);

        /// <summary>The canonical (Azure) spelling of a model name, trimmed; unknown names come back as given.</summary>
        public static string NormalizeModel(string model)
        {
            var m = Regex.Replace(model.Trim(), @"\s+", " ");
            return WithAzurePrefix(m, rewritesOnly: true);
        }

        /// <summary>
        /// What names are compared by: lower case, every spelling of the table as Azure's, so that
        /// gpt-3.5-turbo finds gpt-35-turbo (and, on the OpenAI schedule, the other way round).
        /// </summary>
        public static string MatchKey(string model) => WithAzurePrefix(NormalizeModel(model), rewritesOnly: false).ToLowerInvariant();

        private static string WithAzurePrefix(string model, bool rewritesOnly)
        {
            foreach (var (azure, other, rewrite) in SpellingPrefixes)
            {
                if ((rewrite || !rewritesOnly) && StartsWithWholePrefix(model, other, alsoBeforeWildcard: true))
                {
                    return azure + model.Substring(other.Length);
                }
            }

            return model;
        }

        /// <summary>
        /// True when <paramref name="name"/> starts with <paramref name="prefix"/> as a whole part of the
        /// name: the prefix ends the name, ends in '-', or is followed by '-' (gpt-35-turbo, not gpt-350).
        /// </summary>
        public static bool StartsWithWholePrefix(string name, string prefix, bool alsoBeforeWildcard = false)
        {
            if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (name.Length == prefix.Length || prefix.EndsWith("-", StringComparison.Ordinal))
            {
                return true;
            }

            var next = name[prefix.Length];
            return next == '-' || (alsoBeforeWildcard && (next == '*' || next == '?' || next == '['));
        }

        /// <summary>The canonical form of a version string: trimmed, "3.0" -> "3". Null stays null.</summary>
        public static string? NormalizeVersion(string? version)
        {
            if (version is null)
            {
                return null;
            }

            var v = version.Trim();
            if (v.Length == 0)
            {
                return null;
            }

            var m = TrailingZeroMinor.Match(v);
            return m.Success ? m.Groups[1].Value : v;
        }

        public static bool SameModel(string a, string b) =>
            string.Equals(MatchKey(a), MatchKey(b), StringComparison.Ordinal);

        public static bool SameVersion(string? a, string? b) =>
            string.Equals(NormalizeVersion(a), NormalizeVersion(b), StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// A catalog entry's model and version in the words of the deployment or query it answers: when
        /// both name the same version in different spellings (the catalog's "3", a deployment's "3.0"),
        /// the caller's spelling is used, so one answer never shows one version two ways.
        /// </summary>
        public static string Describe(CatalogEntry entry, string? askedModel, string? askedVersion)
        {
            if (entry is null) throw new ArgumentNullException(nameof(entry));
            if (entry.Version is null)
            {
                return entry.Model;
            }

            var version = askedModel is not null && askedVersion is not null && SameModel(entry.Model, askedModel) && SameVersion(entry.Version, askedVersion)
                ? askedVersion.Trim()
                : entry.Version;
            return entry.Model + " " + version;
        }

        /// <summary>
        /// Splits an ARM fine-tuned model name into the base model and version it was trained from.
        /// Returns false for names that are not fine-tuned models.
        /// </summary>
        public static bool TryParseFineTuned(string modelName, out string baseModel, out string? baseVersion)
        {
            var m = FineTunedName.Match(modelName.Trim());
            if (!m.Success)
            {
                baseModel = modelName;
                baseVersion = null;
                return false;
            }

            baseModel = NormalizeModel(m.Groups["base"].Value);
            baseVersion = m.Groups["ver"].Success ? m.Groups["ver"].Value : null;
            return true;
        }

        private static readonly Regex DatedVersion = new Regex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);

        /// <summary>
        /// Orders two dated versions ("2024-08-06") of the same model. Returns null when either is not a
        /// date: four-digit versions are month and day without a year ("0125" is newer than "1106"), so
        /// text order would lie; callers then fall back to other evidence such as retirement dates.
        /// </summary>
        public static int? CompareDatedVersions(string? a, string? b)
        {
            var x = NormalizeVersion(a);
            var y = NormalizeVersion(b);
            if (x is null || y is null || !DatedVersion.IsMatch(x) || !DatedVersion.IsMatch(y))
            {
                return null;
            }

            return string.CompareOrdinal(x, y);
        }
    }
}
