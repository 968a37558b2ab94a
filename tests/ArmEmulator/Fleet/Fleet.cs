using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Everything the emulator serves: subscriptions → resource groups → accounts → deployments,
    /// and per-location catalogs (models, usages, model capacities). Load it from JSON, build it in
    /// code, or <see cref="Generate"/> a large one for benchmarks. The server copies the fleet when it
    /// starts; later changes to this object do not reach a running server.
    /// </summary>
    public sealed class Fleet
    {
        [JsonProperty("subscriptions")]
        public List<FleetSubscription> Subscriptions { get; set; } = new List<FleetSubscription>();

        [JsonProperty("locations")]
        public List<FleetLocation> Locations { get; set; } = new List<FleetLocation>();

        /// <summary>
        /// Model names that need a limited-access registration (e.g. "gpt-5"). A subscription that is not
        /// granted one (<see cref="FleetSubscription.LimitedAccessGranted"/>) gets SpecialFeatureOrQuotaIdRequired
        /// when it creates a deployment of it or moves one to it.
        /// </summary>
        [JsonProperty("limitedAccessModels")]
        public List<string> LimitedAccessModels { get; set; } = new List<string>();

        public bool ShouldSerializeLimitedAccessModels() => LimitedAccessModels.Count > 0;

        public static Fleet Parse(string json)
        {
            var fleet = JsonConvert.DeserializeObject<Fleet>(json, JsonText.Settings);
            return fleet ?? throw new InvalidDataException("The fleet JSON is empty.");
        }

        public static Fleet Load(string path) => Parse(File.ReadAllText(path));

        /// <summary>
        /// A deterministic synthetic fleet: the same arguments give the same fleet. Every location used
        /// gets a model catalog, usages and capacities covering the deployed models. The catalog values
        /// are invented for load tests and are not real retirement data.
        /// </summary>
        public static Fleet Generate(int subscriptions, int accountsPerSubscription, int deploymentsPerAccount, int seed) =>
            FleetGenerator.Generate(subscriptions, accountsPerSubscription, deploymentsPerAccount, seed);

        public string ToJson() => JsonConvert.SerializeObject(this, Formatting.Indented, JsonText.Settings);

        public void Save(string path) => File.WriteAllText(path, ToJson());

        public FleetSubscription AddSubscription(string subscriptionId, string displayName, string tenantId)
        {
            var subscription = new FleetSubscription { SubscriptionId = subscriptionId, DisplayName = displayName, TenantId = tenantId };
            Subscriptions.Add(subscription);
            return subscription;
        }

        /// <summary>The location with this name (case-insensitive), added if missing.</summary>
        public FleetLocation Location(string name)
        {
            foreach (FleetLocation location in Locations)
            {
                if (string.Equals(location.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return location;
                }
            }

            var added = new FleetLocation { Name = name };
            Locations.Add(added);
            return added;
        }

        /// <summary>A deep copy (through JSON, so raw properties are copied too).</summary>
        public Fleet Clone() => Parse(ToJson());
    }
}
