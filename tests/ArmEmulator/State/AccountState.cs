using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>A live account: its ARM envelope, its deployments and the one write in progress on it.</summary>
    internal sealed class AccountState
    {
        public AccountState(string subscriptionId, string resourceGroup, FleetAccount seed, string etag)
        {
            SubscriptionId = subscriptionId;
            ResourceGroup = resourceGroup;
            Name = seed.Name;
            Location = seed.Location;
            Kind = seed.Kind;
            Sku = seed.Sku.ToJson();
            Tags = seed.Tags == null ? null : JObject.FromObject(seed.Tags);
            Etag = seed.Etag ?? etag;
            Properties = seed.Properties != null ? (JObject)seed.Properties.DeepClone() : new JObject();
            if (Properties["endpoint"] == null)
            {
                Properties["endpoint"] = $"https://{Name.ToLowerInvariant()}.openai.azure.com/";
            }

            if (Properties["provisioningState"] == null)
            {
                Properties["provisioningState"] = "Succeeded";
            }

            foreach (JObject usage in seed.Usages)
            {
                Usages.Add((JObject)usage.DeepClone());
            }
        }

        public string SubscriptionId { get; }

        public string ResourceGroup { get; }

        public string Name { get; }

        public string Location { get; }

        public string Kind { get; }

        public JObject Sku { get; }

        public JObject? Tags { get; }

        public string Etag { get; }

        public JObject Properties { get; }

        public string Id => ResourceIds.Account(SubscriptionId, ResourceGroup, Name);

        /// <summary>Deployment bodies as stored (full ARM resources), in creation order, keyed case-insensitively.</summary>
        public OrderedDictionary<string, JObject> Deployments { get; } = new OrderedDictionary<string, JObject>(System.StringComparer.OrdinalIgnoreCase);

        public List<JObject> Usages { get; } = new List<JObject>();

        /// <summary>ARM allows one operation per account at a time; this is it, or null.</summary>
        public LongRunningOperation? Busy { get; set; }

        /// <summary>False once the account has been deleted (e.g. by a fault) so late completions do nothing.</summary>
        public bool Exists { get; set; } = true;

        public JObject Render()
        {
            var account = new JObject
            {
                ["id"] = Id,
                ["name"] = Name,
                ["type"] = ResourceIds.AccountType,
                ["location"] = Location,
                ["sku"] = Sku.DeepClone(),
                ["kind"] = Kind,
            };
            if (Tags != null)
            {
                account["tags"] = Tags.DeepClone();
            }

            account["etag"] = Etag;
            account["properties"] = Properties.DeepClone();
            return account;
        }
    }
}
