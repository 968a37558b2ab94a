using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using Xunit;

namespace ModelLifecycle.Runspace.Tests
{
    /// <summary>The module's progress bars never take the ids a caller's own bars use.</summary>
    public sealed class ProgressTests
    {
        private const string Subscription = "a1b2c3d4-0000-4000-8000-000000000001";
        private const string Images = "/subscriptions/" + Subscription + "/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-oai-eastus/deployments/images";

        [Fact]
        public async Task A_callers_bar_keeps_its_id_and_each_command_has_ids_of_its_own()
        {
            await using var server = await ArmEmulatorServer.StartAsync(Fleet.Load(Path.Combine(ModuleRunspace.RepoRoot, "tests", "ArmEmulator", "fleets", "sample-fleet.json")));
            using var rs = new ModuleRunspace();
            rs.Invoke(
                "param($Url, $Sub) Import-Module Az.Accounts; Set-FakeAzState @{ ArmUrl = $Url; SubscriptionId = $Sub; Connected = $true }",
                new Dictionary<string, object?> { ["Url"] = server.BaseUri.ToString(), ["Sub"] = Subscription });

            // Before, the scan took id 1 and the writer id 2: the caller's bar 1 was overwritten and completed by ours.
            var r = rs.Invoke(
                "param($Id) $ProgressPreference = 'Continue'; Write-Progress -Id 1 -Activity 'the caller' -Status 'working'; " +
                "Test-DeploymentUpgradePolicy -WarningAction SilentlyContinue | Out-Null; " +
                "Set-DeploymentUpgradeOption -ResourceId $Id -UpgradeOption NoAutoUpgrade -Confirm:$false -WarningAction SilentlyContinue",
                new Dictionary<string, object?> { ["Id"] = Images });

            Assert.Null(r.Terminating);
            Assert.Empty(r.Errors);
            var ours = r.Progress.Where(p => p.Activity != "the caller").ToList();
            Assert.True(ours.Count >= 2, "both commands reported progress: " + string.Join("; ", r.Progress.Select(p => p.ActivityId + " " + p.Activity)));
            Assert.DoesNotContain(ours, p => p.ActivityId < 0x10000);
            var idsByActivity = ours.GroupBy(p => p.Activity).Select(g => g.Select(p => p.ActivityId).Distinct().Single()).ToList();
            Assert.Equal(idsByActivity.Count, idsByActivity.Distinct().Count());
        }
    }
}
