# Starts the local ARM emulator as a process and points the fake Az.Accounts module at it.
# Dot-source from BeforeAll; call Stop-ArmEmulator from AfterAll.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Start-ArmEmulator {
    param([string] $Fleet = (Join-Path $script:RepoRoot 'tests/ArmEmulator/fleets/sample-fleet.json'), [string] $Token = 'fake-token-0001', [string[]] $ExtraArguments = @())
    $dll = @('Release', 'Debug') | ForEach-Object { Join-Path $script:RepoRoot "tests/ArmEmulator/bin/$_/net10.0/ArmEmulator.dll" } | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $dll) {
        & dotnet build (Join-Path $script:RepoRoot 'tests/ArmEmulator/ArmEmulator.csproj') -c Release --nologo -v quiet | Out-Null
        $dll = Join-Path $script:RepoRoot 'tests/ArmEmulator/bin/Release/net10.0/ArmEmulator.dll'
    }

    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll, '--fleet', $Fleet, '--token', $Token, '--lro-polls', '1') + $ExtraArguments) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardInput = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $first = $process.StandardOutput.ReadLine()
    if ($first -notmatch '^Listening on (http://127\.0\.0\.1:\d+/)$') { $process.Kill(); throw "The ARM emulator did not start: '$first'" }
    [pscustomobject]@{ Process = $process; Url = $Matches[1] }
}

function Stop-ArmEmulator([object] $Emulator) {
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        $Emulator.Process.StandardInput.Close()
        if (-not $Emulator.Process.WaitForExit(5000)) { $Emulator.Process.Kill() }
    }
}

function Get-EmulatorCounters([object] $Emulator) { Invoke-RestMethod -Uri ($Emulator.Url + '_emulator/counters') }

function Reset-EmulatorCounters([object] $Emulator) { $null = Invoke-RestMethod -Method Post -Uri ($Emulator.Url + '_emulator/reset-counters') }

function Add-EmulatorFault([object] $Emulator, [hashtable] $Rule) {
    Invoke-RestMethod -Method Post -Uri ($Emulator.Url + '_emulator/faults') -ContentType 'application/json' -Body ($Rule | ConvertTo-Json)
}

function Clear-EmulatorFaults([object] $Emulator) { $null = Invoke-RestMethod -Method Delete -Uri ($Emulator.Url + '_emulator/faults') }

function Use-FakeAzAccounts {
    $fake = Join-Path $PSScriptRoot 'FakeAz'
    if (($env:PSModulePath -split [IO.Path]::PathSeparator) -notcontains $fake) {
        $env:PSModulePath = $fake + [IO.Path]::PathSeparator + $env:PSModulePath
    }
    Import-Module (Join-Path $fake 'Az.Accounts/Az.Accounts.psd1') -Force -Global
}

# Runs a fresh PowerShell process with the same PowerShell that runs the tests: `pwsh` itself, or
# `dotnet <pwsh.dll>` when the tests run under the pinned local .NET tool (no pwsh on PATH then).
function Invoke-FreshPwsh {
    param([Parameter(Mandatory)] [string] $Command)
    $exe = [Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -ne 'pwsh') { $prefix = @([Environment]::GetCommandLineArgs()[0]) }
    & $exe @prefix -NoProfile -NonInteractive -Command $Command
}
