namespace ModelLifecycle.Core.Migration
{
    /// <summary>The preflight checks of a migration plan, in the order a plan lists them (CMDLETS.md).</summary>
    public static class MigrationCheckNames
    {
        public const string SourceFound = "SourceFound";
        public const string TargetResolved = "TargetResolved";
        public const string ModeAllowed = "ModeAllowed";
        public const string TargetOffered = "TargetOffered";
        public const string TargetLifecycle = "TargetLifecycle";
        public const string Quota = "Quota";
        public const string NameAvailable = "NameAvailable";
        public const string LimitedAccess = "LimitedAccess";

        public static readonly string[] All =
        {
            SourceFound, TargetResolved, ModeAllowed, TargetOffered, TargetLifecycle, Quota, NameAvailable, LimitedAccess,
        };
    }
}
