using System.Collections.Generic;
using ModelLifecycle.ArmEmulator;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Tests.Arm;
using Newtonsoft.Json.Linq;
using static ModelLifecycle.Core.Tests.Support.Catalogs;

namespace ModelLifecycle.Core.Tests.Migration
{
    /// <summary>
    /// Fleets for migration runs: accounts in eastus whose "chat" (gpt-4o 2024-08-06, GlobalStandard 50)
    /// carries every setting a new deployment must keep, a provisioned "ptu", and a location catalog in
    /// which each ARM refusal can be provoked. Quotas are roomy unless a test tightens them.
    /// </summary>
    internal static class MigrationFleets
    {
        public const string Subscription = TestFleetIds.Subscription;
        public const string Group = "rg-mig";
        public const string Account = "acct-mig";
        public const string Location = "eastus";
        public const string AsOf = "2026-11-30";

        public static string AccountName(int i) => i == 0 ? Account : Account + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <param name="accounts">How many accounts, each with "chat" and "ptu".</param>
        /// <param name="extraChats">Plain gpt-4o GlobalStandard deployments "chat-1" ... per account.</param>
        public static Fleet Build(int accounts = 1, int extraChats = 0)
        {
            var fleet = new Fleet();
            FleetSubscription subscription = fleet.AddSubscription(Subscription, "Migration", "00000000-0000-4000-8000-00000000000f");
            FleetResourceGroup group = subscription.AddResourceGroup(Group, Location);
            for (int a = 0; a < accounts; a++)
            {
                FleetAccount account = group.AddAccount(AccountName(a));
                FleetDeployment chat = account.AddDeployment("chat", "gpt-4o", "2024-08-06", "GlobalStandard", 50, "OnceNewDefaultVersionAvailable");
                chat.Properties["raiPolicyName"] = "strict-filter";
                chat.Properties["spilloverDeploymentName"] = "chat-overflow";
                chat.Properties["serviceTier"] = "Priority";
                chat.Properties["futureKnob"] = new JObject { ["level"] = 3, ["modes"] = new JArray("a", "b") };
                chat.Tags = new Dictionary<string, string> { ["owner"] = "team-a", ["cost-center"] = "42" };
                account.AddDeployment("ptu", "gpt-4o", "2024-08-06", "GlobalProvisionedManaged", 100, "OnceNewDefaultVersionAvailable");
                for (int i = 1; i <= extraChats; i++)
                {
                    account.AddDeployment("chat-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "gpt-4o", "2024-08-06", "GlobalStandard", 10, "OnceNewDefaultVersionAvailable");
                }
            }

            fleet.LimitedAccessModels.Add("gpt-5");
            fleet.Location(Location)
                .AddModel(Model("gpt-4o", "2024-08-06", "GenerallyAvailable", true, "gpt-4o", provisioned: true))
                .AddModel(Model("gpt-4o", "2024-11-20", "GenerallyAvailable", false, "gpt-4o", provisioned: true))
                .AddModel(Model("gpt-4.1", "2025-04-14", "GenerallyAvailable", true, "gpt-4.1", provisioned: true))
                .AddModel(Model("gpt-4o-mini", "2024-07-18", "Deprecating", true, "gpt-4o-mini"))
                .AddModel(Model("gpt-5", "2025-08-07", "GenerallyAvailable", true, "gpt-5"))
                .AddModel(Model("gpt-35-turbo", "0125", "GenerallyAvailable", true, "gpt-35-turbo"))
                .AddQuota("OpenAI.GlobalStandard.gpt-4o", 100000)
                .AddQuota("OpenAI.GlobalStandard.gpt-4.1", 100000)
                .AddQuota("OpenAI.GlobalStandard.gpt-4o-mini", 1000)
                .AddQuota("OpenAI.GlobalStandard.gpt-5", 1000)
                .AddQuota("OpenAI.GlobalStandard.gpt-35-turbo", 1000)
                .AddQuota("OpenAI.GlobalProvisionedManaged", 100000);
            return fleet;
        }

        /// <summary>A Models_List item; retired means lifecycleStatus Deprecated (ARM then refuses new deployments).</summary>
        public static JObject Model(string name, string version, string lifecycle, bool isDefault, string usage, bool provisioned = false)
        {
            ModelItem item = ModelItem.Create(name, version).Lifecycle(lifecycle).DefaultVersion(isDefault)
                .Sku("GlobalStandard", "OpenAI.GlobalStandard." + usage);
            if (provisioned)
            {
                item.Sku("GlobalProvisionedManaged", "OpenAI.GlobalProvisionedManaged");
            }

            return item.ToJson();
        }

        /// <summary>The catalog the plans are made with: every target generally available and far from retirement.</summary>
        public static LifecycleCatalog Catalog { get; } = FromEntries(@"[
          { ""model"": ""gpt-4o"", ""version"": ""2024-08-06"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2027-06-01"", ""replacements"": [ { ""model"": ""gpt-4.1"", ""version"": ""2025-04-14"" } ] },
          { ""model"": ""gpt-4o"", ""version"": ""2024-11-20"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2028-06-01"" },
          { ""model"": ""gpt-4.1"", ""version"": ""2025-04-14"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2028-06-01"" },
          { ""model"": ""gpt-35-turbo"", ""version"": ""0125"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2028-06-01"" },
          { ""model"": ""gpt-5"", ""version"": ""2025-08-07"", ""stage"": ""GenerallyAvailable"", ""retirementDate"": ""2028-06-01"" }
        ]", "2026-11-01");
    }
}
