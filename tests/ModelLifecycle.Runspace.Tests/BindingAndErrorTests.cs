using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace ModelLifecycle.Runspace.Tests
{
    /// <summary>Parameter binding, pipeline input and error records, as PowerShell itself produces them.</summary>
    public sealed class BindingAndErrorTests
    {
        private static string SampleInventory => Path.Combine(ModuleRunspace.RepoRoot, "module", "samples", "sample-inventory.json");

        [Fact]
        public void A_model_binds_by_position_and_comes_back_as_the_modules_type()
        {
            using var rs = new ModuleRunspace();
            var r = rs.Invoke("Get-ModelRetirement dall-e-3 -WarningAction SilentlyContinue");
            Assert.Null(r.Terminating);
            Assert.NotEmpty(r.Output);
            Assert.All(r.Output, o => Assert.Equal("dall-e-3", (string)o.Properties["Model"].Value));
            Assert.Contains("ModelLifecycle.ModelRetirement", r.Output[0].TypeNames);
        }

        [Fact]
        public void An_Az_shaped_object_from_the_pipeline_is_assessed()
        {
            using var rs = new ModuleRunspace();
            var r = rs.Invoke(@"
[pscustomobject]@{
    Id         = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/images-acct/deployments/dalle'
    Name       = 'dalle'
    Sku        = [pscustomobject]@{ Name = 'Standard'; Capacity = 1 }
    Properties = [pscustomobject]@{
        Model                = [pscustomobject]@{ Format = 'OpenAI'; Name = 'dall-e-3'; Version = '3.0' }
        VersionUpgradeOption = 'OnceNewDefaultVersionAvailable'
    }
} | Test-DeploymentUpgradePolicy -AsOf 2026-01-15 -WarningAction SilentlyContinue");
            Assert.Null(r.Terminating);
            Assert.Empty(r.Errors);
            var a = Assert.Single(r.Output);
            Assert.Equal("dalle", a.Properties["DeploymentName"].Value);
            Assert.Equal("images-acct", a.Properties["AccountName"].Value);
            Assert.Equal("WillStopWorking", a.Properties["Outcome"].Value.ToString());
        }

        [Fact]
        public void An_empty_pipeline_is_no_input_and_never_discovers_the_subscription()
        {
            using var rs = new ModuleRunspace();
            // Without the rule, this asks for a token and lists every account of the subscription.
            var r = rs.Invoke("Import-Module Az.Accounts; Set-FakeAzState @{ ArmUrl = 'http://127.0.0.1:9/' }; @() | Test-DeploymentUpgradePolicy -WarningAction SilentlyContinue; (Get-FakeAzState).TokenCalls");
            Assert.Null(r.Terminating);
            Assert.Empty(r.Errors);
            Assert.Equal(0, (int)Assert.Single(r.Output).BaseObject);
        }

        [Fact]
        public void An_invalid_upgrade_option_is_refused_at_binding_before_any_request()
        {
            using var rs = new ModuleRunspace();
            var r = rs.Invoke("Set-DeploymentUpgradeOption -ResourceId /subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/deployments/d -UpgradeOption Sometimes");
            // In a script a binding failure is a statement-terminating error: the script goes on, the record is in the error stream.
            var e = Assert.Single(r.Errors);
            Assert.IsAssignableFrom<ParameterBindingException>(e.Exception);
            Assert.Equal("ParameterArgumentValidationError,ModelLifecycle.Commands.SetDeploymentUpgradeOptionCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        }

        [Fact]
        public void A_missing_file_is_one_non_terminating_error_and_the_other_files_are_still_read()
        {
            using var rs = new ModuleRunspace();
            string missing = Path.Combine(Path.GetTempPath(), "no-such-inventory-" + System.Guid.NewGuid() + ".json");
            var r = rs.Invoke(
                "param($Paths) Test-DeploymentUpgradePolicy -Path $Paths -AsOf 2026-01-15 -WarningAction SilentlyContinue",
                new Dictionary<string, object?> { ["Paths"] = new[] { missing, SampleInventory } });
            Assert.Null(r.Terminating);
            var e = Assert.Single(r.Errors);
            Assert.Equal("InventoryFileNotFound,ModelLifecycle.Commands.TestDeploymentUpgradePolicyCommand", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.Equal(missing, e.TargetObject);
            Assert.Equal(7, r.Output.Count);
        }

        [Fact]
        public void Under_ErrorAction_Stop_the_same_error_ends_the_command()
        {
            using var rs = new ModuleRunspace();
            var r = rs.Invoke("Test-DeploymentUpgradePolicy -Path ./no-such-inventory.json -ErrorAction Stop -WarningAction SilentlyContinue");
            Assert.NotNull(r.Terminating);
            Assert.StartsWith("InventoryFileNotFound,", r.TerminatingRecord!.FullyQualifiedErrorId);
        }

        [Fact]
        public void Selected_assessments_keep_their_type_name_and_values()
        {
            using var rs = new ModuleRunspace();
            var r = rs.Invoke(
                "param($Path) Test-DeploymentUpgradePolicy -Path $Path -AsOf 2026-01-15 -WarningAction SilentlyContinue | Where-Object Severity -eq Warning | Select-Object -First 1 -Property DeploymentName, Outcome",
                new Dictionary<string, object?> { ["Path"] = SampleInventory });
            Assert.Null(r.Terminating);
            var a = Assert.Single(r.Output);
            Assert.Contains(a.TypeNames, t => t.StartsWith("Selected.ModelLifecycle.", System.StringComparison.Ordinal));
            Assert.Equal("WillStopWorking", a.Properties["Outcome"].Value.ToString());
        }
    }
}
