#Requires -Version 7.0
<#
.SYNOPSIS
    Builds, demonstrates and tests the ModelLifecycle module.

.DESCRIPTION
    ./build.ps1                 Build the module into out/ModelLifecycle/<version>/ and run its main job
                                on the embedded catalog (no Azure account needed).
    ./build.ps1 -Task Test      Run every test: xunit, then Pester against the built module in a fresh pwsh.
    ./build.ps1 -Task Package   Build, then write out/ModelLifecycle.<version>.nupkg for the PowerShell Gallery
                                or a private feed.
    ./build.ps1 -Task Clean     Remove build output.

    On a machine with only the .NET SDK, run it through the pinned local tool:
    `dotnet tool restore`, then `dotnet pwsh ./build.ps1 ...`. Child PowerShell processes use the same
    PowerShell that runs this script, and Pester comes from NuGet when no Pester 5.5+ is installed.

    Build copies an allow-list of files into out/ and fails if one is missing, so the module never
    ships a stray file or lacks one. The version comes from ModuleVersion in Directory.Build.props.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Demo', 'Test', 'Package', 'Clean')]
    [string[]] $Task = @('Build', 'Demo'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$version = ([xml](Get-Content -Raw (Join-Path $root 'Directory.Build.props'))).Project.PropertyGroup |
    ForEach-Object { $_.ModuleVersion } | Where-Object { $_ } | Select-Object -First 1
$outRoot = Join-Path $root 'out'
$moduleDir = Join-Path $outRoot "ModelLifecycle/$version"
$publishDir = Join-Path $root "obj/publish/$Configuration"

$testPackages = Join-Path $root 'obj/test-packages'

# The PowerShell that runs this script, as a command line: `pwsh` itself, or `dotnet <pwsh.dll>` when
# it runs as a local .NET tool (`dotnet pwsh`). Child processes use it, so nothing assumes pwsh on PATH.
function Get-PwshCommand {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'pwsh') { return , @($process) }
    $entry = [Environment]::GetCommandLineArgs()[0]
    if ($entry -like '*.dll' -and (Test-Path -LiteralPath $entry)) { return , @($process, $entry) }
    $onPath = Get-Command pwsh -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($onPath) { return , @($onPath.Source) }
    throw "Cannot tell how to start PowerShell again (process '$process'); run this script with pwsh or 'dotnet pwsh'."
}

function Invoke-Pwsh {
    param([string[]] $Arguments)
    $pwsh = Get-PwshCommand
    $rest = @($pwsh | Select-Object -Skip 1) + $Arguments
    & $pwsh[0] @rest
}

function Invoke-Native {
    param([string] $File, [string[]] $Arguments)
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Write-Host "Building ModelLifecycle $version ($Configuration)" -ForegroundColor Cyan
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/ModelLifecycle/ModelLifecycle.csproj'), '-c', $Configuration, '-o', $publishDir, '--nologo', '-v', 'quiet')

    if (Test-Path $moduleDir) { Remove-Item -Recurse -Force $moduleDir }
    $null = New-Item -ItemType Directory -Force -Path $moduleDir, (Join-Path $moduleDir 'en-US'), (Join-Path $moduleDir 'samples')

    # The allow-list: what the module is made of, and nothing else.
    $files = [ordered]@{
        'ModelLifecycle.dll'               = Join-Path $publishDir 'ModelLifecycle.dll'
        'ModelLifecycle.Core.dll'          = Join-Path $publishDir 'ModelLifecycle.Core.dll'
        'Newtonsoft.Json.dll'              = Join-Path $publishDir 'Newtonsoft.Json.dll'
        'ModelLifecycle.Format.ps1xml'     = Join-Path $root 'module/ModelLifecycle.Format.ps1xml'
        'ModelLifecycle.Types.ps1xml'      = Join-Path $root 'module/ModelLifecycle.Types.ps1xml'
        'en-US/about_ModelLifecycle.help.txt' = Join-Path $root 'module/en-US/about_ModelLifecycle.help.txt'
        'samples/sample-inventory.json'    = Join-Path $root 'module/samples/sample-inventory.json'
    }
    foreach ($entry in $files.GetEnumerator()) {
        if (-not (Test-Path -LiteralPath $entry.Value)) { throw "Build output is missing '$($entry.Value)' (allow-list entry '$($entry.Key)')." }
        Copy-Item -LiteralPath $entry.Value -Destination (Join-Path $moduleDir $entry.Key)
    }

    # The manifest, stamped with the one version.
    $manifest = (Get-Content -Raw (Join-Path $root 'module/ModelLifecycle.psd1')).Replace('{{ModuleVersion}}', $version)
    Set-Content -LiteralPath (Join-Path $moduleDir 'ModelLifecycle.psd1') -Value $manifest -NoNewline -Encoding utf8

    # Cmdlet help (MAML), generated from docs/en-US/*.md.
    $maml = Join-Path $moduleDir 'en-US/ModelLifecycle.dll-Help.xml'
    $helpGenDir = Join-Path $root "obj/helpgen/$Configuration"
    Invoke-Native dotnet @('build', (Join-Path $root 'tools/HelpGen/HelpGen.csproj'), '-c', $Configuration, '-o', $helpGenDir, '--nologo', '-v', 'quiet')
    Invoke-Native dotnet @((Join-Path $helpGenDir 'HelpGen.dll'), (Join-Path $root 'docs/en-US'), $maml)
    if (-not (Test-Path $maml)) { throw "Help generation did not write $maml." }

    $null = Test-ModuleManifest -Path (Join-Path $moduleDir 'ModelLifecycle.psd1')
    Write-Host "Module written to $moduleDir" -ForegroundColor Green
}

function Invoke-Demo {
    if (-not (Test-Path (Join-Path $moduleDir 'ModelLifecycle.psd1'))) { Invoke-Build }
    # A fresh process, so the demo sees the built module exactly as a user would.
    $script = @'
param($ModulePath)
Import-Module $ModulePath -Force
Write-Host "`nWhat retires in the next 365 days (embedded catalog):" -ForegroundColor Cyan
Get-ModelRetirement -RetiringWithinDays 365 | Format-Table | Out-String -Width 160 | Write-Host
$inventory = Join-Path (Get-Module ModelLifecycle).ModuleBase 'samples/sample-inventory.json'
Write-Host "What happens to the deployments in $inventory :" -ForegroundColor Cyan
Test-DeploymentUpgradePolicy -Path $inventory -WarningAction SilentlyContinue | Format-Table | Out-String -Width 160 | Write-Host
'@
    Invoke-Pwsh @('-NoProfile', '-NonInteractive', '-Command', "& { $script } -ModulePath '$(Join-Path $moduleDir 'ModelLifecycle.psd1')'")
    if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
}

function Get-TrxCounts([string] $Directory) {
    $passed = 0; $failed = 0; $skipped = 0
    # Counted from each test's outcome: the summary counters leave skipped xunit tests out.
    foreach ($trx in Get-ChildItem -Path $Directory -Filter *.trx -ErrorAction SilentlyContinue) {
        foreach ($result in ([xml](Get-Content -Raw $trx.FullName)).TestRun.Results.ChildNodes) {
            switch ($result.outcome) {
                'Passed' { $passed++ }
                'NotExecuted' { $skipped++ }
                default { $failed++ }
            }
        }
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped }
}

# An installed Pester 5.5+, else Pester 5.9.1 restored from NuGet into obj/test-packages (its tools/
# folder is the module). Returns the module's manifest path and version, or nothing.
function Get-PesterModule {
    $installed = Get-Module -ListAvailable Pester | Where-Object { $_.Version -ge [version]'5.5' } | Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) { return [pscustomobject]@{ Path = $installed.Path; Version = $installed.Version } }
    $manifest = Join-Path $testPackages 'pester/5.9.1/tools/Pester.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        Write-Host 'No Pester 5.5+ is installed; restoring Pester 5.9.1 from NuGet.' -ForegroundColor Cyan
        & dotnet restore (Join-Path $root 'tools/TestDependencies/TestDependencies.csproj') --packages $testPackages --nologo -v quiet
        if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $manifest)) { return $null }
    }
    [pscustomobject]@{ Path = $manifest; Version = [version]'5.9.1' }
}

function Invoke-Test {
    $results = Join-Path $root 'TestResults'
    if (Test-Path $results) { Remove-Item -Recurse -Force $results }

    # The editor conventions (.editorconfig) hold for every C# file: a change that breaks them fails the run.
    Write-Host 'C# whitespace against .editorconfig' -ForegroundColor Cyan
    & dotnet format whitespace (Join-Path $root 'ModelLifecycle.sln') --verify-no-changes
    $formatExit = $LASTEXITCODE
    if ($formatExit -ne 0) { Write-Host "Run 'dotnet format whitespace ModelLifecycle.sln' to apply .editorconfig." -ForegroundColor Red }

    Write-Host 'xunit' -ForegroundColor Cyan
    & dotnet test (Join-Path $root 'ModelLifecycle.sln') -c $Configuration --nologo --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $results
    $xunitExit = $LASTEXITCODE
    $xunit = Get-TrxCounts $results

    $pester = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $pesterRan = $false
    if ($xunitExit -eq 0 -or $xunit.Failed -gt 0) {
        Invoke-Package
        $pesterModule = Get-PesterModule
        if (-not $pesterModule) {
            $pester.Failed = 1
            Write-Host 'No Pester 5.5+ is installed and Pester could not be restored from NuGet, so the Pester suite did not run.' -ForegroundColor Red
        }
        else {
            Write-Host "Pester $($pesterModule.Version) ($($pesterModule.Path)) against $moduleDir" -ForegroundColor Cyan
            $summary = Join-Path $results 'pester-summary.json'
            $runner = @'
param($OutRoot, $TestPath, $Summary, $PesterPath)
$env:PSModulePath = $OutRoot + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module $PesterPath
$config = New-PesterConfiguration
$config.Run.Path = $TestPath
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = [IO.Path]::ChangeExtension($Summary, '.xml')
$r = Invoke-Pester -Configuration $config
@{ Passed = $r.PassedCount; Failed = $r.FailedCount + $r.FailedBlocksCount + $r.FailedContainersCount; Skipped = $r.SkippedCount } | ConvertTo-Json | Set-Content $Summary
'@
            Invoke-Pwsh @('-NoProfile', '-NonInteractive', '-Command', "& { $runner } -OutRoot '$outRoot' -TestPath '$(Join-Path $root 'tests/Pester')' -Summary '$summary' -PesterPath '$($pesterModule.Path)'")
            if (Test-Path $summary) {
                $pester = Get-Content -Raw $summary | ConvertFrom-Json
                $pesterRan = $true
            }
            else {
                $pester.Failed = 1
                Write-Host 'The Pester run ended without a summary.' -ForegroundColor Red
            }
        }
    }

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed + $(if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { 1 } else { 0 }) + $(if ($formatExit -ne 0) { 1 } else { 0 })
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-Host ("xunit: {0} passed, {1} failed, {2} skipped" -f $xunit.Passed, $xunit.Failed, $xunit.Skipped)
    if ($pesterRan) { Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $pester.Passed, $pester.Failed, $pester.Skipped) }
    Write-Host ("Total: {0} passed, {1} failed, {2} skipped" -f $passed, $failed, $skipped)
    if ($failed -gt 0) { exit 1 }
}

# The nuspec the PowerShell Gallery expects, from the built manifest: the Gallery's search reads the
# PSModule / PSIncludes_Cmdlet / PSCmdlet_<Name> tags, and the module's files sit at the package root.
function New-Nuspec([hashtable] $Manifest, [string] $ContentDir) {
    $psData = $Manifest.PrivateData.PSData
    $tags = @('PSModule', 'PSIncludes_Cmdlet') + @($Manifest.CmdletsToExport | ForEach-Object { "PSCmdlet_$_" }) + @($psData.Tags)
    $x = [System.Xml.XmlDocument]::new()
    $ns = 'http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd'
    $package = $x.AppendChild($x.CreateElement('package', $ns))
    $metadata = $package.AppendChild($x.CreateElement('metadata', $ns))
    $fields = [ordered]@{
        id                       = 'ModelLifecycle'
        version                  = $Manifest.ModuleVersion
        authors                  = $Manifest.Author
        owners                   = $Manifest.CompanyName
        requireLicenseAcceptance = 'false'
        license                  = 'MIT'
        projectUrl               = $psData.ProjectUri
        description              = $Manifest.Description
        releaseNotes             = $psData.ReleaseNotes
        copyright                = $Manifest.Copyright
        tags                     = ($tags | Select-Object -Unique) -join ' '
    }
    foreach ($f in $fields.GetEnumerator()) {
        if (-not $f.Value) { throw "The module manifest gives no value for the nuspec's '$($f.Key)'." }
        $e = $metadata.AppendChild($x.CreateElement($f.Key, $ns))
        $e.InnerText = [string]$f.Value
        if ($f.Key -eq 'license') { $null = $e.SetAttribute('type', 'expression') }
    }
    $files = $package.AppendChild($x.CreateElement('files', $ns))
    $file = $files.AppendChild($x.CreateElement('file', $ns))
    $null = $file.SetAttribute('src', (Join-Path $ContentDir '**'))
    $null = $file.SetAttribute('target', '')
    $x
}

function Invoke-Package {
    Invoke-Build
    $manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $moduleDir 'ModelLifecycle.psd1')
    $work = Join-Path $root 'obj/package'
    if (Test-Path $work) { Remove-Item -Recurse -Force $work }
    $null = New-Item -ItemType Directory -Force -Path $work
    $nuspec = Join-Path $work 'ModelLifecycle.nuspec'
    (New-Nuspec $manifest $moduleDir).Save($nuspec)
    $nupkg = Join-Path $outRoot "ModelLifecycle.$version.nupkg"
    if (Test-Path $nupkg) { Remove-Item -Force $nupkg }
    Invoke-Native dotnet @('pack', (Join-Path $root 'tools/Package/Package.csproj'), '--nologo', '-v', 'quiet', '-o', $outRoot,
        "-p:NuspecFile=$nuspec", "-p:NuspecBasePath=$moduleDir", '-p:PackageId=ModelLifecycle', "-p:PackageVersion=$version")
    if (-not (Test-Path -LiteralPath $nupkg)) { throw "dotnet pack did not write $nupkg." }
    Write-Host "Package written to $nupkg" -ForegroundColor Green
}

function Invoke-Clean {
    foreach ($dir in @($outRoot, (Join-Path $root 'TestResults'), (Join-Path $root 'obj/publish'), (Join-Path $root 'obj/helpgen'))) {
        if (Test-Path $dir) { Remove-Item -Recurse -Force $dir }
    }
    Invoke-Native dotnet @('clean', (Join-Path $root 'ModelLifecycle.sln'), '--nologo', '-v', 'quiet')
}

foreach ($t in $Task) {
    switch ($t) {
        'Build' { Invoke-Build }
        'Demo' { Invoke-Demo }
        'Test' { Invoke-Test }
        'Package' { Invoke-Package }
        'Clean' { Invoke-Clean }
    }
}
