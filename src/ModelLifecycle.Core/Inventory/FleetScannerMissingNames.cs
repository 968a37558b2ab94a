using ModelLifecycle.Core.Arm;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// After a scan: literal names that matched nothing anywhere give one not-found error, as Get-Az*
    /// cmdlets do; only when no other error was written, since a subscription that could not be read might
    /// hold the name.
    /// </summary>
    internal static class FleetScannerMissingNames
    {
        /// <param name="discovery">The scan's discovery, when it ran; null when only named targets were read.</param>
        public static void Report(ScanRequest request, FleetScannerFilters filters, FleetScannerDiscovery? discovery, FleetScannerOutput output, string? contextSubscriptionId)
        {
            if (output.Errors > 0)
            {
                return;
            }

            if (discovery is not null)
            {
                string where = request.SubscriptionIds is { Count: 1 } one && one[0] != "*"
                    ? $"subscription '{one[0]}'"
                    : (request.SubscriptionIds?.Count ?? 0) == 0 ? $"subscription '{contextSubscriptionId}'" : "the subscriptions scanned";
                if (filters.GroupIsLiteral && !filters.AccountIsLiteral && discovery.SubscriptionsListed > 0 && discovery.GroupsMissing == discovery.SubscriptionsListed)
                {
                    output.WriteNotFound(ArmErrorIds.ResourceGroupNotFound, $"Resource group '{FleetScannerFilters.Literal(request.ResourceGroupName!)}' was not found in {where}.", request.ResourceGroupName!);
                    return;
                }

                if (filters.AccountIsLiteral && output.AccountsFound == 0)
                {
                    string inGroup = request.ResourceGroupName is null ? string.Empty : $" in resource group '{FleetScannerFilters.Literal(request.ResourceGroupName)}'";
                    output.WriteNotFound(ArmErrorIds.AccountNotFound, $"No Cognitive Services account named '{FleetScannerFilters.Literal(request.AccountName!)}'{inGroup} was found in {where}.", request.AccountName!);
                    return;
                }
            }

            if (request.DeploymentName is string name && output.Deployments == 0 && output.AccountsFound > 0)
            {
                output.WriteNotFound(ArmErrorIds.DeploymentNotFound, $"No deployment named '{name}' was found in the {output.AccountsFound} account(s) read.", name);
            }
        }
    }
}
