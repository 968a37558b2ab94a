using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>Deployment name rules of ARM and the default name of a side-by-side deployment.</summary>
    public static class DeploymentNames
    {
        public const int MaxLength = 64;

        /// <summary>Letters, digits, '-', '_' and '.', 1 to 64 characters. Null when valid, else why not.</summary>
        public static string? Validate(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return "a deployment name cannot be empty";
            }

            if (name!.Length > MaxLength)
            {
                return $"'{name}' has {name.Length} characters; ARM allows at most {MaxLength}";
            }

            var bad = name.Where(c => !IsAllowed(c)).Distinct().ToList();
            return bad.Count == 0
                ? null
                : $"'{name}' contains {string.Join(" ", bad.Select(c => "'" + c + "'"))}; ARM allows letters, digits, '-', '_' and '.'";
        }

        /// <summary>
        /// The default name of the new deployment: the source name with its model name replaced by the
        /// target's ("gpt-4o-prod" -> "gpt-5.1-prod"), or the target model appended ("chat" -> "chat-gpt-5.1"),
        /// or for a copy of the same model the target version appended ("chat" -> "chat-2025-04-14");
        /// made valid for ARM and free in the account (a "-2", "-3" suffix). A deployment of that name that
        /// already runs the target model is taken as the one a previous run created, so a rerun resumes.
        /// </summary>
        public static string Derive(string sourceName, string? sourceModel, string targetModel, string? targetVersion, IReadOnlyList<Deployment>? existing)
        {
            var sameModel = sourceModel is not null && ModelNames.SameModel(sourceModel, targetModel);
            var baseName = sameModel
                ? sourceName + "-" + (targetVersion ?? "new")
                : Replace(sourceName, sourceModel, targetModel) ?? sourceName + "-" + targetModel;
            baseName = Sanitize(baseName);
            if (string.Equals(baseName, sourceName, StringComparison.OrdinalIgnoreCase))
            {
                baseName = Sanitize(sourceName + "-" + (targetVersion ?? "new"));
            }

            if (existing is null)
            {
                return baseName;
            }

            for (var i = 1; ; i++)
            {
                var candidate = i == 1 ? baseName : Fit(baseName, "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (string.Equals(candidate, sourceName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var taken = existing.FirstOrDefault(d => string.Equals(d.Name, candidate, StringComparison.OrdinalIgnoreCase));
                if (taken is null || RunsTarget(taken, targetModel, targetVersion))
                {
                    return candidate;
                }
            }
        }

        /// <summary>True when a deployment runs the target model (and version, when one is named).</summary>
        public static bool RunsTarget(Deployment d, string targetModel, string? targetVersion) =>
            d.Model is not null && ModelNames.SameModel(d.Model, targetModel)
            && (targetVersion is null || ModelNames.SameVersion(d.Version, targetVersion));

        private static string? Replace(string name, string? model, string replacement)
        {
            if (string.IsNullOrEmpty(model))
            {
                return null;
            }

            var i = name.IndexOf(model, StringComparison.OrdinalIgnoreCase);
            return i < 0 ? null : name.Substring(0, i) + replacement + name.Substring(i + model!.Length);
        }

        private static string Sanitize(string name)
        {
            var sb = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                sb.Append(IsAllowed(c) ? c : '-');
            }

            var s = sb.ToString();
            return s.Length > MaxLength ? s.Substring(0, MaxLength) : s;
        }

        private static string Fit(string name, string suffix) =>
            (name.Length + suffix.Length > MaxLength ? name.Substring(0, MaxLength - suffix.Length) : name) + suffix;

        private static bool IsAllowed(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    }
}
