namespace ModelLifecycle.Core
{
    /// <summary>
    /// The Core numbers the progress bars of one command 1, 2, 3 and so on. They say which bar within
    /// the command, not which bar on the screen: the host adds a base of its own for each command
    /// (<c>ProgressIds</c> in the module), so a caller's <c>Write-Progress -Id 1</c> is never
    /// overwritten or completed by ours, and two of our commands in one pipeline keep their own bars.
    /// </summary>
    public static class ProgressBars
    {
        /// <summary>Reading the accounts and deployments of a fleet.</summary>
        public const int Discovery = 1;

        /// <summary>Planning migrations.</summary>
        public const int Planning = 2;

        /// <summary>Writing versionUpgradeOption.</summary>
        public const int Writing = 3;

        /// <summary>Running migrations.</summary>
        public const int Migrating = 4;

        /// <summary>Searching a code base.</summary>
        public const int Searching = 5;
    }
}
