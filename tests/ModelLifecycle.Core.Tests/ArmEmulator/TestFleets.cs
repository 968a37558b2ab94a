using ModelLifecycle.ArmEmulator;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>Small fleets written for these tests (the official examples are only read, never copied).</summary>
    internal static class TestFleets
    {
        public const string Subscription = "00000000-0000-4000-8000-0000000000a1";
        public const string OtherSubscription = "00000000-0000-4000-8000-0000000000b2";
        public const string Group = "rg-one";
        public const string Account = "acct-one";
        public const string SecondAccount = "acct-two";
        public const string Api = "api-version=2026-05-01";

        public static string AccountPath(string account = Account) =>
            $"/subscriptions/{Subscription}/resourceGroups/{Group}/providers/Microsoft.CognitiveServices/accounts/{account}";

        public static string DeploymentPath(string deployment, string account = Account) =>
            $"{AccountPath(account)}/deployments/{deployment}?{Api}";

        /// <summary>
        /// Two accounts in one subscription, an empty second subscription, and an eastus catalog.
        /// "chat" carries the newest members and an invented one; "embed" is plain.
        /// </summary>
        public static Fleet Small()
        {
            var fleet = new Fleet();
            FleetSubscription subscription = fleet.AddSubscription(Subscription, "Test One", "00000000-0000-4000-8000-00000000000f");
            fleet.AddSubscription(OtherSubscription, "Test Two", "00000000-0000-4000-8000-00000000000f");
            FleetResourceGroup group = subscription.AddResourceGroup(Group, "eastus");

            FleetAccount one = group.AddAccount(Account);
            FleetDeployment chat = one.AddDeployment("chat", "gpt-4o", "2024-08-06", "GlobalStandard", 50, "OnceNewDefaultVersionAvailable");
            chat.Properties["spilloverDeploymentName"] = "chat-overflow";
            chat.Properties["serviceTier"] = "Priority";
            chat.Properties["deploymentState"] = "Running";
            chat.Properties["capacitySettings"] = new JObject { ["designatedCapacity"] = 10, ["priority"] = 1 };
            chat.Properties["futureKnob"] = new JObject { ["level"] = 3, ["modes"] = new JArray("a", "b") };
            chat.Properties["capabilities"] = new JObject { ["chatCompletion"] = "true" };
            chat.Properties["rateLimits"] = new JArray(new JObject { ["key"] = "request", ["renewalPeriod"] = 10, ["count"] = 50 });
            chat.Tags = new System.Collections.Generic.Dictionary<string, string> { ["owner"] = "team-a" };
            one.AddDeployment("embed", "text-embedding-3-large", "1", "Standard", 20);

            FleetAccount two = group.AddAccount(SecondAccount, "eastus", "AIServices");
            for (int i = 1; i <= 3; i++)
            {
                two.AddDeployment($"d{i}", "gpt-4.1", "2025-04-14", "GlobalStandard", 10 * i);
            }

            fleet.Location("eastus")
                .AddModel(ModelItem.Create("gpt-4o", "2024-08-06").Lifecycle("GenerallyAvailable").DefaultVersion(true)
                    .Deprecation("2026-10-01T00:00:00Z", deprecationStatus: "Planned")
                    .Sku("GlobalStandard", "OpenAI.GlobalStandard.gpt-4o", "2026-10-01T00:00:00Z")
                    .Replacement("gpt-4.1", "2025-04-14", "2026-09-01T00:00:00Z", 7)
                    .Capability("chatCompletion", "true").ToJson())
                .AddModel(ModelItem.Create("gpt-4.1", "2025-04-14").Lifecycle("GenerallyAvailable").DefaultVersion(true)
                    .Capability("chatCompletion", "true").Capability("responses", "true").ToJson())
                .AddUsage("AccountCount", "Cognitive Services total account limit", 2, 200)
                .AddUsage("OpenAI.GlobalStandard.gpt-4o", "Tokens Per Minute (thousands) - gpt-4o", 50, 450)
                .AddModelCapacity("OpenAI", "gpt-4.1", "2025-04-14", "GlobalStandard", 300, 0);
            return fleet;
        }
    }
}
