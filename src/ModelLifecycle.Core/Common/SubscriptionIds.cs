using System;

namespace ModelLifecycle.Core
{
    /// <summary>What -SubscriptionId accepts: a subscription GUID, or '*' for every subscription the sign-in can see.</summary>
    public static class SubscriptionIds
    {
        public const string Every = "*";

        public static bool IsValid(string? value) =>
            value == Every || (value is not null && Guid.TryParseExact(value.Trim(), "D", out _));
    }
}
