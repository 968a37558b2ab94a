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
        }

        public string SubscriptionId { get; }

        public string DisplayName { get; }

        public string TenantId { get; }

        public string State { get; }

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
