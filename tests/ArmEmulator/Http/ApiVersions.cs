using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>Which api-versions the emulator accepts, and comparisons between them.</summary>
    public static class ApiVersions
    {
        /// <summary>The newest stable Microsoft.CognitiveServices version the emulator knows.</summary>
        public const string Newest = "2026-05-01";

        /// <summary>Microsoft.CognitiveServices versions accepted (stable and preview).</summary>
        public static IReadOnlyList<string> ProviderVersions { get; } = new[]
        {
            "2017-04-18", "2021-04-30", "2021-10-01", "2022-03-01", "2022-10-01", "2022-12-01", "2023-05-01",
            "2023-10-01-preview", "2024-04-01-preview", "2024-06-01-preview", "2024-10-01", "2025-04-01-preview",
            "2025-06-01", "2025-07-01-preview", "2025-09-01", "2025-10-01-preview", "2025-12-01", "2026-01-15-preview",
            "2026-03-01", "2026-03-15-preview", "2026-05-01", "2026-07-01-preview",
        };

        /// <summary>Versions of ARM's own subscription API.</summary>
        public static IReadOnlyList<string> ArmVersions { get; } = new[]
        {
            "2014-04-01", "2014-04-01-preview", "2015-01-01", "2015-11-01", "2016-01-01", "2016-02-01", "2016-06-01",
            "2016-09-01", "2017-05-10", "2017-06-01", "2017-08-01", "2018-02-01", "2018-05-01", "2018-06-01",
            "2019-03-01", "2019-05-01", "2019-06-01", "2019-10-01", "2019-11-01", "2020-01-01", "2020-06-01",
            "2020-10-01", "2021-01-01", "2021-04-01", "2022-01-01", "2022-09-01", "2022-12-01",
        };


        public static bool IsProviderVersion(string apiVersion) => ProviderVersions.Contains(apiVersion, StringComparer.OrdinalIgnoreCase);

        public static bool IsArmVersion(string apiVersion) => ArmVersions.Contains(apiVersion, StringComparer.OrdinalIgnoreCase);


        /// <summary>True when <paramref name="apiVersion"/> is dated on or after <paramref name="minimum"/> (previews by their date).</summary>
        public static bool AtLeast(string apiVersion, string minimum) =>
            string.CompareOrdinal(DatePart(apiVersion), DatePart(minimum)) >= 0;

        private static string DatePart(string apiVersion) => apiVersion.Length >= 10 ? apiVersion.Substring(0, 10) : apiVersion;
    }
}
