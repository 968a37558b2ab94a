# The .nupkg as a user gets it from the PowerShell Gallery or a private feed: build.ps1 -Task Test
# writes it (Package) before this suite runs. Opened, checked, extracted and imported in a fresh process.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $module = Import-Module ModelLifecycle -Force -PassThru -ErrorAction Stop
    $outRoot = Split-Path (Split-Path $module.ModuleBase -Parent) -Parent
    $nupkg = Join-Path $outRoot "ModelLifecycle.$($module.Version).nupkg"
    $extracted = Join-Path ([IO.Path]::GetTempPath()) ('ml-nupkg-' + [guid]::NewGuid())
    if (Test-Path -LiteralPath $nupkg) { [IO.Compression.ZipFile]::ExtractToDirectory($nupkg, $extracted) }
    $cmdlets = @($module.ExportedCmdlets.Keys | Sort-Object)
}

AfterAll {
    if ($extracted -and (Test-Path -LiteralPath $extracted)) { Remove-Item -Recurse -Force -LiteralPath $extracted }
}

Describe 'The .nupkg' {
    It 'exists next to the module folder' {
        $nupkg | Should -Exist
    }

    It 'holds the module folder''s files at its root, the nuspec and the package parts, nothing else' {
        $moduleFiles = Get-ChildItem -Recurse -File $module.ModuleBase | ForEach-Object { $_.FullName.Substring($module.ModuleBase.Length + 1).Replace('\', '/') }
        $expected = @($moduleFiles) + @('ModelLifecycle.nuspec', '[Content_Types].xml', '_rels/.rels', 'package/services/metadata/core-properties/nuget.psmdcp')
        $zip = [IO.Compression.ZipFile]::OpenRead($nupkg)
        try { $entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
        ($entries | Sort-Object) | Should -Be ($expected | Sort-Object)
    }

    It 'has the metadata the PowerShell Gallery reads' {
        $spec = [xml](Get-Content -Raw -LiteralPath (Join-Path $extracted 'ModelLifecycle.nuspec'))
        $m = $spec.package.metadata
        $m.id | Should -Be 'ModelLifecycle'
        $m.version | Should -Be ([string]$module.Version)
        $m.license.InnerText | Should -Be 'MIT'
        $m.projectUrl | Should -Match '^https://'
        $m.description | Should -Not -BeNullOrEmpty
        $m.authors | Should -Not -BeNullOrEmpty
        $tags = $m.tags -split ' '
        $tags | Should -Contain 'PSModule'
        $tags | Should -Contain 'PSIncludes_Cmdlet'
        foreach ($c in $cmdlets) { $tags | Should -Contain "PSCmdlet_$c" }
    }

    It 'imports from the extracted folder and runs each cmdlet' {
        $psd1 = Join-Path $extracted 'ModelLifecycle.psd1'
        $work = Join-Path $extracted 'work'
        $null = New-Item -ItemType Directory -Path $work
        Set-Content -LiteralPath (Join-Path $work 'app.py') -Value 'client.images.generate(model="dall-e-3")'
        $script = @"
`$env:PSModulePath = ''
`$m = Import-Module '$psd1' -PassThru -ErrorAction Stop
'base=' + `$m.ModuleBase
'retire=' + @(Get-ModelRetirement dall-e-3).Count
'assess=' + @(Test-DeploymentUpgradePolicy -Path (Join-Path `$m.ModuleBase 'samples/sample-inventory.json') -WarningAction SilentlyContinue).Count
'refs=' + @(Find-ModelReference -Path '$work' -Model dall-e-3).Count
'plans=' + @(Test-DeploymentUpgradePolicy -Path (Join-Path `$m.ModuleBase 'samples/sample-inventory.json') -WarningAction SilentlyContinue | Where-Object DeploymentName -eq 'dalle3-marketing' | Invoke-ModelMigration -PlanOnly -Offline -WarningAction SilentlyContinue).Count
Test-DeploymentUpgradePolicy -Path (Join-Path `$m.ModuleBase 'samples/sample-inventory.json') -WarningAction SilentlyContinue | Export-ModelLifecycleReport -Path '$work/report.html'
'report=' + (Get-Content -Raw '$work/report.html').Contains('dalle3-marketing')
try { Set-DeploymentUpgradeOption -SubscriptionId 00000000-0000-0000-0000-000000000000 -UpgradeOption NoAutoUpgrade -WhatIf -ErrorAction Stop } catch { 'set=' + `$_.FullyQualifiedErrorId }
"@
        $lines = Invoke-FreshPwsh -Command $script
        $lines | Should -Contain ('base=' + (Resolve-Path -LiteralPath $extracted).Path)
        ($lines | Where-Object { $_ -like 'retire=*' }) | Should -Not -Be 'retire=0'
        ($lines | Where-Object { $_ -like 'assess=*' }) | Should -Be 'assess=7'
        ($lines | Where-Object { $_ -like 'refs=*' }) | Should -Be 'refs=1'
        ($lines | Where-Object { $_ -like 'plans=*' }) | Should -Be 'plans=1'
        ($lines | Where-Object { $_ -like 'report=*' }) | Should -Be 'report=True'
        # Without Az.Accounts the write cmdlet stops with its own clear error, which proves it loaded and bound.
        ($lines | Where-Object { $_ -like 'set=*' }) | Should -Match '^set=AzAccountsNotInstalled,'
    }
}
