using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>
    /// The body of a side-by-side deployment: the target model, SKU, capacity and upgrade option of the
    /// plan, and the source's own settings where they describe how it serves rather than which model it
    /// runs (raiPolicyName, tags, spilloverDeploymentName, serviceTier, and settings this code does not
    /// know, which ARM ignores or keeps as the source had them).
    /// </summary>
    public static class TargetBody
    {
        // Read-only, or about the source's model and its service state: never copied to the new deployment.
        private static readonly HashSet<string> NotCopied = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "provisioningState", "model", "capabilities", "rateLimits", "callRateLimit", "currentCapacity",
            "dynamicThrottlingEnabled", "scaleSettings", "routing", "versionUpgradeOption",
        };

        public static JObject From(JObject source, MigrationPlan plan)
        {
            var properties = new JObject();
            if (source["properties"] is JObject sourceProperties)
            {
                foreach (var p in sourceProperties.Properties())
                {
                    if (!NotCopied.Contains(p.Name) && p.Value.Type != JTokenType.Null)
                    {
                        properties[p.Name] = p.Value.DeepClone();
                    }
                }
            }

            var model = new JObject
            {
                ["format"] = (string?)source.SelectToken("properties.model.format") ?? "OpenAI",
                ["name"] = plan.TargetModel,
            };
            if (plan.TargetVersion is not null)
            {
                model["version"] = plan.TargetVersion;
            }

            properties["model"] = model;
            if (plan.UpgradeOption is not null)
            {
                properties["versionUpgradeOption"] = plan.UpgradeOption;
            }

            var sku = new JObject { ["name"] = plan.DeploymentType ?? (string?)source.SelectToken("sku.name") ?? "Standard" };
            var capacity = plan.Capacity ?? (int?)source.SelectToken("sku.capacity");
            if (capacity is int c)
            {
                sku["capacity"] = c;
            }

            var body = new JObject { ["sku"] = sku, ["properties"] = properties };
            if (source["tags"] is JObject tags)
            {
                body["tags"] = tags.DeepClone();
            }

            return body;
        }
    }
}
