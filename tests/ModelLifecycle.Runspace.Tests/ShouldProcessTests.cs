using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using Xunit;

namespace ModelLifecycle.Runspace.Tests
{
    /// <summary>-WhatIf and -Confirm as PowerShell's own ShouldProcess handles them, counted at the ARM emulator.</summary>
    public sealed class ShouldProcessTests
    {
        private const string Subscription = "a1b2c3d4-0000-4000-8000-000000000001";
        private const string Images = "/subscriptions/" + Subscription + "/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-oai-eastus/deployments/images";

        private static async Task<ArmEmulatorServer> StartAsync() =>
            await ArmEmulatorServer.StartAsync(Fleet.Load(Path.Combine(ModuleRunspace.RepoRoot, "tests", "ArmEmulator", "fleets", "sample-fleet.json")));

        private static void SignIn(ModuleRunspace rs, ArmEmulatorServer server) =>
            rs.Invoke(
                "param($Url, $Sub) Import-Module Az.Accounts; Set-FakeAzState @{ ArmUrl = $Url; SubscriptionId = $Sub; Connected = $true }",
                new Dictionary<string, object?> { ["Url"] = server.BaseUri.ToString(), ["Sub"] = Subscription });

        [Fact]
        public async Task WhatIf_reads_but_writes_nothing()
        {
            await using var server = await StartAsync();
            using var rs = new ModuleRunspace();
            SignIn(rs, server);
            var r = rs.Invoke("param($Id) Set-DeploymentUpgradeOption -ResourceId $Id -UpgradeOption NoAutoUpgrade -WhatIf -WarningAction SilentlyContinue", new Dictionary<string, object?> { ["Id"] = Images });
            Assert.Null(r.Terminating);
            Assert.Empty(r.Errors);
            Assert.True(server.Counters.Count("GET") > 0, "the deployment was read");
            Assert.Equal(0, server.Counters.Writes);
        }

        [Fact]
        public async Task Confirm_false_writes_once()
        {
            await using var server = await StartAsync();
            using var rs = new ModuleRunspace();
            SignIn(rs, server);
            var r = rs.Invoke("param($Id) Set-DeploymentUpgradeOption -ResourceId $Id -UpgradeOption NoAutoUpgrade -Confirm:$false -PassThru -WarningAction SilentlyContinue", new Dictionary<string, object?> { ["Id"] = Images });
            Assert.Null(r.Terminating);
            Assert.Empty(r.Errors);
            Assert.Equal(1, server.Counters.Count("PUT"));
            var d = Assert.Single(r.Output);
            Assert.Equal("NoAutoUpgrade", d.Properties["UpgradeOption"].Value);
        }
    }
}
