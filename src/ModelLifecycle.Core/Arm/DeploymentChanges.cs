using System;
using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Inventory;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// The read-modify-write of a deployment, shared by every writer (Set-DeploymentUpgradeOption and the
    /// in-place migration): the body read with the newest api-version is cloned and changed only where
    /// meant, so every other property (including ones this code has never heard of) goes back as it
    /// came; after the write, anything else that changed or vanished is named.
    /// </summary>
    public static class DeploymentChanges
    {
        // Properties the service itself changes on every write; differences in them are not losses.
        private static readonly string[] ServerOwned = { "etag", "systemData", "properties.provisioningState" };

        /// <summary>A copy of <paramref name="before"/> with <paramref name="edit"/> applied to its properties object.</summary>
        public static JObject Edit(JObject before, AzureResourceId id, Action<JObject> edit)
        {
            var body = (JObject)before.DeepClone();
            if (body["properties"] is not JObject properties)
            {
                throw new ModelLifecycleException("DeploymentBodyInvalid", ErrorKind.InvalidData, $"Deployment '{id.DeploymentName}' came back from ARM without properties; nothing was written.", id.DeploymentId);
            }

            edit(properties);
            return body;
        }

        /// <summary>
        /// Every property path whose value differs (or that appeared or vanished), except the server-owned
        /// ones and the <paramref name="expected"/> paths (and everything under them) that the write meant to change.
        /// </summary>
        public static IEnumerable<string> Differences(JObject before, JObject after, IEnumerable<string> expected)
        {
            var skip = ServerOwned.Concat(expected).ToList();
            var a = Flatten(before);
            var b = Flatten(after);
            foreach (var p in a.Keys.Union(b.Keys, StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal))
            {
                if (skip.Any(owned => p.Equals(owned, StringComparison.OrdinalIgnoreCase) || p.StartsWith(owned + ".", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (!b.TryGetValue(p, out var nowValue))
                {
                    yield return $"property '{p}' disappeared";
                }
                else if (!a.TryGetValue(p, out _))
                {
                    yield return $"property '{p}' appeared";
                }
                else if (!JToken.DeepEquals(a[p], nowValue))
                {
                    yield return $"property '{p}' changed from {a[p].ToString(Newtonsoft.Json.Formatting.None)} to {nowValue.ToString(Newtonsoft.Json.Formatting.None)}";
                }
            }
        }

        /// <summary>The module's view of a deployment body that ARM returned, with its place filled in from the id.</summary>
        public static Deployment ToDeployment(JObject json, AzureResourceId id)
        {
            var d = DeploymentReader.Read(json).Select(i => i.Deployment).FirstOrDefault(x => x is not null) ?? new Deployment { Name = id.DeploymentName! };
            d.SubscriptionId ??= id.SubscriptionId;
            d.ResourceGroupName ??= id.ResourceGroupName;
            d.AccountName ??= id.AccountName;
            d.ResourceId ??= id.DeploymentId;
            return d;
        }

        private static Dictionary<string, JToken> Flatten(JObject o)
        {
            var result = new Dictionary<string, JToken>(StringComparer.Ordinal);
            void Walk(JToken t, string path)
            {
                if (t is JObject obj && obj.Count > 0)
                {
                    foreach (var p in obj.Properties())
                    {
                        Walk(p.Value, path.Length == 0 ? p.Name : path + "." + p.Name);
                    }
                }
                else
                {
                    result[path] = t;
                }
            }

            Walk(o, string.Empty);
            return result;
        }
    }
}
