namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// The api-versions this client sends. The versions and the deployment properties each one knows are
    /// in the Microsoft.CognitiveServices specification,
    /// https://github.com/Azure/azure-rest-api-specs/tree/main/specification/cognitiveservices; why reads
    /// and writes share the newest one is in docs/design.md ("Nothing is lost").
    /// </summary>
    public static class ApiVersions
    {
        /// <summary>
        /// Microsoft.CognitiveServices: 2026-05-01, the newest stable version (the spec readme's default
        /// tag is package-2026-05-01). Reads and writes must use the same, newest version: a read with an
        /// older one hides spilloverDeploymentName, serviceTier and deploymentState, and a whole-body PUT
        /// of such a read would drop them. The Models API needs 2025-09-01 or later for replacementConfig.
        /// </summary>
        public const string CognitiveServices = "2026-05-01";

        /// <summary>ARM's own subscription API (GET /subscriptions): 2022-12-01.</summary>
        public const string Subscriptions = "2022-12-01";
    }
}
