# The built module as a user gets it: manifest, exports, help, format data.
BeforeAll {
    $module = Import-Module ModelLifecycle -Force -PassThru -ErrorAction Stop
    $manifestPath = Join-Path $module.ModuleBase 'ModelLifecycle.psd1'
}

Describe 'The module' {
    It 'is loaded from the build output, not from src' {
        $module.ModuleBase | Should -Match ([regex]::Escape([IO.Path]::Combine('out', 'ModelLifecycle')))
    }

    It 'has a valid manifest for both editions' {
        $m = Test-ModuleManifest -Path $manifestPath
        $m.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $m.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'stamps the same version into the manifest and the assemblies' {
        $assembly = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $module.ModuleBase 'ModelLifecycle.dll')).Version
        $core = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $module.ModuleBase 'ModelLifecycle.Core.dll')).Version
        $module.Version | Should -Be ([version]"$($assembly.Major).$($assembly.Minor).$($assembly.Build)")
        $core | Should -Be $assembly
    }

    It 'exports exactly its cmdlets and nothing else' {
        (Get-Command -Module ModelLifecycle).Name | Sort-Object | Should -Be @('Export-ModelLifecycleReport', 'Find-ModelReference', 'Get-ModelRetirement', 'Invoke-ModelMigration', 'Set-DeploymentUpgradeOption', 'Test-DeploymentUpgradePolicy')
        $module.ExportedFunctions.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
    }

    It 'ships only the allow-listed files' {
        $files = Get-ChildItem -Recurse -File $module.ModuleBase | ForEach-Object { $_.FullName.Substring($module.ModuleBase.Length + 1).Replace('\', '/') } | Sort-Object
        $files | Should -Be @(
            'en-US/about_ModelLifecycle.help.txt', 'en-US/ModelLifecycle.dll-Help.xml', 'ModelLifecycle.Core.dll', 'ModelLifecycle.dll',
            'ModelLifecycle.Format.ps1xml', 'ModelLifecycle.psd1', 'ModelLifecycle.Types.ps1xml', 'Newtonsoft.Json.dll', 'samples/sample-inventory.json') -Because 'build.ps1 copies an allow-list'
    }
}

Describe 'Help' {
    It '<_> has a synopsis, a description and at least two examples' -ForEach @('Export-ModelLifecycleReport', 'Find-ModelReference', 'Get-ModelRetirement', 'Invoke-ModelMigration', 'Set-DeploymentUpgradeOption', 'Test-DeploymentUpgradePolicy') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match 'placeholder'
        ($help.description.Text -join ' ') | Should -Match '\w{20,}'
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It '<_> documents every parameter it has' -ForEach @('Export-ModelLifecycleReport', 'Find-ModelReference', 'Get-ModelRetirement', 'Invoke-ModelMigration', 'Set-DeploymentUpgradeOption', 'Test-DeploymentUpgradePolicy') {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $shouldProcess = [System.Management.Automation.CommandMetadata]::new((Get-Command $_)).SupportsShouldProcess
        $actual = (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common -or ($shouldProcess -and $_ -in 'WhatIf', 'Confirm') } | Sort-Object
        $documented = (Get-Help $_ -Full).parameters.parameter | ForEach-Object { $_.name } | Sort-Object
        $documented | Should -Be $actual
        foreach ($p in (Get-Help $_ -Full).parameters.parameter) {
            ($p.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$($p.name) needs a description"
        }
    }

    It 'has the about topic' {
        Get-Help about_ModelLifecycle | Out-String | Should -Match 'upgrade target exists only when a source records one'
    }
}
