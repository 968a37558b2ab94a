using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// How a deployment body is stored and rewritten. The stored body is the full ARM resource as
    /// the newest api-version returns it; api-version shaping happens when it is rendered.
    /// </summary>
    internal static class DeploymentBodies
    {
        /// <summary>Top-level members the server owns: whatever a client sends for these is replaced.</summary>
        private static readonly HashSet<string> ServerEnvelope = new HashSet<string>(StringComparer.Ordinal) { "id", "type", "name", "systemData", "etag" };

        /// <summary>
        /// Read-only members of <c>properties</c>. ARM computes them, so they come back after a PUT even
        /// when the client leaves them out; what a client sends for them is ignored.
        /// </summary>
        private static readonly string[] ServerProperties = { "provisioningState", "capabilities", "callRateLimit", "rateLimits", "dynamicThrottlingEnabled" };

        public static JObject FromSeed(AccountState account, FleetDeployment seed, string etag, string timestamp)
        {
            var body = Envelope(account, seed.Name);
            if (seed.Sku != null)
            {
                body["sku"] = seed.Sku.ToJson();
            }

            if (seed.Tags != null)
            {
                body["tags"] = JObject.FromObject(seed.Tags);
            }

            foreach (KeyValuePair<string, JToken> extra in seed.Additional)
            {
                if (!ServerEnvelope.Contains(extra.Key))
                {
                    body[extra.Key] = extra.Value.DeepClone();
                }
            }

            var properties = (JObject?)seed.Properties?.DeepClone() ?? new JObject();
            if (properties["provisioningState"] == null)
            {
                properties["provisioningState"] = "Succeeded";
            }

            body["properties"] = properties;
            body["systemData"] = seed.Additional.TryGetValue("systemData", out JToken? systemData) ? systemData.DeepClone() : SystemData(null, timestamp);
            body["etag"] = seed.Additional.TryGetValue("etag", out JToken? seededEtag) ? seededEtag.DeepClone() : etag;
            return body;
        }

        /// <summary>
        /// The body a whole-resource PUT leaves behind: exactly the writable members that were sent
        /// (absent ones are gone, as with ARM), the server's read-only members, and provisioningState Accepted.
        /// </summary>
        public static JObject FromPut(AccountState account, string name, JObject request, JObject? existing, JObject? catalogModel, string etag, string timestamp)
        {
            var body = Envelope(account, name);
            foreach (KeyValuePair<string, JToken?> member in request)
            {
                if (!ServerEnvelope.Contains(member.Key) && member.Key != "properties")
                {
                    body[member.Key] = member.Value?.DeepClone();
                }
            }

            var properties = (JObject?)request["properties"]?.DeepClone() ?? new JObject();
            foreach (string serverOwned in ServerProperties)
            {
                properties.Remove(serverOwned);
            }

            (properties["model"] as JObject)?.Remove("callRateLimit");
            var previous = existing?["properties"] as JObject;
            if (previous != null && SameModel(previous["model"], properties["model"]))
            {
                // Same model: the computed members stay as they were.
                foreach (string serverOwned in ServerProperties)
                {
                    if (previous[serverOwned] != null)
                    {
                        properties[serverOwned] = previous[serverOwned]!.DeepClone();
                    }
                }

                if (previous["model"]?["callRateLimit"] is JToken modelLimit && properties["model"] is JObject model)
                {
                    model["callRateLimit"] = modelLimit.DeepClone();
                }
            }
            else if (catalogModel?["capabilities"] is JObject capabilities)
            {
                // New or different model: capabilities come from the location's catalog.
                properties["capabilities"] = capabilities.DeepClone();
            }

            properties["provisioningState"] = "Accepted";
            body["properties"] = properties;
            body["systemData"] = SystemData(existing?["systemData"] as JObject, timestamp);
            body["etag"] = etag;
            return body;
        }

        /// <summary>PATCH (PatchResourceTagsAndSku): sku members are merged, tags are replaced.</summary>
        public static void ApplyPatch(JObject body, JObject patch, string etag, string timestamp)
        {
            if (patch["sku"] is JObject sku)
            {
                if (body["sku"] is JObject current)
                {
                    current.Merge(sku, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
                }
                else
                {
                    body["sku"] = sku.DeepClone();
                }
            }

            if (patch["tags"] is JObject tags)
            {
                body["tags"] = tags.DeepClone();
            }

            SetProvisioningState(body, "Accepted");
            body["systemData"] = SystemData(body["systemData"] as JObject, timestamp);
            body["etag"] = etag;
        }

        public static void Touch(JObject body, string etag, string timestamp)
        {
            body["systemData"] = SystemData(body["systemData"] as JObject, timestamp);
            body["etag"] = etag;
        }

        public static void SetProvisioningState(JObject body, string state)
        {
            if (body["properties"] is not JObject properties)
            {
                properties = new JObject();
                body["properties"] = properties;
            }

            properties["provisioningState"] = state;
        }

        public static FleetAccount ToSeed(AccountState account)
        {
            var seed = new FleetAccount
            {
                Name = account.Name,
                Location = account.Location,
                Kind = account.Kind,
                Sku = FleetSku.FromJson(account.Sku) ?? new FleetSku("S0"),
                Tags = account.Tags?.ToObject<Dictionary<string, string>>(),
                Etag = account.Etag,
                Properties = (JObject)account.Properties.DeepClone(),
            };
            foreach (JObject usage in account.Usages)
            {
                seed.Usages.Add((JObject)usage.DeepClone());
            }

            foreach (JObject body in account.Deployments.Values)
            {
                var deployment = new FleetDeployment
                {
                    Name = (string?)body["name"] ?? "",
                    Sku = FleetSku.FromJson(body["sku"]),
                    Tags = (body["tags"] as JObject)?.ToObject<Dictionary<string, string>>(),
                    Properties = (JObject?)body["properties"]?.DeepClone() ?? new JObject(),
                };
                foreach (KeyValuePair<string, JToken?> member in body)
                {
                    if (member.Key is not ("id" or "type" or "name" or "sku" or "tags" or "properties") && member.Value != null)
                    {
                        deployment.Additional[member.Key] = member.Value.DeepClone();
                    }
                }

                seed.Deployments.Add(deployment);
            }

            return seed;
        }

        private static JObject Envelope(AccountState account, string name) => new JObject
        {
            ["id"] = ResourceIds.Deployment(account.SubscriptionId, account.ResourceGroup, account.Name, name),
            ["type"] = ResourceIds.DeploymentType,
            ["name"] = name,
        };

        private static JObject SystemData(JObject? previous, string timestamp) => new JObject
        {
            ["createdBy"] = previous?["createdBy"] ?? "user@example.com",
            ["createdByType"] = previous?["createdByType"] ?? "User",
            ["createdAt"] = previous?["createdAt"] ?? timestamp,
            ["lastModifiedBy"] = "user@example.com",
            ["lastModifiedByType"] = "User",
            ["lastModifiedAt"] = timestamp,
        };

        private static bool SameModel(JToken? a, JToken? b)
        {
            return string.Equals((string?)a?["format"], (string?)b?["format"], StringComparison.OrdinalIgnoreCase)
                && string.Equals((string?)a?["name"], (string?)b?["name"], StringComparison.OrdinalIgnoreCase)
                && string.Equals((string?)a?["version"], (string?)b?["version"], StringComparison.OrdinalIgnoreCase);
        }
    }
}
