# Export-ModelLifecycleReport at fleet size: 2,000 assessments to HTML, against ConvertTo-Html of the
# same objects as the yardstick. Reports times, their ratio and the file sizes, measured in one run.
# Run after a build:  dotnet pwsh ./bench/report.ps1 [-Count 2000] [-Reps 7]
param(
    [int] $Count = 2000,
    [int] $Reps = 7
)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
$env:PSModulePath = (Join-Path $root 'out') + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module ModelLifecycle -Force
$WarningPreference = 'SilentlyContinue'

# The sample inventory's deployments, repeated over 40 accounts in 2 subscriptions.
$sample = Join-Path (Get-Module ModelLifecycle).ModuleBase 'samples/sample-inventory.json'
$inventory = Get-Content -Raw $sample | ConvertFrom-Json
$work = Join-Path ([IO.Path]::GetTempPath()) ('mlc-report-bench-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $work
try {
    $fleet = foreach ($i in 0..($Count - 1)) {
        $d = $inventory.value[$i % $inventory.value.Count] | ConvertTo-Json -Depth 10 | ConvertFrom-Json
        $d.name = 'deployment-{0:d5}' -f $i
        $d.id = '/subscriptions/00000000-0000-0000-0000-00000000000{0}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/account-{1:d2}/deployments/{2}' -f ($i % 2), ($i % 40), $d.name
        $d
    }
    $file = Join-Path $work 'fleet.json'
    @{ value = @($fleet) } | ConvertTo-Json -Depth 12 | Set-Content $file
    $assessments = @(Test-DeploymentUpgradePolicy -Path $file -AsOf 2026-01-20)

    function Measure-Median([scriptblock] $Action) {
        & $Action | Out-Null # warm-up
        $times = foreach ($r in 1..$Reps) { (Measure-Command { & $Action }).TotalMilliseconds }
        ($times | Sort-Object)[[int][math]::Floor($Reps / 2)]
    }

    $html = Join-Path $work 'report.html'
    $plain = Join-Path $work 'convertto.html'
    $report = Measure-Median { $assessments | Export-ModelLifecycleReport -Path $html }
    $convert = Measure-Median { $assessments | ConvertTo-Html | Set-Content -Path $plain }

    $result = [ordered]@{
        deployments = $assessments.Count
        exportMs = [math]::Round($report, 1)
        convertToHtmlMs = [math]::Round($convert, 1)
        ratio = [math]::Round($report / $convert, 2)
        exportBytes = (Get-Item $html).Length
        convertToHtmlBytes = (Get-Item $plain).Length
        pwsh = $PSVersionTable.PSVersion.ToString()
        when = [DateTime]::UtcNow.ToString('u')
    }
    [pscustomobject]$result | Format-List
    $results = Join-Path $PSScriptRoot 'results'
    $null = New-Item -ItemType Directory -Force -Path $results
    $result | ConvertTo-Json | Set-Content (Join-Path $results 'report.json')
}
finally {
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}
