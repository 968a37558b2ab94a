using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using ModelLifecycle.Commands;
using ModelLifecycle.Core;
using Xunit;

namespace ModelLifecycle.Tests
{
    /// <summary>What the engine will see of each cmdlet, checked without an engine.</summary>
    public class CmdletMetadataTests
    {
        private static readonly Type[] Cmdlets = typeof(ModelLifecycleCmdlet).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t)).OrderBy(t => t.Name).ToArray();

        public static IEnumerable<object[]> CmdletTypes => Cmdlets.Select(t => new object[] { t });

        private static string Name(Type t) => Meta.CmdletName(t);

        [Fact]
        public void The_assembly_has_the_documented_cmdlets()
        {
            Assert.Equal(new[] { "Export-ModelLifecycleReport", "Find-ModelReference", "Get-ModelRetirement", "Invoke-ModelMigration", "Set-DeploymentUpgradeOption", "Test-DeploymentUpgradePolicy" }, Cmdlets.Select(Name).OrderBy(n => n));
        }

        [Theory]
        [MemberData(nameof(CmdletTypes))]
        public void Each_cmdlet_uses_an_approved_verb_and_declares_its_output(Type cmdlet)
        {
            // Approved verbs, by the names of the Verbs* classes' fields (their values are constants in metadata).
            var approved = new[] { typeof(VerbsCommon), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsData) }
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Select(f => f.Name);
            Assert.Contains(Meta.Verb(cmdlet), approved);
            Assert.NotEmpty(Meta.OutputTypeNames(cmdlet));
            Assert.True(cmdlet.IsSealed, "cmdlets are sealed");
        }

        [Theory]
        [MemberData(nameof(CmdletTypes))]
        public void State_changing_cmdlets_support_ShouldProcess(Type cmdlet)
        {
            // Export writes a file, and supports -WhatIf as Export-Csv does.
            var changesState = new[] { "Set", "New", "Remove", "Invoke", "Update", "Move", "Export" }.Contains(Meta.Verb(cmdlet));
            Assert.Equal(changesState, Meta.SupportsShouldProcess(cmdlet));
        }

        [Fact]
        public void Output_types_have_the_contract_names()
        {
            Assert.Equal(new[] { "ModelLifecycle.ModelRetirement" }, Meta.OutputTypeNames(typeof(GetModelRetirementCommand)));
            var testTypes = Meta.OutputTypeNames(typeof(TestDeploymentUpgradePolicyCommand)).ToList();
            Assert.Contains("ModelLifecycle.UpgradePolicyAssessment", testTypes);
            Assert.Contains("System.Boolean", testTypes);
            Assert.Equal(new[] { "ModelLifecycle.ModelReference" }, Meta.OutputTypeNames(typeof(FindModelReferenceCommand)));
            Assert.Equal(new[] { "System.IO.FileInfo" }, Meta.OutputTypeNames(typeof(ExportModelLifecycleReportCommand)));
        }

        private static Meta.Param[] Param(Type t, string property) => Meta.Parameters(t).Where(p => p.Property == property).ToArray();

        [Fact]
        public void Deployments_bind_from_the_pipeline()
        {
            Assert.Contains(Param(typeof(TestDeploymentUpgradePolicyCommand), "InputObject"), p => p.FromPipeline && p.Mandatory && p.Set == "ByInput");
            Assert.Contains(Param(typeof(TestDeploymentUpgradePolicyCommand), "Path"), p => p.FromPipelineByPropertyName && p.Set == "ByPath");
            Assert.Contains(Param(typeof(GetModelRetirementCommand), "InputObject"), p => p.FromPipeline && p.Set == "ByDeployment");
            Assert.Contains(Param(typeof(GetModelRetirementCommand), "Name"), p => p.Position == 0 && p.Set == "ByName");
            Assert.True(Meta.Has<SupportsWildcardsAttribute>(typeof(GetModelRetirementCommand).GetProperty("Name")!));
            var completer = Meta.Attribute<ArgumentCompleterAttribute>(typeof(GetModelRetirementCommand).GetProperty("Name")!)!;
            Assert.Equal(typeof(Binding.ModelNameCompleter), completer.ConstructorArguments[0].Value);
        }

        [Fact]
        public void Find_ModelReference_takes_paths_first_and_deployments_from_the_pipeline()
        {
            var find = typeof(FindModelReferenceCommand);
            Assert.Contains(Param(find, "Path"), p => p.Position == 0 && !p.Mandatory && p.Set == "Path");
            Assert.Contains(Param(find, "LiteralPath"), p => p.Mandatory && p.Set == "LiteralPath" && !p.FromPipelineByPropertyName);
            Assert.Contains(Param(find, "InputObject"), p => p.FromPipeline && !p.Mandatory && p.Set is null);
            Assert.True(Meta.Has<SupportsWildcardsAttribute>(find.GetProperty("Path")!));
            Assert.False(Meta.Has<SupportsWildcardsAttribute>(find.GetProperty("LiteralPath")!));
            Assert.False(Meta.Has<SupportsWildcardsAttribute>(find.GetProperty("DeploymentName")!), "deployment names are searched as written");
            var completer = Meta.Attribute<ArgumentCompleterAttribute>(find.GetProperty("Model")!)!;
            Assert.Equal(typeof(Binding.ModelNameCompleter), completer.ConstructorArguments[0].Value);
            Assert.Equal("Path", Meta.DefaultParameterSet(find));
        }

        [Fact]
        public void Default_parameter_sets_exist()
        {
            foreach (var t in Cmdlets)
            {
                Assert.Contains(Meta.DefaultParameterSet(t), Meta.Parameters(t).Select(p => p.Set).Distinct());
            }
        }

        [Fact]
        public void The_manifest_exports_exactly_the_assembly_cmdlets_and_nothing_else()
        {
            var psd1 = File.ReadAllText(Path.Combine(Repo.Root, "module", "ModelLifecycle.psd1"));
            var exports = Regex.Match(psd1, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)").Groups["list"].Value;
            var names = Regex.Matches(exports, "'([^']+)'").Cast<Match>().Select(m => m.Groups[1].Value).OrderBy(n => n);
            Assert.Equal(Cmdlets.Select(Name).OrderBy(n => n), names);
            Assert.Matches(@"FunctionsToExport\s*=\s*@\(\)", psd1);
            Assert.Matches(@"AliasesToExport\s*=\s*@\(\)", psd1);
            Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", psd1);
            Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", psd1);
            Assert.Contains("ModuleVersion          = '{{ModuleVersion}}'", psd1);
        }

        [Fact]
        public void Both_assemblies_carry_the_one_version()
        {
            var props = File.ReadAllText(Path.Combine(Repo.Root, "Directory.Build.props"));
            var version = Version.Parse(Regex.Match(props, "<ModuleVersion>([^<]+)</ModuleVersion>").Groups[1].Value);
            Assert.Equal(version, Trim(typeof(ModelLifecycleCmdlet).Assembly.GetName().Version!));
            Assert.Equal(version, Trim(typeof(ModelLifecycleException).Assembly.GetName().Version!));
        }

        private static Version Trim(Version v) => new Version(v.Major, v.Minor, v.Build);

        [Fact]
        public void Both_assemblies_target_netstandard20_and_the_Core_has_no_PowerShell_reference()
        {
            foreach (var a in new[] { typeof(ModelLifecycleCmdlet).Assembly, typeof(ModelLifecycleException).Assembly })
            {
                var tfm = a.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()!.FrameworkName;
                Assert.Equal(".NETStandard,Version=v2.0", tfm);
            }

            Assert.DoesNotContain(typeof(ModelLifecycleException).Assembly.GetReferencedAssemblies(), r => r.Name == "System.Management.Automation");
        }

        [Fact]
        public void Every_error_kind_maps_to_a_real_error_category()
        {
            foreach (ErrorKind kind in Enum.GetValues(typeof(ErrorKind)))
            {
                Assert.True(Enum.TryParse<ErrorCategory>(kind.ToString(), out _), $"ErrorKind.{kind} has no ErrorCategory of the same name");
            }

            // (ErrorRecord itself is checked in Pester: the reference assembly here cannot build one.)
        }
    }
}
