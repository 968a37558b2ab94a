using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// A GET with an older api-version does not show members that version does not define. This is
    /// what makes a client that reads with an old version and writes the body back lose properties,
    /// so the emulator reproduces it for the members whose first version is known.
    /// </summary>
    internal static class ApiVersionShaping
    {
        // Member -> first api-version that returns it. 2024-10-01 is read from the spec; the members
        // first seen in the TypeSpec are gated at 2025-12-01 (their exact first version is not known).
        private static readonly KeyValuePair<string, string>[] DeploymentProperties =
        {
            new KeyValuePair<string, string>("dynamicThrottlingEnabled", "2024-10-01"),
            new KeyValuePair<string, string>("currentCapacity", "2024-10-01"),
            new KeyValuePair<string, string>("capacitySettings", "2024-10-01"),
            new KeyValuePair<string, string>("parentDeploymentName", "2024-10-01"),
            new KeyValuePair<string, string>("spilloverDeploymentName", "2025-12-01"),
            new KeyValuePair<string, string>("serviceTier", "2025-12-01"),
            new KeyValuePair<string, string>("deploymentState", "2025-12-01"),
            new KeyValuePair<string, string>("routing", "2025-12-01"),
        };

        public static JObject Deployment(JObject stored, string apiVersion)
        {
            var body = (JObject)stored.DeepClone();
            if (!ApiVersions.AtLeast(apiVersion, "2024-10-01"))
            {
                body.Remove("tags");
            }

            if (body["properties"] is JObject properties)
            {
                foreach (KeyValuePair<string, string> gated in DeploymentProperties)
                {
                    if (!ApiVersions.AtLeast(apiVersion, gated.Value))
                    {
                        properties.Remove(gated.Key);
                    }
                }
            }

            return body;
        }
    }
}
