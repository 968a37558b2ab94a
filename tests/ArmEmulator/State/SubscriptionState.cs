using System;
using System.Collections.Generic;

namespace ModelLifecycle.ArmEmulator
{
    internal sealed class SubscriptionState
    {
        public SubscriptionState(FleetSubscription seed)
        {
            SubscriptionId = seed.SubscriptionId;
            DisplayName = seed.DisplayName;
            TenantId = seed.TenantId;
            State = seed.State;
            LimitedAccessGranted = new HashSet<string>(seed.LimitedAccessGranted, StringComparer.OrdinalIgnoreCase);
        }

        public string SubscriptionId { get; }

        public string DisplayName { get; }

        public string TenantId { get; }

        public string State { get; }

        /// <summary>Limited-access model names this subscription is registered for.</summary>
        public HashSet<string> LimitedAccessGranted { get; set; }

        public OrderedDictionary<string, ResourceGroupState> Groups { get; } = new OrderedDictionary<string, ResourceGroupState>(StringComparer.OrdinalIgnoreCase);
    }

    internal sealed class ResourceGroupState
    {
        public ResourceGroupState(string name, string location)
        {
            Name = name;
            Location = location;
        }

        public string Name { get; }

        public string Location { get; }

        public OrderedDictionary<string, AccountState> Accounts { get; } = new OrderedDictionary<string, AccountState>(StringComparer.OrdinalIgnoreCase);
    }
}
