# Get-ModelRetirement end to end on the embedded catalog.
BeforeAll {
    Import-Module ModelLifecycle -Force -ErrorAction Stop
    $WarningPreference = 'SilentlyContinue'
}

Describe 'Get-ModelRetirement' {
    It 'answers dall-e-3 by name although it has retired' {
        $r = Get-ModelRetirement dall-e-3 -AsOf 2026-11-22
        $r.PSObject.TypeNames[0] | Should -Be 'ModelLifecycle.ModelRetirement'
        $r.Stage | Should -Be 'Retired'
        $r.RetirementDate | Should -Be ([datetime]'2026-03-04')
        $r.DaysUntilRetirement | Should -Be -263
        @($r.Replacement.Model) | Should -Be @('gpt-image-1', 'gpt-image-1.5', 'gpt-image-1-mini')
    }

    It 'finds the ARM version spelling' {
        (Get-ModelRetirement dall-e-3 -Version 3.0).Version | Should -Be '3'
    }

    It 'hides retired versions behind wildcards unless -IncludeRetired' {
        $open = Get-ModelRetirement 'gpt-4o*' -AsOf 2026-11-22
        $open.Stage | Should -Not -Contain 'Retired'
        $all = Get-ModelRetirement 'gpt-4o*' -AsOf 2026-11-22 -IncludeRetired
        $all | Where-Object { $_.Model -eq 'gpt-4o' -and $_.Version -eq '2024-08-06' -and $_.Stage -eq 'Retired' } | Should -Not -BeNullOrEmpty
    }

    It 'filters by days and stage' {
        $soon = Get-ModelRetirement -RetiringWithinDays 45 -AsOf 2026-09-01
        $soon | ForEach-Object { $_.RetirementDate | Should -BeLessOrEqual ([datetime]'2026-10-16') }
        $soon.Model | Should -Contain 'o3-mini'
        Get-ModelRetirement -Stage Retired -Name o1 -AsOf 2026-11-22 | Should -HaveCount 1
    }

    It 'keeps each cloud''s schedule' {
        (Get-ModelRetirement dall-e-2 -Cloud OpenAI).RetirementDate | Should -Be ([datetime]'2026-05-12')
        (Get-ModelRetirement gpt-4o -Version 2024-11-20 -Cloud AzureUSGovernment).RetirementDate | Should -Be ([datetime]'2027-04-14')
    }

    It 'gives the record for a piped Az-shaped deployment' {
        $d = [pscustomobject]@{
            Id         = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a/deployments/chat'
            Name       = 'chat'
            Sku        = [pscustomobject]@{ Name = 'Standard'; Capacity = 10 }
            Properties = [pscustomobject]@{ Model = [pscustomobject]@{ Format = 'OpenAI'; Name = 'o3-mini'; Version = '2025-01-31' }; VersionUpgradeOption = 'NoAutoUpgrade' }
        }
        $r = $d | Get-ModelRetirement
        $r.Model | Should -Be 'o3-mini'
        $r.Replacement.Model | Should -Be 'o4-mini'
    }

    It 'writes ModelNotInCatalog for an unknown exact name and goes on' {
        $r = Get-ModelRetirement -Name 'no-such-model', 'o1' -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Model | Should -Be 'o1'
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ModelNotInCatalog,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'warns when the catalog is more than 90 days older than -AsOf, and only then' {
        $null = Get-ModelRetirement o1 -AsOf 2026-11-22 -WarningVariable w -WarningAction SilentlyContinue
        $w | Should -HaveCount 1
        "$w" | Should -Match '2026-07-07'
        $null = Get-ModelRetirement o1 -AsOf 2026-08-01 -WarningVariable w2 -WarningAction SilentlyContinue
        $w2 | Should -HaveCount 0
    }

    It 'lays a -CatalogPath file over the embedded catalog' {
        $file = Join-Path $TestDrive 'mine.json'
        '{ "format": "ModelLifecycle.Catalog", "formatVersion": 1, "snapshotDate": "2026-11-01", "entries": [ { "model": "o1", "version": "2024-12-17", "retirementDate": "2027-01-31" } ] }' | Set-Content $file
        $r = Get-ModelRetirement o1 -CatalogPath $file -AsOf 2026-11-22 -WarningVariable w -WarningAction SilentlyContinue
        $r.RetirementDate | Should -Be ([datetime]'2027-01-31')
        $r.Source | Should -Be 'File'
        $r.Notes -join ' ' | Should -Match '2026-09-16'
        $w | Should -HaveCount 0 -Because 'the file is newer than 90 days'
    }

    It 'still warns about the embedded data when a small newer -CatalogPath file covers only some answers' {
        $file = Join-Path $TestDrive 'small.json'
        '{ "format": "ModelLifecycle.Catalog", "formatVersion": 1, "snapshotDate": "2026-11-01", "entries": [ { "model": "o1", "version": "2024-12-17", "retirementDate": "2027-01-31" } ] }' | Set-Content $file
        $null = Get-ModelRetirement o1 -Version 2024-12-17 -CatalogPath $file -AsOf 2026-11-22 -WarningVariable fresh -WarningAction SilentlyContinue
        $fresh | Should -HaveCount 0 -Because 'the answer used only the file''s current data'
        $r = Get-ModelRetirement o1, gpt-4o -CatalogPath $file -AsOf 2026-11-22 -WarningVariable w -WarningAction SilentlyContinue
        ($r | Where-Object Model -eq 'gpt-4o') | Should -Not -BeNullOrEmpty
        $w | Should -HaveCount 1 -Because 'one warning per data date'
        "$w" | Should -Match '2026-07-07'
        ($r | Where-Object Model -eq 'o1' | Where-Object Version -eq '2024-12-17').DataDate | Should -Be ([datetime]'2026-11-01')
    }

    It 'describes a file that is not JSON in its own words' {
        $file = Join-Path $TestDrive 'notjson.json'
        "{ `"formatVersion`": 1, `"entries`": [`n  { `"model`": gpt-4o } ] }" | Set-Content $file
        $e = { Get-ModelRetirement -CatalogPath $file } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'CatalogFileInvalid,*'
        $e.Exception.Message | Should -Match "notjson\.json.*line 2, position 14: the JSON is malformed: unexpected 'g'"
        $e.Exception.Message | Should -Not -Match 'encountered|Path '''
    }

    It 'accepts the OpenAI spelling of an Azure model name' {
        $r = Get-ModelRetirement gpt-3.5-turbo -IncludeRetired -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 0
        $r.Model | Should -Contain 'gpt-35-turbo'
    }

    It 'stops with CatalogFileInvalid naming file, line and position' {
        $file = Join-Path $TestDrive 'bad.json'
        "{ `"formatVersion`": 1, `"entries`": [`n  { `"model`": `"x`", `"retirementDate`": `"soon`" } ] }" | Set-Content $file
        $e = { Get-ModelRetirement -CatalogPath $file } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'CatalogFileInvalid,*'
        $e.CategoryInfo.Category | Should -Be 'InvalidData'
        $e.Exception.Message | Should -Match 'bad\.json.*line 2, position \d+.*retirementDate'
    }

    It 'rejects an unknown stage at binding' {
        { Get-ModelRetirement -Stage Gone } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'completes model names' {
        $line = 'Get-ModelRetirement -Name dall'
        $c = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $c.CompletionMatches.CompletionText | Should -Contain 'dall-e-3'
        $c.CompletionMatches.CompletionText | Should -Not -Contain 'gpt-4o'
    }

    It 'takes model names from the pipeline, as with -Name' {
        $byName = Get-ModelRetirement gpt-4o, o1 -AsOf 2026-01-15
        $piped = 'gpt-4o', 'o1' | Get-ModelRetirement -AsOf 2026-01-15 -ErrorAction Stop
        $piped | Should -HaveCount $byName.Count
        ($piped | ForEach-Object { "$($_.Model) $($_.Version)" } | Sort-Object) | Should -Be ($byName | ForEach-Object { "$($_.Model) $($_.Version)" } | Sort-Object)
        'no-such-model' | Get-ModelRetirement -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ModelNotInCatalog,*'
    }

    It 'renders its table and list views' {
        $r = Get-ModelRetirement gpt-4o -IncludeRetired
        ($r | Format-Table | Out-String -Width 200) | Should -Match 'Stage\s+Retires\s+Days\s+Replacement'
        ((Get-ModelRetirement gpt-4o-mini -Version 2024-07-18) | Format-Table | Out-String -Width 80) | Should -Match 'GenerallyAvailable|Retired\s' -Because 'Stage is not squeezed to one letter at 80 columns'
        ($r | Format-Table | Out-String -Width 80) | Should -Match 'Retires\s+Days\s+Replacement' -Because 'the key columns fit an 80-column console'
        $embeddings = Get-ModelRetirement text-embedding-3-small, text-embedding-3-large -AsOf 2026-11-22 -WarningAction SilentlyContinue | Format-Table | Out-String -Width 80
        $embeddings | Should -Match 'text-embedding-3-small\s' -Because 'two models that differ only at the end of the name stay apart at 80 columns'
        $embeddings | Should -Match 'text-embedding-3-large\s'
        $embeddings | Should -Match 'GA\s+2027-04-15' -Because 'Stage says GA to make room for the name'
        ($r | Format-List | Out-String -Width 200) | Should -Match 'ByDeploymentType\s*: Standard=2026-03-31'
    }

    It 'shows when training of a fine-tuned model retires, in the record and in Format-List' {
        $ft = Get-ModelRetirement gpt-4o-mini -Version 2024-07-18 -AsOf 2026-11-22 | Where-Object Kind -eq FineTuned
        $ft.TrainingRetirementDate | Should -Be ([datetime]'2027-04-01')
        ($ft | Format-List | Out-String -Width 200) | Should -Match 'TrainingRetirementDate\s*: 2027-04-01'
        $base = Get-ModelRetirement gpt-4o-mini -Version 2024-07-18 -AsOf 2026-11-22 | Where-Object Kind -eq Base
        ($base | Format-List | Out-String -Width 200) | Should -Not -Match 'TrainingRetirementDate'
    }

    It 'exports readable CSV and structured JSON' {
        $r = Get-ModelRetirement dall-e-3
        ($r | ConvertTo-Csv | ConvertFrom-Csv).Replacement | Should -Be 'gpt-image-1, gpt-image-1.5, gpt-image-1-mini'
        $json = $r | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $json.Replacement.Model | Should -Be @('gpt-image-1', 'gpt-image-1.5', 'gpt-image-1-mini')
    }
}
