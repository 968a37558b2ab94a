# The HTML report in a real browser: Debian's headless chromium, driven over the DevTools protocol.
# Without /usr/bin/chromium (or $env:MODELLIFECYCLE_CHROMIUM) these tests are skipped, unless
# $env:MODELLIFECYCLE_REQUIRE_BROWSER is 1, when a missing browser fails the run.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'BrowserSupport.ps1')
    $noBrowser = -not (Find-Chromium)
    $requireBrowser = $env:MODELLIFECYCLE_REQUIRE_BROWSER -eq '1'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'BrowserSupport.ps1')
    Import-Module ModelLifecycle -Force -ErrorAction Stop
    $WarningPreference = 'SilentlyContinue'
    $sample = Join-Path (Get-Module ModelLifecycle).ModuleBase 'samples/sample-inventory.json'
    $asOf = [datetime]'2026-01-20'
    $shots = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'TestResults/report'
    $null = New-Item -ItemType Directory -Force -Path $shots

    # The sample inventory, with one deployment renamed to markup that would run script if it were not escaped.
    $hostileName = '<img src=x onerror=alert(1)>'
    $assessments = @(Test-DeploymentUpgradePolicy -Path $sample -AsOf $asOf)
    $assessments[1].GetType().GetProperty('DeploymentName').SetValue($assessments[1], $hostileName)
    $page = Join-Path $TestDrive 'report.html'
    $assessments | Export-ModelLifecycleReport -Path $page -Title 'Sample inventory'

    # 2,000 deployments: the sample's seven, spread over 2 subscriptions and 40 accounts.
    $inventory = Get-Content -Raw $sample | ConvertFrom-Json
    $fleet = foreach ($i in 0..1999) {
        $d = $inventory.value[$i % $inventory.value.Count] | ConvertTo-Json -Depth 10 | ConvertFrom-Json
        $account = 'account-{0:d2}' -f ($i % 40)
        $d.name = 'deployment-{0:d4}' -f $i
        $d.id = '/subscriptions/00000000-0000-0000-0000-00000000000{0}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/{1}/deployments/{2}' -f ($i % 2), $account, $d.name
        $d
    }
    $fleetFile = Join-Path $TestDrive 'fleet.json'
    @{ value = @($fleet) } | ConvertTo-Json -Depth 12 | Set-Content $fleetFile
    $bigPage = Join-Path $TestDrive 'fleet.html'
    Test-DeploymentUpgradePolicy -Path $fleetFile -AsOf $asOf | Export-ModelLifecycleReport -Path $bigPage -Title '2,000 deployments'

    $browser = $null
    if (Find-Chromium) {
        $browser = Start-HeadlessBrowser (Find-Chromium)
        foreach ($domain in 'Page', 'Runtime', 'Log', 'Network') { Invoke-Cdp $browser "$domain.enable" | Out-Null }
    }

    function Get-Problems {
        # Anything the page complained about or tried to load; file:// is the page itself.
        foreach ($e in $browser.Events) {
            switch ($e.method) {
                'Runtime.exceptionThrown' { "exception: $($e.params.exceptionDetails.text)" }
                'Runtime.consoleAPICalled' { if ($e.params.type -in 'error', 'warning', 'assert') { "console.$($e.params.type): $($e.params.args.value -join ' ')" } }
                'Log.entryAdded' { if ($e.params.entry.level -in 'error', 'warning') { "log $($e.params.entry.level): $($e.params.entry.text)" } }
                'Network.requestWillBeSent' { if (-not $e.params.request.url.StartsWith('file:')) { "request: $($e.params.request.url)" } }
                'Page.javascriptDialogOpening' { "dialog: $($e.params.message)" }
            }
        }
    }

    function Get-VisibleNames {
        Invoke-PageScript $browser "Array.prototype.filter.call(document.querySelectorAll('#deployments tbody tr'), r => !r.hidden).map(r => r.cells[3].querySelector('.name').textContent)"
    }
}

AfterAll {
    Stop-HeadlessBrowser $browser
}

Describe 'The HTML report in headless chromium' {
    It 'has a browser to run in' -Skip:(-not $requireBrowser) {
        Find-Chromium | Should -Not -BeNullOrEmpty -Because 'MODELLIFECYCLE_REQUIRE_BROWSER=1 asks for chromium (apt-get install chromium)'
    }

    Context 'the sample inventory at 1280 x 900' -Skip:$noBrowser {
        BeforeAll {
            Open-Page $browser $page 1280 900
        }

        It 'loads with no console error, no exception and no network request' {
            @(Get-Problems) | Should -BeNullOrEmpty
            Invoke-PageScript $browser 'document.title' | Should -Be 'Sample inventory'
        }

        It 'shows the hostile deployment name as text, with no img element and no dialog' {
            Invoke-PageScript $browser "document.querySelectorAll('img').length" | Should -Be 0
            Get-VisibleNames | Should -Contain $hostileName
            @($browser.Events | Where-Object method -EQ 'Page.javascriptDialogOpening') | Should -BeNullOrEmpty
        }

        It 'ran its script: the filter controls are shown and every header is a sort button' {
            Invoke-PageScript $browser "document.getElementById('controls').hidden" | Should -BeFalse
            Invoke-PageScript $browser "document.querySelectorAll('#deployments thead th button').length" | Should -Be 7
        }

        It 'filters by text and by severity' {
            Invoke-PageScript $browser "(() => { const t = document.getElementById('filter-text'); t.value = 'DALLE3'; t.dispatchEvent(new Event('input')); })()" | Out-Null
            Get-VisibleNames | Should -Be @('dalle3-marketing')
            Invoke-PageScript $browser "document.getElementById('shown').textContent" | Should -Be '1'

            Invoke-PageScript $browser "(() => { const t = document.getElementById('filter-text'); t.value = ''; t.dispatchEvent(new Event('input')); const s = document.getElementById('filter-severity'); s.value = 'Warning'; s.dispatchEvent(new Event('change')); })()" | Out-Null
            $warning = @($assessments | Where-Object Severity -EQ 'Warning').DeploymentName
            @(Get-VisibleNames) | Sort-Object | Should -Be @($warning | Sort-Object)

            Invoke-PageScript $browser "(() => { const s = document.getElementById('filter-severity'); s.value = ''; s.dispatchEvent(new Event('change')); })()" | Out-Null
            @(Get-VisibleNames).Count | Should -Be $assessments.Count
        }

        It 'sorts by a column, ascending then descending' {
            $byDate = $assessments | Sort-Object { if ($_.EffectiveDate) { $_.EffectiveDate } else { [datetime]::MaxValue } }
            Invoke-PageScript $browser "document.querySelectorAll('#deployments thead th button')[1].click()" | Out-Null
            $ascending = @(Invoke-PageScript $browser "Array.prototype.map.call(document.querySelectorAll('#deployments tbody tr'), r => r.cells[1].getAttribute('data-v'))")
            $ascending | Should -Be @($ascending | Sort-Object)
            $ascending[0] | Should -Be $byDate[0].EffectiveDate.ToString('yyyy-MM-dd')
            Invoke-PageScript $browser "document.querySelectorAll('#deployments thead th')[1].getAttribute('aria-sort')" | Should -Be 'ascending'

            Invoke-PageScript $browser "document.querySelectorAll('#deployments thead th button')[1].click()" | Out-Null
            $descending = @(Invoke-PageScript $browser "Array.prototype.map.call(document.querySelectorAll('#deployments tbody tr'), r => r.cells[1].getAttribute('data-v'))")
            $descending | Should -Be @($ascending | Sort-Object -Descending)
        }

        It 'fits the timeline and the table in the width' {
            Invoke-PageScript $browser 'document.documentElement.scrollWidth <= window.innerWidth' | Should -BeTrue
            Invoke-PageScript $browser "document.querySelector('.table-wrap').scrollWidth <= document.querySelector('.table-wrap').clientWidth" | Should -BeTrue
            Save-Screenshot $browser (Join-Path $shots 'report-1280x900.png')
            Save-Screenshot $browser (Join-Path $shots 'report-1280-full.png') -FullPage
            Save-Pdf $browser (Join-Path $shots 'report-print.pdf')
            Join-Path $shots 'report-1280x900.png' | Should -Exist
        }
    }

    Context 'the sample inventory at phone width, 390 x 844' -Skip:$noBrowser {
        BeforeAll {
            Open-Page $browser $page 390 844 -Mobile
        }

        It 'does not scroll sideways: rows become cards, only the timeline scrolls' {
            @(Get-Problems) | Should -BeNullOrEmpty
            Invoke-PageScript $browser 'document.documentElement.scrollWidth <= window.innerWidth' | Should -BeTrue
            Invoke-PageScript $browser "getComputedStyle(document.querySelector('#deployments tbody tr')).display" | Should -Be 'block'
            Save-Screenshot $browser (Join-Path $shots 'report-390x844.png')
            Save-Screenshot $browser (Join-Path $shots 'report-390-full.png') -FullPage
        }
    }

    Context 'the checks themselves' -Skip:$noBrowser {
        It 'would see a network request and a script the policy blocked' {
            # A page that tries both: proves Get-Problems is not blind.
            $bad = Join-Path $TestDrive 'bad.html'
            Set-Content -Path $bad -Value "<!DOCTYPE html><meta http-equiv=`"Content-Security-Policy`" content=`"script-src 'none'`"><img src=`"http://127.0.0.1:9/x.png`"><script>document.title = 1</script>"
            Open-Page $browser $bad 800 600
            $problems = @(Get-Problems)
            $problems | Where-Object { $_ -like 'request: http://127.0.0.1:9/*' } | Should -Not -BeNullOrEmpty
            $problems | Where-Object { $_ -like 'log error:*' -or $_ -like 'console.error:*' } | Should -Not -BeNullOrEmpty
        }
    }

    Context '2,000 deployments at 1280 x 900' -Skip:$noBrowser {
        BeforeAll {
            Open-Page $browser $bigPage 1280 900
        }

        It 'loads clean, every deployment is in the table and the marks add up to 2,000' {
            @(Get-Problems) | Should -BeNullOrEmpty
            Invoke-PageScript $browser "document.querySelectorAll('#deployments tbody tr').length" | Should -Be 2000
            Invoke-PageScript $browser "Array.prototype.reduce.call(document.querySelectorAll('#timeline .mark'), (n, m) => n + Number(m.getAttribute('data-count')), 0)" | Should -Be 2000
            Invoke-PageScript $browser "document.querySelectorAll('#timeline .mark').length" | Should -BeLessThan 400
            Save-Screenshot $browser (Join-Path $shots 'report-2000-1280x900.png')
        }
    }
}
