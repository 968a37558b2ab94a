namespace ModelLifecycle.ArmEmulator
{
    /// <summary>ARM resource ids and types, spelled the way ARM spells them.</summary>
    internal static class ResourceIds
    {
        public const string Provider = "Microsoft.CognitiveServices";
        public const string AccountType = "Microsoft.CognitiveServices/accounts";
        public const string DeploymentType = "Microsoft.CognitiveServices/accounts/deployments";
        public const string CapacityType = "Microsoft.CognitiveServices/locations/models/skuCapacities";

        public static string Subscription(string subscriptionId) => "/subscriptions/" + subscriptionId;

        public static string Account(string subscriptionId, string resourceGroup, string account) =>
            $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/{Provider}/accounts/{account}";

        public static string Deployment(string subscriptionId, string resourceGroup, string account, string deployment) =>
            Account(subscriptionId, resourceGroup, account) + "/deployments/" + deployment;

        public static string Location(string subscriptionId, string location) =>
            $"/subscriptions/{subscriptionId}/providers/{Provider}/locations/{location}";
    }
}
