using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLifecycle.Core
{
    /// <summary>
    /// The values of a deployment's <c>properties.versionUpgradeOption</c>. ARM models it as an open
    /// string, so values are kept as strings and checked here rather than forced into an enum.
    /// </summary>
    public static class UpgradeOptionNames
    {
        public const string OnceNewDefaultVersionAvailable = "OnceNewDefaultVersionAvailable";
        public const string OnceCurrentVersionExpired = "OnceCurrentVersionExpired";
        public const string NoAutoUpgrade = "NoAutoUpgrade";

        public static readonly IReadOnlyList<string> All = new[] { OnceNewDefaultVersionAvailable, OnceCurrentVersionExpired, NoAutoUpgrade };

        public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);

        /// <summary>The canonical spelling of a known option (matched case-insensitively); null for unknown or empty values.</summary>
        public static string? Canonical(string? value) =>
            string.IsNullOrWhiteSpace(value) ? null : All.FirstOrDefault(o => string.Equals(o, value!.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
