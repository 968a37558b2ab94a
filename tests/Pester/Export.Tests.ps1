# What ConvertTo-Json and Export-Csv make of each cmdlet's output. Both read the base object's CLR
# properties: an enum there becomes a number in JSON (Windows PowerShell 5.1 has no -EnumsAsStrings,
# and PowerShell 7 writes numbers by default too), a Newtonsoft token is unreadable, and dates of
# different kinds carry different offsets. Exported answers must carry names and one kind of date.
BeforeAll {
    Import-Module ModelLifecycle -Force -ErrorAction Stop
    $WarningPreference = 'SilentlyContinue'
    $sample = Join-Path (Get-Module ModelLifecycle).ModuleBase 'samples/sample-inventory.json'

    # Every property, at any depth within the module's own types and collections, whose value is an
    # enum, a Newtonsoft type, or a date that is not of kind Utc; as "Type.Property: what".
    function Find-UnexportableValue([object[]] $Objects) {
        $found = [System.Collections.Generic.List[string]]::new()
        $queue = [System.Collections.Generic.Queue[object]]::new()
        foreach ($o in $Objects) { $queue.Enqueue($o) }
        $seen = [System.Collections.Generic.HashSet[object]]::new()
        while ($queue.Count -gt 0) {
            $o = $queue.Dequeue()
            if ($null -eq $o -or -not $seen.Add($o)) { continue }
            foreach ($p in $o.PSObject.Properties) {
                if ($p.MemberType -notin 'Property', 'NoteProperty') { continue }
                $v = $p.Value
                $where = $o.GetType().Name + '.' + $p.Name
                if ($null -eq $v) { continue }
                if ($v -is [enum]) { $found.Add("${where}: enum $($v.GetType().Name)"); continue }
                if ("$($v.GetType().Namespace)" -like 'Newtonsoft*') { $found.Add("${where}: $($v.GetType().FullName)"); continue }
                if ($v -is [datetime]) { if ($v.Kind -ne 'Utc') { $found.Add("${where}: DateTime of kind $($v.Kind)") }; continue }
                $items = if ($v -is [System.Collections.IDictionary]) { @($v.Values) } elseif ($v -is [System.Collections.IEnumerable] -and $v -isnot [string]) { @($v) } else { @($v) }
                foreach ($item in $items) {
                    if ($null -eq $item) { continue }
                    if ($item -is [enum]) { $found.Add("${where}: enum $($item.GetType().Name)"); continue }
                    if ($item -is [datetime]) { if ($item.Kind -ne 'Utc') { $found.Add("${where}: DateTime of kind $($item.Kind)") }; continue }
                    if ("$($item.GetType().Namespace)" -like 'ModelLifecycle*') { $queue.Enqueue($item) }
                }
            }
        }
        , $found.ToArray()
    }

    # Properties that held enums before they became names: none may be a number in the JSON.
    $enumProperty = '"(Outcome|Severity|Mode|Status|Change)":\s*-?\d'
}

Describe 'Exported output carries names, not numbers' {
    It 'Test-DeploymentUpgradePolicy: ConvertTo-Json writes Outcome and Severity as names, and Export-Csv too' {
        $a = Test-DeploymentUpgradePolicy -Path $sample -AsOf 2026-11-22
        $a.Count | Should -BeGreaterThan 3
        Find-UnexportableValue $a | Should -BeNullOrEmpty
        $json = $a | ConvertTo-Json -Depth 5
        $json | Should -Match '"Outcome":\s*"WillStopWorking"'
        $json | Should -Match '"Outcome":\s*"Retired"'
        $json | Should -Match '"Severity":\s*"Critical"'
        $json | Should -Not -Match $enumProperty
        $back = $json | ConvertFrom-Json
        $back.Outcome | Should -Be $a.Outcome
        $csv = Join-Path $TestDrive 'verdicts.csv'
        $a | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = Import-Csv -LiteralPath $csv
        $rows.Severity | Should -Be $a.Severity
        $rows.Severity | Should -Contain 'Critical'
        $rows.Outcome | Should -Contain 'WillStopWorking'
    }

    It 'Test-DeploymentUpgradePolicy: Severity sorts by urgency when cast back to its enum, as the help shows' {
        $a = Test-DeploymentUpgradePolicy -Path $sample -AsOf 2026-11-22
        $sorted = $a | Sort-Object { [ModelLifecycle.Severity]$_.Severity } -Descending
        $ranks = @($sorted | ForEach-Object { [int][ModelLifecycle.Severity]$_.Severity })
        $ranks | Should -Be @($ranks | Sort-Object -Descending)
        $sorted[0].Severity | Should -Be 'Critical'
    }

    It 'Get-ModelRetirement: no enum, no Newtonsoft value, and every date a UTC day (per-type dates of a -CatalogPath file too)' {
        $catalog = Join-Path $TestDrive 'catalog.json'
        Set-Content -LiteralPath $catalog -Value '{ "format": "ModelLifecycle.Catalog", "formatVersion": 1, "snapshotDate": "2026-11-01", "entries": [ { "model": "contoso-model", "version": "1", "retirementDate": "2027-06-01", "retirementByDeploymentType": { "Standard": "2027-03-01" } } ] }'
        $r = @(Get-ModelRetirement -AsOf 2026-11-22) + @(Get-ModelRetirement contoso-model -CatalogPath $catalog -AsOf 2026-11-22)
        $r.Count | Should -BeGreaterThan 5
        Find-UnexportableValue $r | Should -BeNullOrEmpty
        $json = $r | ConvertTo-Json -Depth 5
        $json | Should -Not -Match $enumProperty
    }

    It 'Invoke-ModelMigration -PlanOnly: Mode, check Status and parameter Change are names' {
        $plan = Test-DeploymentUpgradePolicy -Path $sample -AsOf 2026-11-22 | Where-Object DeploymentName -eq 'dalle3-marketing' |
            Invoke-ModelMigration -TargetModel gpt-image-1-mini -PlanOnly -Offline -AsOf 2026-11-22
        $plan | Should -Not -BeNullOrEmpty
        $plan.ParameterChanges.Count | Should -BeGreaterThan 0
        Find-UnexportableValue $plan | Should -BeNullOrEmpty
        $json = $plan | ConvertTo-Json -Depth 5
        $json | Should -Match '"Mode":\s*"SideBySide"'
        $json | Should -Match '"Status":\s*"(Pass|Skipped|Warn|Fail)"'
        $json | Should -Match '"Change":\s*"(Remove|Rename|MapValues|Check|New)"'
        $json | Should -Not -Match $enumProperty
        $csv = Join-Path $TestDrive 'plan.csv'
        $plan | Export-Csv -LiteralPath $csv -NoTypeInformation
        (Import-Csv -LiteralPath $csv).Mode | Should -Be 'SideBySide'
    }

    It 'Find-ModelReference: references and the parameter changes they carry export with names' {
        $tree = Join-Path $TestDrive 'app'
        $null = New-Item -ItemType Directory -Path $tree
        Set-Content -LiteralPath (Join-Path $tree 'poster.py') -Value @(
            'img = client.images.generate(',
            '    model="dall-e-3",',
            '    quality="hd",',
            '    response_format="url",',
            ')')
        $plan = Test-DeploymentUpgradePolicy -Path $sample -AsOf 2026-11-22 | Where-Object DeploymentName -eq 'dalle3-marketing' |
            Invoke-ModelMigration -TargetModel gpt-image-1-mini -PlanOnly -Offline -AsOf 2026-11-22
        $refs = @($plan | Find-ModelReference -Path $tree -AsOf 2026-11-22)
        ($refs | Where-Object Kind -eq 'Parameter') | Should -Not -BeNullOrEmpty
        Find-UnexportableValue $refs | Should -BeNullOrEmpty
        $json = $refs | ConvertTo-Json -Depth 5
        $json | Should -Match '"Change":\s*"(Remove|Rename|MapValues|Check|New)"'
        $json | Should -Not -Match $enumProperty
    }
}
