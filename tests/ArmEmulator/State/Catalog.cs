using System;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>Looks models up in a location's Models_List (the <c>model</c> member of each item).</summary>
    internal static class Catalog
    {
        /// <summary>
        /// The AccountModel for format + name + version; with no version, the one marked isDefaultVersion.
        /// Null when the location lists no such model.
        /// </summary>
        public static JObject? Find(EmulatorState state, string location, string? format, string name, string? version)
        {
            if (!state.Locations.TryGetValue(location, out FleetLocation? found))
            {
                return null;
            }

            foreach (JObject item in found.Models)
            {
                if (item["model"] is JObject candidate
                    && Same((string?)candidate["format"], format)
                    && Same((string?)candidate["name"], name)
                    && (version != null ? Same((string?)candidate["version"], version) : (bool?)candidate["isDefaultVersion"] == true))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>Whether the location lists any version of the model.</summary>
        public static bool Knows(EmulatorState state, string location, string? format, string name)
        {
            if (!state.Locations.TryGetValue(location, out FleetLocation? found))
            {
                return false;
            }

            foreach (JObject item in found.Models)
            {
                if (item["model"] is JObject candidate && Same((string?)candidate["format"], format) && Same((string?)candidate["name"], name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
