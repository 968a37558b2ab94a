using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// The one $filter the usages APIs support: "name.value eq 'X'", optionally or-ed several times.
    /// </summary>
    internal static class UsageFilter
    {
        private static readonly Regex Clause = new Regex(@"name\.value\s+eq\s+'([^']*)'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static IReadOnlyList<JToken> Apply(IEnumerable<JObject> usages, string? filter)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!string.IsNullOrWhiteSpace(filter))
            {
                foreach (Match match in Clause.Matches(filter))
                {
                    names.Add(match.Groups[1].Value);
                }
            }

            var result = new List<JToken>();
            foreach (JObject usage in usages)
            {
                if (names.Count == 0 || names.Contains((string?)usage["name"]?["value"] ?? ""))
                {
                    result.Add(usage.DeepClone());
                }
            }

            return result;
        }
    }
}
