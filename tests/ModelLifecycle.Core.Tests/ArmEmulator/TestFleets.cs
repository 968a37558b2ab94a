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

        /// <summary>
        /// <see cref="Small"/> plus what a migration meets: a provisioned "ptu" deployment, a newer gpt-4o
        /// version, a retired model (gpt-35-turbo), a deprecated one (gpt-4o-mini), a limited-access one
        /// (gpt-5), and a gpt-4o GlobalStandard quota of 100 for every subscription (chat uses 50).
        /// </summary>
        public static Fleet Migration()
        {
            Fleet fleet = Small();
            fleet.Subscriptions[0].ResourceGroups[0].Accounts[0].AddDeployment("ptu", "gpt-4o", "2024-08-06", "GlobalProvisionedManaged", 50);
            fleet.LimitedAccessModels.Add("gpt-5");
            fleet.Location("eastus")
                .AddModel(ModelItem.Create("gpt-4o", "2024-11-20").Lifecycle("GenerallyAvailable").DefaultVersion(false)
                    .Sku("GlobalStandard", "OpenAI.GlobalStandard.gpt-4o", "2026-10-01T00:00:00Z").ToJson())
                .AddModel(ModelItem.Create("gpt-35-turbo", "0125").Lifecycle("Deprecated").DefaultVersion(true)
                    .Deprecation("2025-11-14T00:00:00Z").Sku("Standard", "OpenAI.Standard.gpt-35-turbo").ToJson())
                .AddModel(ModelItem.Create("gpt-4o-mini", "2024-07-18").Lifecycle("Deprecating").DefaultVersion(true)
                    .Deprecation("2026-03-31T00:00:00Z").Sku("GlobalStandard", "OpenAI.GlobalStandard.gpt-4o-mini").ToJson())
                .AddModel(ModelItem.Create("gpt-5", "2025-08-07").Lifecycle("GenerallyAvailable").DefaultVersion(true)
                    .Sku("GlobalStandard", "OpenAI.GlobalStandard.gpt-5").ToJson())
                .AddQuota("OpenAI.GlobalStandard.gpt-4o", 100, "Tokens Per Minute (thousands) - gpt-4o - GlobalStandard");
            return fleet;
        }

        /// <summary>A PUT body for a deployment of <paramref name="model"/> on <paramref name="sku"/>.</summary>
        public static JObject DeploymentBody(string model, string? version, string sku, int capacity)
        {
            var modelJson = new JObject { ["format"] = "OpenAI", ["name"] = model };
            if (version != null)
            {
                modelJson["version"] = version;
            }

            return new JObject
            {
                ["sku"] = new JObject { ["name"] = sku, ["capacity"] = capacity },
                ["properties"] = new JObject { ["model"] = modelJson, ["versionUpgradeOption"] = "OnceNewDefaultVersionAvailable" },
            };
        }
    }
}
