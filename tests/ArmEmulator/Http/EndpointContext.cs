namespace ModelLifecycle.ArmEmulator
{
    /// <summary>What every handler needs: the state and the current settings.</summary>
    internal sealed class EndpointContext
    {
        public EndpointContext(EmulatorState state, ServerSettings settings)
        {
            State = state;
            Settings = settings;
        }

        public EmulatorState State { get; }

        public ServerSettings Settings { get; }

        /// <summary>Finds the subscription or says why not (404 SubscriptionNotFound). Call under the state lock.</summary>
        public ArmResponse? FindSubscription(string subscriptionId, out SubscriptionState subscription)
        {
            if (State.Subscriptions.TryGetValue(subscriptionId, out SubscriptionState? found))
            {
                subscription = found;
                return null;
            }

            subscription = null!;
            return ArmErrors.SubscriptionNotFound(subscriptionId);
        }

        /// <summary>Finds the resource group or answers the 404 ARM would give. Call under the state lock.</summary>
        public ArmResponse? FindGroup(string subscriptionId, string resourceGroup, out ResourceGroupState group)
        {
            group = null!;
            ArmResponse? error = FindSubscription(subscriptionId, out SubscriptionState subscription);
            if (error != null)
            {
                return error;
            }

            if (!subscription.Groups.TryGetValue(resourceGroup, out ResourceGroupState? found))
            {
                return ArmErrors.ResourceGroupNotFound(resourceGroup);
            }

            group = found;
            return null;
        }

        /// <summary>Finds the account or answers the 404 ARM would give. Call under the state lock.</summary>
        public ArmResponse? FindAccount(RouteValues route, out AccountState account)
        {
            account = null!;
            ArmResponse? error = FindGroup(route["subscriptionId"], route["resourceGroup"], out ResourceGroupState group);
            if (error != null)
            {
                return error;
            }

            if (!group.Accounts.TryGetValue(route["account"], out AccountState? found))
            {
                return ArmErrors.AccountNotFound(group.Name, route["account"]);
            }

            account = found;
            return null;
        }
    }
}
