namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// What a scan request's resource-group and account names mean: PowerShell wildcards, or literal names
    /// (a backtick escapes a wildcard character), which discovery can read with one GET instead of a list.
    /// </summary>
    internal sealed class FleetScannerFilters
    {
        public FleetScannerFilters(ScanRequest request)
        {
            Group = string.IsNullOrEmpty(request.ResourceGroupName) ? null : new Wildcard(request.ResourceGroupName!);
            Account = string.IsNullOrEmpty(request.AccountName) ? null : new Wildcard(request.AccountName!);
        }

        /// <summary>The resource-group filter; null when the request names none.</summary>
        public Wildcard? Group { get; }

        /// <summary>The account filter; null when the request names none.</summary>
        public Wildcard? Account { get; }

        public bool GroupIsLiteral => Group is { IsLiteral: true };

        public bool AccountIsLiteral => Account is { IsLiteral: true };

        /// <summary>Whether a discovered account passes both filters.</summary>
        public bool Matches(AzureResourceId account) =>
            (Group?.IsMatch(account.ResourceGroupName) ?? true) && (Account?.IsMatch(account.AccountName) ?? true);

        /// <summary>A name without its escapes, as ARM spells it.</summary>
        public static string Literal(string pattern) => pattern.Replace("`", string.Empty);
    }
}
