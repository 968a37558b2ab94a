namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// The api-versions this client sends. See shared/reference/arm-api-facts.md, section 0 (versions) and
    /// section 2.2 (which properties each version knows).
    /// </summary>
    public static class ApiVersions
    {
        /// <summary>
        /// Microsoft.CognitiveServices: 2026-05-01, the newest stable version (arm-api-facts.md §0; the
        /// spec readme's default tag is package-2026-05-01). Reads and writes must use the same, newest
        /// version: a read with an older one hides spilloverDeploymentName, serviceTier and
        /// deploymentState (§2.2), and a whole-body PUT of such a read would drop them. The Models API
        /// needs 2025-09-01 or later for replacementConfig (§3).
        /// </summary>
        public const string CognitiveServices = "2026-05-01";

        /// <summary>ARM's own subscription API (GET /subscriptions): 2022-12-01.</summary>
        public const string Subscriptions = "2022-12-01";
    }
}
