# Export-ModelLifecycleReport end to end: assessments of the sample inventory, written by the built module.
BeforeAll {
    Import-Module ModelLifecycle -Force -ErrorAction Stop
    $WarningPreference = 'SilentlyContinue'
    $sample = Join-Path (Get-Module ModelLifecycle).ModuleBase 'samples/sample-inventory.json'
    $asOf = [datetime]'2026-01-20'
    $assessments = @(Test-DeploymentUpgradePolicy -Path $sample -AsOf $asOf)
    function Get-Terminating([scriptblock] $Action) {
        try { & $Action; $null } catch { $_ }
    }
}

Describe 'Export-ModelLifecycleReport' {
    Context 'writing' {
        It 'takes assessments from Test-DeploymentUpgradePolicy -Path and writes an HTML report' {
            $path = Join-Path $TestDrive 'pipeline.html'
            $out = Test-DeploymentUpgradePolicy -Path $sample -AsOf $asOf | Export-ModelLifecycleReport -Path $path
            $out | Should -BeNullOrEmpty
            $html = Get-Content -Raw $path
            $html | Should -Match '<!DOCTYPE html>'
            $html | Should -Match "default-src 'none'"
            $html | Should -Match 'dalle3-marketing'
            ([regex]::Matches($html, '<tr class=')).Count | Should -Be $assessments.Count
            $html | Should -Match '<time id="as-of">2026-01-20</time>'
        }

        It 'chooses the format from the extension: <Name>' -ForEach @(
            @{ Name = 'r.html'; Start = '<!DOCTYPE html>' }
            @{ Name = 'r.md'; Start = '# Model lifecycle report' }
            @{ Name = 'r.ics'; Start = 'BEGIN:VCALENDAR' }
        ) {
            $path = Join-Path $TestDrive $Name
            $assessments | Export-ModelLifecycleReport -Path $path
            (Get-Content -Raw $path).StartsWith($Start) | Should -BeTrue
        }

        It '-Format overrides the extension, and -Title names the report' {
            $path = Join-Path $TestDrive 'summary.txt'
            $assessments | Export-ModelLifecycleReport -Path $path -Format Markdown -Title 'Weekly check'
            (Get-Content $path -TotalCount 1) | Should -Be '# Weekly check'
        }

        It '-PassThru returns the file as Get-Item would' {
            $path = Join-Path $TestDrive 'passthru.md'
            $file = $assessments | Export-ModelLifecycleReport -Path $path -PassThru
            $file | Should -BeOfType [System.IO.FileInfo]
            $file.FullName | Should -Be $path
            $file.Length | Should -BeGreaterThan 0
            $file.PSParentPath | Should -Not -BeNullOrEmpty
        }

        It 'resolves a relative path against the current location' {
            Push-Location $TestDrive
            try {
                $assessments | Export-ModelLifecycleReport -Path ./relative.md
            }
            finally { Pop-Location }
            Join-Path $TestDrive 'relative.md' | Should -Exist
        }

        It 'writes a report that says "no deployments" for empty input' {
            $path = Join-Path $TestDrive 'empty.html'
            @() | Export-ModelLifecycleReport -Path $path
            Get-Content -Raw $path | Should -Match 'No deployments'
        }

        It 'the calendar reminder fires -WarningDays before' {
            $path = Join-Path $TestDrive 'reminder.ics'
            $assessments | Export-ModelLifecycleReport -Path $path -WarningDays 14
            $ics = Get-Content -Raw $path
            $ics | Should -Match "TRIGGER:-P14D`r`n"
            ([regex]::Matches($ics, 'BEGIN:VEVENT')).Count | Should -Be @($assessments | Where-Object EffectiveDate).Count
        }

        It '-AsOf sets the report''s today' {
            $path = Join-Path $TestDrive 'asof.md'
            $assessments | Export-ModelLifecycleReport -Path $path -AsOf '2026-02-01'
            Get-Content -Raw $path | Should -Match 'As of 2026-02-01'
        }

        It 'shows a hostile deployment name as text' {
            $a = $assessments[0]
            $name = '<img src=x onerror=alert(1)>'
            $hostile = $a.GetType().GetProperty('DeploymentName').SetValue($a, $name)
            $path = Join-Path $TestDrive 'hostile.html'
            $a | Export-ModelLifecycleReport -Path $path
            $html = Get-Content -Raw $path
            $html | Should -Not -Match '<img'
            $html | Should -Match ([regex]::Escape('&lt;img src=x onerror=alert(1)&gt;'))
        }
    }

    Context 'an existing file, as Export-Csv' {
        BeforeEach {
            $path = Join-Path $TestDrive 'existing.md'
            Set-Content -Path $path -Value 'old'
        }

        It '-WhatIf writes nothing' {
            $assessments | Export-ModelLifecycleReport -Path $path -WhatIf
            Get-Content $path | Should -Be 'old'
            $assessments | Export-ModelLifecycleReport -Path (Join-Path $TestDrive 'whatif.html') -WhatIf
            Join-Path $TestDrive 'whatif.html' | Should -Not -Exist
        }

        It 'replaces it by default' {
            $assessments | Export-ModelLifecycleReport -Path $path
            Get-Content $path -TotalCount 1 | Should -Be '# Model lifecycle report'
        }

        It '-NoClobber stops with ReportFileExists and leaves it alone' {
            $e = Get-Terminating { $assessments | Export-ModelLifecycleReport -Path $path -NoClobber }
            $e.FullyQualifiedErrorId | Should -BeLike 'ReportFileExists,*'
            $e.CategoryInfo.Category | Should -Be 'ResourceExists'
            Get-Content $path | Should -Be 'old'
        }

        It 'a read-only file needs -Force' {
            Set-ItemProperty -Path $path -Name IsReadOnly -Value $true
            $e = Get-Terminating { $assessments | Export-ModelLifecycleReport -Path $path }
            $e.FullyQualifiedErrorId | Should -BeLike 'ReportFileReadOnly,*'
            $e.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $assessments | Export-ModelLifecycleReport -Path $path -Force
            Get-Content $path -TotalCount 1 | Should -Be '# Model lifecycle report'
        }
    }

    Context 'errors' {
        It 'an unknown extension without -Format stops with ReportFormatUnknown before reading input' {
            $e = Get-Terminating { $assessments | Export-ModelLifecycleReport -Path (Join-Path $TestDrive 'report.txt') }
            $e.FullyQualifiedErrorId | Should -BeLike 'ReportFormatUnknown,*'
            $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
            Join-Path $TestDrive 'report.txt' | Should -Not -Exist
        }

        It 'a bad -Format value is refused by parameter binding' {
            $e = Get-Terminating { $assessments | Export-ModelLifecycleReport -Path (Join-Path $TestDrive 'x.html') -Format Pdf }
            $e.FullyQualifiedErrorId | Should -BeLike 'CannotConvertArgumentNoMessage,*'
        }

        It 'a missing directory stops with ReportDirectoryNotFound' {
            $e = Get-Terminating { $assessments | Export-ModelLifecycleReport -Path (Join-Path $TestDrive 'nope/r.html') }
            $e.FullyQualifiedErrorId | Should -BeLike 'ReportDirectoryNotFound,*'
            $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'a directory as -Path stops with ReportPathIsDirectory' {
            $e = Get-Terminating { $assessments | Export-ModelLifecycleReport -Path $TestDrive }
            $e.FullyQualifiedErrorId | Should -BeLike 'ReportPathIsDirectory,*'
            $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'a path on another drive stops with ReportPathNotInFileSystem' {
            $e = Get-Terminating { $assessments | Export-ModelLifecycleReport -Path 'Env:/report.html' }
            $e.FullyQualifiedErrorId | Should -BeLike 'ReportPathNotInFileSystem,*'
        }

        It 'other objects are one error each and the report is written without them' {
            $path = Join-Path $TestDrive 'mixed.md'
            $err = $null
            @($assessments[0], 'not an assessment', 42) | Export-ModelLifecycleReport -Path $path -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 2
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ReportInputNotSupported,*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            Get-Content -Raw $path | Should -Match '\*\*1 deployment:\*\*'
        }
    }
}
