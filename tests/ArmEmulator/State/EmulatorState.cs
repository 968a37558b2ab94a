using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// The live state behind the endpoints. All access goes through <see cref="Sync"/>: requests are
    /// short and a single lock keeps "one operation per account" and PUT-then-GET simple to reason about.
    /// Tests use the public members to look at or change state without HTTP.
    /// </summary>
    public sealed class EmulatorState
    {
        private readonly Dictionary<string, LongRunningOperation> operations = new Dictionary<string, LongRunningOperation>(StringComparer.OrdinalIgnoreCase);
        private readonly List<LongRunningOperation> pending = new List<LongRunningOperation>();
        private readonly ServerSettings settings;
        private readonly TimeProvider clock;

        internal EmulatorState(Fleet fleet, ServerSettings settings, TimeProvider clock)
        {
            this.settings = settings;
            this.clock = clock;
            foreach (FleetSubscription seed in fleet.Subscriptions)
            {
                var subscription = new SubscriptionState(seed);
                Subscriptions[seed.SubscriptionId] = subscription;
                foreach (FleetResourceGroup groupSeed in seed.ResourceGroups)
                {
                    var group = new ResourceGroupState(groupSeed.Name, groupSeed.Location);
                    subscription.Groups[groupSeed.Name] = group;
                    foreach (FleetAccount accountSeed in groupSeed.Accounts)
                    {
                        var account = new AccountState(seed.SubscriptionId, groupSeed.Name, accountSeed, NewEtag());
                        group.Accounts[accountSeed.Name] = account;
                        foreach (FleetDeployment deployment in accountSeed.Deployments)
                        {
                            account.Deployments[deployment.Name] = DeploymentBodies.FromSeed(account, deployment, NewEtag(), Timestamp());
                        }
                    }
                }
            }

            // The server hands over its own copy of the fleet, so the locations can be kept as they are.
            foreach (FleetLocation location in fleet.Locations)
            {
                Locations[location.Name] = location;
            }

            LimitedAccessModels = new HashSet<string>(fleet.LimitedAccessModels, StringComparer.OrdinalIgnoreCase);
        }

        internal object Sync { get; } = new object();

        internal OrderedDictionary<string, SubscriptionState> Subscriptions { get; } = new OrderedDictionary<string, SubscriptionState>(StringComparer.OrdinalIgnoreCase);

        internal Dictionary<string, FleetLocation> Locations { get; } = new Dictionary<string, FleetLocation>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Model names that need a limited-access registration.</summary>
        internal HashSet<string> LimitedAccessModels { get; set; }

        internal DateTimeOffset Now => clock.GetUtcNow();

        /// <summary>The current state as a fleet (deployments as they are now, including writes).</summary>
        public Fleet Snapshot()
        {
            lock (Sync)
            {
                CompleteDueOperations();
                var fleet = new Fleet();
                foreach (SubscriptionState subscription in Subscriptions.Values)
                {
                    FleetSubscription seed = fleet.AddSubscription(subscription.SubscriptionId, subscription.DisplayName, subscription.TenantId);
                    seed.State = subscription.State;
                    seed.LimitedAccessGranted.AddRange(subscription.LimitedAccessGranted);
                    foreach (ResourceGroupState group in subscription.Groups.Values)
                    {
                        FleetResourceGroup groupSeed = seed.AddResourceGroup(group.Name, group.Location);
                        foreach (AccountState account in group.Accounts.Values)
                        {
                            groupSeed.Accounts.Add(DeploymentBodies.ToSeed(account));
                        }
                    }
                }

                fleet.Locations.AddRange(Locations.Values);
                fleet.LimitedAccessModels.AddRange(LimitedAccessModels);
                return fleet.Clone();
            }
        }

        /// <summary>The deployment as a GET with the newest api-version would return it, or null.</summary>
        public JObject? FindDeployment(string subscriptionId, string resourceGroup, string account, string deployment)
        {
            lock (Sync)
            {
                CompleteDueOperations();
                AccountState? found = FindAccount(subscriptionId, resourceGroup, account);
                return found != null && found.Deployments.TryGetValue(deployment, out JObject? body) ? (JObject)body.DeepClone() : null;
            }
        }

        /// <summary>
        /// Sets a quota limit in a location (for every subscription, or only quota.SubscriptionId), replacing
        /// the entry for the same usage name and subscription; the location is added if the fleet had none.
        /// </summary>
        public void SetQuota(string location, FleetQuota quota)
        {
            ArgumentNullException.ThrowIfNull(quota);
            if (string.IsNullOrWhiteSpace(location) || string.IsNullOrWhiteSpace(quota.UsageName))
            {
                throw new ArgumentException("A quota needs a location and a usageName.");
            }

            lock (Sync)
            {
                if (!Locations.TryGetValue(location, out FleetLocation? found))
                {
                    found = new FleetLocation { Name = location };
                    Locations[location] = found;
                }

                found.Quotas.RemoveAll(q => string.Equals(q.UsageName, quota.UsageName, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(q.SubscriptionId, quota.SubscriptionId, StringComparison.OrdinalIgnoreCase));
                found.Quotas.Add(quota.Clone());
            }
        }

        /// <summary>
        /// Adds a Models_List item to a location, replacing the item for the same model format, name and
        /// version (so a test can retire or deprecate a model while the server runs).
        /// </summary>
        public void SetModel(string location, JObject item)
        {
            ArgumentNullException.ThrowIfNull(item);
            if (string.IsNullOrWhiteSpace(location) || item["model"] is not JObject model || (string?)model["name"] is null)
            {
                throw new ArgumentException("A model item needs a location and model.name.");
            }

            lock (Sync)
            {
                if (!Locations.TryGetValue(location, out FleetLocation? found))
                {
                    found = new FleetLocation { Name = location };
                    Locations[location] = found;
                }

                int index = found.Models.FindIndex(m => m["model"] is JObject other
                    && string.Equals((string?)other["format"], (string?)model["format"], StringComparison.OrdinalIgnoreCase)
                    && string.Equals((string?)other["name"], (string?)model["name"], StringComparison.OrdinalIgnoreCase)
                    && string.Equals((string?)other["version"], (string?)model["version"], StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    found.Models[index] = (JObject)item.DeepClone();
                }
                else
                {
                    found.Models.Add((JObject)item.DeepClone());
                }
            }
        }

        /// <summary>The quota limits of every location, each with its location name.</summary>
        public IReadOnlyList<KeyValuePair<string, FleetQuota>> QuotaLimits()
        {
            lock (Sync)
            {
                return Locations.Values.SelectMany(l => l.Quotas.Select(q => new KeyValuePair<string, FleetQuota>(l.Name, q.Clone()))).ToList();
            }
        }

        /// <summary>Replaces the list of model names that need a limited-access registration.</summary>
        public void SetLimitedAccessModels(IEnumerable<string> models)
        {
            lock (Sync)
            {
                LimitedAccessModels = new HashSet<string>(models, StringComparer.OrdinalIgnoreCase);
            }
        }

        /// <summary>Replaces the limited-access models a subscription is registered for; false when there is no such subscription.</summary>
        public bool SetLimitedAccessGranted(string subscriptionId, IEnumerable<string> models)
        {
            lock (Sync)
            {
                if (!Subscriptions.TryGetValue(subscriptionId, out SubscriptionState? subscription))
                {
                    return false;
                }

                subscription.LimitedAccessGranted = new HashSet<string>(models, StringComparer.OrdinalIgnoreCase);
                return true;
            }
        }

        /// <summary>Deletes an account and everything in it; false if there was none.</summary>
        public bool RemoveAccount(string subscriptionId, string resourceGroup, string account)
        {
            lock (Sync)
            {
                if (!Subscriptions.TryGetValue(subscriptionId, out SubscriptionState? subscription)
                    || !subscription.Groups.TryGetValue(resourceGroup, out ResourceGroupState? group)
                    || !group.Accounts.Remove(account, out AccountState? removed))
                {
                    return false;
                }

                removed.Exists = false;
                return true;
            }
        }

        /// <summary>Deletes an account given its ARM id, or just its name (the first account so named).</summary>
        public bool RemoveAccount(string accountIdOrName)
        {
            lock (Sync)
            {
                foreach (AccountState account in AllAccounts())
                {
                    if (string.Equals(account.Id, accountIdOrName.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
                        || string.Equals(account.Name, accountIdOrName, StringComparison.OrdinalIgnoreCase))
                    {
                        return RemoveAccount(account.SubscriptionId, account.ResourceGroup, account.Name);
                    }
                }

                return false;
            }
        }

        internal AccountState? FindAccount(string subscriptionId, string resourceGroup, string account)
        {
            return Subscriptions.TryGetValue(subscriptionId, out SubscriptionState? subscription)
                && subscription.Groups.TryGetValue(resourceGroup, out ResourceGroupState? group)
                && group.Accounts.TryGetValue(account, out AccountState? found)
                ? found
                : null;
        }

        internal IEnumerable<AccountState> AllAccounts() =>
            Subscriptions.Values.SelectMany(s => s.Groups.Values).SelectMany(g => g.Accounts.Values).ToList();

        internal string NewEtag() => "\"" + Guid.NewGuid().ToString() + "\"";

        internal string Timestamp() => Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

        internal LongRunningOperation StartOperation(OperationKind kind, AccountState account, string deploymentName, JObject? previousBody, FaultRule? failure)
        {
            var operation = new LongRunningOperation(Guid.NewGuid().ToString(), kind, account, deploymentName, previousBody, Now) { Failure = failure };
            operations[operation.Id] = operation;
            pending.Add(operation);
            account.Busy = operation;
            return operation;
        }

        internal LongRunningOperation? FindOperation(string id) => operations.TryGetValue(id, out LongRunningOperation? operation) ? operation : null;

        /// <summary>Finishes every operation whose time has come; called at the start of each request.</summary>
        internal void CompleteDueOperations()
        {
            for (int i = pending.Count - 1; i >= 0; i--)
            {
                if (IsDue(pending[i]))
                {
                    Complete(pending[i]);
                }
            }
        }

        /// <summary>Answers one poll: finishes the operation if it is due, otherwise counts an InProgress answer.</summary>
        internal void Poll(LongRunningOperation operation)
        {
            if (operation.IsDone)
            {
                return;
            }

            if (IsDue(operation))
            {
                Complete(operation);
            }
            else
            {
                operation.InProgressAnswers++;
            }
        }

        private bool IsDue(LongRunningOperation operation)
        {
            int polls = settings.LroInProgressPolls;
            TimeSpan? duration = settings.LroDuration;
            bool byPolls = polls >= 0 && operation.InProgressAnswers >= polls;
            bool byTime = duration != null && Now - operation.StartTime >= duration.Value;
            return byPolls || byTime;
        }

        private void Complete(LongRunningOperation operation)
        {
            pending.Remove(operation);
            operation.EndTime = Now;
            operation.Status = operation.Failure == null ? "Succeeded" : "Failed";
            AccountState account = operation.Account;
            if (ReferenceEquals(account.Busy, operation))
            {
                account.Busy = null;
            }

            if (!account.Exists)
            {
                return;
            }

            if (operation.Failure == null)
            {
                if (operation.Kind == OperationKind.Delete)
                {
                    account.Deployments.Remove(operation.DeploymentName);
                }
                else if (account.Deployments.TryGetValue(operation.DeploymentName, out JObject? body))
                {
                    DeploymentBodies.SetProvisioningState(body, "Succeeded");
                }

                return;
            }

            // A failed create leaves a Failed deployment behind; a failed change puts back what was there.
            JObject? restored = operation.PreviousBody ?? (account.Deployments.TryGetValue(operation.DeploymentName, out JObject? current) ? current : null);
            if (restored != null)
            {
                DeploymentBodies.SetProvisioningState(restored, "Failed");
                account.Deployments[operation.DeploymentName] = restored;
            }
        }
    }
}
