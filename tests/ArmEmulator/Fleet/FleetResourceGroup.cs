using System.Collections.Generic;
using Newtonsoft.Json;

namespace ModelLifecycle.ArmEmulator
{
    public sealed class FleetResourceGroup
    {
        [JsonProperty("name")]
        public string Name { get; set; } = "";

        [JsonProperty("location")]
        public string Location { get; set; } = "";

        [JsonProperty("accounts")]
        public List<FleetAccount> Accounts { get; set; } = new List<FleetAccount>();

        /// <summary>Adds an account; its location defaults to the resource group's.</summary>
        public FleetAccount AddAccount(string name, string? location = null, string kind = "OpenAI")
        {
            var account = new FleetAccount { Name = name, Location = location ?? Location, Kind = kind };
            Accounts.Add(account);
            return account;
        }
    }
}
