using System;
using System.Management.Automation;
using ModelLifecycle.Core;

namespace ModelLifecycle.Binding
{
    /// <summary>
    /// Refuses a -SubscriptionId that is neither a GUID nor '*' at binding, before any Azure call: a
    /// subscription name or a typo would otherwise become a "not found" per account, or nothing at all.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateSubscriptionIdAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var value = element is PSObject wrapped ? wrapped.BaseObject : element;
            if (!SubscriptionIds.IsValid(value as string))
            {
                throw new ValidationMetadataException(
                    $"'{value}' is not a subscription id. Give the subscription's GUID (Get-AzSubscription lists them), or '*' for every subscription the sign-in can see.");
            }
        }
    }
}
