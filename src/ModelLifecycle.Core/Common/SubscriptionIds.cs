using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core
{
    /// <summary>What -SubscriptionId accepts: a subscription GUID, or '*' for every subscription the sign-in can see.</summary>
    public static class SubscriptionIds
    {
        public const string Every = "*";

        public static bool IsValid(string? value) =>
            value == Every || (value is not null && Guid.TryParseExact(value.Trim(), "D", out _));

        /// <summary>
        /// The subscriptions a -SubscriptionId value names: none given, the Az context's; '*', every
        /// subscription the sign-in can see (listed through ARM; a failure there leaves nothing to read,
        /// so it is thrown); otherwise the ids given, each once.
        /// </summary>
        public static async Task<IReadOnlyList<string>> ResolveAsync(ArmClient arm, IReadOnlyList<string>? asked, CancellationToken token)
        {
            if (asked is null || asked.Count == 0)
            {
                string? current = arm.Context.SubscriptionId;
                if (string.IsNullOrEmpty(current))
                {
                    throw new ModelLifecycleException(
                        "NoSubscription",
                        ErrorKind.InvalidOperation,
                        "The Azure context has no subscription, so there is nothing to scan.",
                        null)
                    {
                        RecommendedAction = "Choose one with Set-AzContext -Subscription <id>, or pass -SubscriptionId (\"*\" for every subscription you can see).",
                    };
                }

                return new[] { current! };
            }

            if (asked.Any(s => s?.Trim() == Every))
            {
                IReadOnlyList<JObject> listed = await arm.ListSubscriptionsAsync(token).ConfigureAwait(false);
                return listed.Select(s => (string?)s["subscriptionId"]).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            }

            return asked.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
