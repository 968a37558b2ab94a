# Test-DeploymentUpgradePolicy end to end with Az-shaped objects, ARM JSON and inventory files.
BeforeAll {
    Import-Module ModelLifecycle -Force -ErrorAction Stop
    $WarningPreference = 'SilentlyContinue'

    function New-AzDeployment([string] $Name, [string] $Model, [string] $Version, [string] $Sku = 'Standard', $Option = $null, [string] $Account = 'contoso') {
        # The shape of Az.CognitiveServices' Deployment object (no resource group or account property).
        [pscustomobject]@{
            Id         = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/$Account/deployments/$Name"
            Name       = $Name
            Type       = 'Microsoft.CognitiveServices/accounts/deployments'
            Sku        = [pscustomobject]@{ Name = $Sku; Capacity = 10; Tier = $null }
            Properties = [pscustomobject]@{
                Model                = [pscustomobject]@{ Format = 'OpenAI'; Name = $Model; Version = $Version }
                VersionUpgradeOption = $Option
                ProvisioningState    = 'Succeeded'
            }
        }
    }
    $sample = Join-Path (Get-Module ModelLifecycle).ModuleBase 'samples/sample-inventory.json'
}

Describe 'Test-DeploymentUpgradePolicy' {
    Context 'the cases from the field' {
        It 'dall-e-3 set to OnceNewDefaultVersionAvailable is not upgraded: it stopped working' {
            $a = New-AzDeployment dalle dall-e-3 '3.0' -Option OnceNewDefaultVersionAvailable | Test-DeploymentUpgradePolicy -AsOf 2026-11-22
            $a.PSObject.TypeNames[0] | Should -Be 'ModelLifecycle.UpgradePolicyAssessment'
            $a.Outcome | Should -Be 'Retired'
            $a.Severity | Should -Be 'Critical'
            $a.UpgradeTarget | Should -BeNullOrEmpty
            $a.RecommendedAction | Should -Match 'Migrate now to gpt-image-1-mini,'
            $before = New-AzDeployment dalle dall-e-3 '3.0' -Option OnceNewDefaultVersionAvailable | Test-DeploymentUpgradePolicy -AsOf 2026-02-01
            $before.Outcome | Should -Be 'WillStopWorking'
        }

        It 'advises dall-e-3 to move to a replacement that lasts beyond WarningDays and says why the others were passed over' {
            $a = New-AzDeployment dalle dall-e-3 '3.0' -Option NoAutoUpgrade | Test-DeploymentUpgradePolicy -AsOf 2026-11-30
            $a.RecommendedAction | Should -Match 'Migrate now to gpt-image-1-mini,'
            $a.RecommendedAction | Should -Not -Match 'gpt-image-1\.5'
            $passed = @($a.Notes | Where-Object { $_ -like 'Passed over as migration targets:*' })
            $passed | Should -HaveCount 1
            $passed[0] | Should -Match 'gpt-image-1\.5 retires on 2026-12-16, within 90 days'
        }

        It 'shows when training of a fine-tuned deployment''s base model retires' {
            $a = New-AzDeployment ft 'gpt-4o-mini-2024-07-18.ft-0a1b2c3d4e' '1' -Option NoAutoUpgrade | Test-DeploymentUpgradePolicy -AsOf 2026-11-22
            $a.TrainingRetirementDate | Should -Be ([datetime]'2027-04-01')
            ($a | Format-List | Out-String -Width 300) | Should -Match 'TrainingRetirementDate\s*: 2027-04-01'
            @($a.Notes) -match '^Training \(fine-tuning\) of gpt-4o-mini 2024-07-18 retires on 2027-04-01' | Should -HaveCount 1
        }

        It 'gpt-4o 2024-08-06 Standard with no policy upgrades to gpt-5.1 at retirement' {
            $a = New-AzDeployment chat gpt-4o 2024-08-06 | Test-DeploymentUpgradePolicy -AsOf 2026-01-15
            $a.UpgradeOption | Should -BeNullOrEmpty
            $a.EffectiveUpgradeOption | Should -Be 'OnceCurrentVersionExpired'
            $a.Outcome | Should -Be 'AutoUpgradeAtRetirement'
            $a.UpgradeTarget.Model | Should -Be 'gpt-5.1'
            $a.Severity | Should -Be 'Warning'
            (New-AzDeployment chat gpt-4o 2024-08-06 | Test-DeploymentUpgradePolicy -AsOf 2026-11-22).Outcome | Should -Be 'Retired'
        }

        It 'gpt-4o 2024-08-06 ProvisionedManaged stops working on 2026-10-01' {
            $a = New-AzDeployment ptu gpt-4o 2024-08-06 -Sku ProvisionedManaged -Option OnceNewDefaultVersionAvailable | Test-DeploymentUpgradePolicy -AsOf 2026-08-01
            $a.Outcome | Should -Be 'WillStopWorking'
            $a.RetirementDate | Should -Be ([datetime]'2026-10-01')
            $a.Reason | Should -Match 'not auto-upgraded'
            $a.OptionWouldHelp | Should -BeNullOrEmpty
            $a.RecommendedAction | Should -Match 'No upgrade option would keep it working'
        }

        It 'o1 with NoAutoUpgrade stops working' {
            $a = New-AzDeployment r o1 2024-12-17 -Sku GlobalStandard -Option NoAutoUpgrade | Test-DeploymentUpgradePolicy -AsOf 2026-08-01
            $a.Outcome | Should -Be 'WillStopWorking'
            $a.EffectiveDate | Should -Be ([datetime]'2026-09-16')
            $a.RecommendedAction | Should -Match 'o3'
        }
    }

    It 'unrolls the one List per account that Get-AzCognitiveServicesAccountDeployment writes' {
        $list = [System.Collections.Generic.List[object]]::new()
        $list.Add((New-AzDeployment a o1 2024-12-17)); $list.Add((New-AzDeployment b gpt-4o 2024-11-20)); $list.Add((New-AzDeployment c dall-e-3 3.0))
        $r = Write-Output -NoEnumerate $list | Test-DeploymentUpgradePolicy -AsOf 2026-06-01
        $r.DeploymentName | Should -Be @('a', 'b', 'c')
        $r.AccountName | Should -Be @('contoso', 'contoso', 'contoso')
        $r.ResourceGroupName | Select-Object -Unique | Should -Be 'rg-ai'
    }

    It 'takes the empty List of an account without deployments as an empty account, not an error' {
        $empty = [System.Collections.Generic.List[object]]::new()
        $full = [System.Collections.Generic.List[object]]::new(); $full.Add((New-AzDeployment a o1 2024-12-17))
        $r = & { Write-Output -NoEnumerate $empty; Write-Output -NoEnumerate $full } | Test-DeploymentUpgradePolicy -AsOf 2026-06-01 -ErrorAction Stop
        $r.DeploymentName | Should -Be 'a'
        Write-Output -NoEnumerate $empty | Test-DeploymentUpgradePolicy -Quiet -ErrorAction Stop | Should -BeTrue
    }

    It 'reads a legacy deployment''s type and capacity from Properties.ScaleSettings when it has no Sku' {
        $legacy = New-AzDeployment old gpt-4o 2024-08-06
        $legacy.Sku = $null
        $legacy.Properties | Add-Member ScaleSettings ([pscustomobject]@{ ScaleType = 'Standard'; Capacity = 12; ActiveCapacity = 12 })
        $a = $legacy | Test-DeploymentUpgradePolicy -AsOf 2026-01-15
        $a.DeploymentType | Should -Be 'Standard'
        $a.Capacity | Should -Be 12
    }

    It 'reads ARM JSON from ConvertFrom-Json' {
        $json = Get-Content -Raw $sample | ConvertFrom-Json
        $r = $json.value | Test-DeploymentUpgradePolicy -AsOf 2026-11-22
        $r | Should -HaveCount 7
        ($r | Where-Object DeploymentName -eq 'dalle3-marketing').Outcome | Should -Be 'Retired'
    }

    It 'reads inventory files by -Path, by wildcard and from Get-ChildItem' {
        (Test-DeploymentUpgradePolicy -Path $sample -AsOf 2026-11-22) | Should -HaveCount 7
        Copy-Item $sample (Join-Path $TestDrive 'one.json'); Copy-Item $sample (Join-Path $TestDrive 'two.json')
        (Test-DeploymentUpgradePolicy -Path (Join-Path $TestDrive '*.json')) | Should -HaveCount 14
        (Get-ChildItem $TestDrive -Filter *.json | Test-DeploymentUpgradePolicy) | Should -HaveCount 14
    }

    It 'reads files whose names contain [ ] by -LiteralPath and from Get-ChildItem' {
        $dir = Join-Path $TestDrive 'brackets'
        $null = New-Item -ItemType Directory $dir
        Copy-Item $sample -Destination (Join-Path $dir 'inventory[1].json')
        (Test-DeploymentUpgradePolicy -LiteralPath (Join-Path $dir 'inventory[1].json') -AsOf 2026-11-22) | Should -HaveCount 7
        (Get-ChildItem -LiteralPath $dir | Test-DeploymentUpgradePolicy -AsOf 2026-11-22 -ErrorAction Stop) | Should -HaveCount 7
        (Get-Item -LiteralPath (Join-Path $dir 'inventory[1].json') | Test-DeploymentUpgradePolicy -AsOf 2026-11-22 -ErrorAction Stop) | Should -HaveCount 7
        Test-DeploymentUpgradePolicy -LiteralPath (Join-Path $dir 'missing[1].json') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InventoryFileNotFound,*'
    }

    It 'reads a file named by overlapping -Path values once' {
        $dir = Join-Path $TestDrive 'overlap'
        $null = New-Item -ItemType Directory $dir
        Copy-Item $sample (Join-Path $dir 'one.json')
        (Test-DeploymentUpgradePolicy -Path (Join-Path $dir 'one.json'), (Join-Path $dir '*.json') -AsOf 2026-11-22) | Should -HaveCount 7
    }

    It 'reads ConvertTo-Json of Az objects written to a file' {
        $file = Join-Path $TestDrive 'az.json'
        @((New-AzDeployment x o3-mini 2025-01-31 -Option NoAutoUpgrade)) | ConvertTo-Json -Depth 10 | Set-Content $file
        (Test-DeploymentUpgradePolicy -Path $file -AsOf 2026-08-01).Outcome | Should -Be 'WillStopWorking'
    }

    It 'says an inventory saved at ConvertTo-Json''s default depth lacks model details, naming the file and the entry' {
        $file = Join-Path $TestDrive 'shallow.json'
        @((New-AzDeployment x o3-mini 2025-01-31), (New-AzDeployment y o1 2024-12-17)) | ConvertTo-Json | Set-Content $file
        $r = Test-DeploymentUpgradePolicy -Path $file -ErrorVariable err -ErrorAction SilentlyContinue
        $r | Should -BeNullOrEmpty
        $err | Should -HaveCount 2
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InventoryEntryTruncated,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].Exception.Message | Should -Match ([regex]::Escape($file))
        $err[0].Exception.Message | Should -Match '\[0\]'
        $err[1].Exception.Message | Should -Match '\[1\]'
        $err[0].ErrorDetails.RecommendedAction | Should -Match '-Depth 10'
        "$($err[0])" | Should -Match '-Depth 10' -Because 'the action is in the message that every PowerShell shows'
        "$($err[0])" + $err[0].ErrorDetails.RecommendedAction | Should -Not -Match 'Az\.Accounts'
    }

    It 'reports a malformed file with InventoryFileInvalid and goes on with the next' {
        $bad = Join-Path $TestDrive 'bad.json'
        '{ "value": [ { "name": "x", } ' | Set-Content $bad
        $r = Test-DeploymentUpgradePolicy -Path $bad, $sample -ErrorVariable err -ErrorAction SilentlyContinue
        $r | Should -HaveCount 7
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InventoryFileInvalid,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].Exception.Message | Should -Match 'line \d+, position \d+'
    }

    It 'reports input that is not a deployment per item, with InputNotADeployment' {
        $r = @((Get-Date), (New-AzDeployment ok o1 2024-12-17)) | Test-DeploymentUpgradePolicy -ErrorVariable err -ErrorAction SilentlyContinue
        $r.DeploymentName | Should -Be 'ok'
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InputNotADeployment,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses a lifecycle record from Get-ModelRetirement as a deployment, here and in the other deployment commands' {
        $record = Get-ModelRetirement -Name o1 -Version 2024-12-17 -AsOf 2026-01-01 -WarningAction SilentlyContinue
        $r = $record | Test-DeploymentUpgradePolicy -AsOf 2026-01-01 -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $r | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InputNotADeployment,*'
        $err[0].Exception.Message | Should -BeLike '*lifecycle record of o1 2024-12-17*'
        $plan = $record | Invoke-ModelMigration -PlanOnly -Offline -AsOf 2026-01-01 -ErrorVariable merr -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $plan | Should -BeNullOrEmpty
        $merr[0].FullyQualifiedErrorId | Should -BeLike 'InputNotADeployment,*'
        # A search still takes the record's model.
        $src = Join-Path $TestDrive 'uses-o1'
        $null = New-Item -ItemType Directory $src
        'model = "o1"' | Set-Content (Join-Path $src 'app.py')
        ($record | Find-ModelReference -Path $src -AsOf 2026-01-01 -WarningAction SilentlyContinue).Model | Should -Be 'o1'
    }

    It 'returns one bool with -Quiet' {
        $q = Test-DeploymentUpgradePolicy -Path $sample -Quiet -AsOf 2026-11-22
        $q | Should -BeOfType [bool]
        $q | Should -BeFalse
        New-AzDeployment fine gpt-5.1 2025-11-13 -Sku GlobalStandard | Test-DeploymentUpgradePolicy -Quiet -AsOf 2026-01-01 | Should -BeTrue
    }

    It 'answers -Quiet with $false when an input could not be read, and still writes the error' -TestCases @(
        @{ Case = 'a missing file'; Id = 'InventoryFileNotFound' }
        @{ Case = 'a malformed file'; Id = 'InventoryFileInvalid' }
        @{ Case = 'a wildcard matching nothing'; Id = 'InventoryFileNotFound' }
    ) {
        $bad = Join-Path $TestDrive 'quiet-bad.json'
        '{ "value": [ ' | Set-Content $bad
        $path = switch ($Case) {
            'a missing file' { Join-Path $TestDrive 'missing.json' }
            'a malformed file' { $bad }
            'a wildcard matching nothing' { Join-Path $TestDrive 'nothing*.json' }
        }
        $q = Test-DeploymentUpgradePolicy -Path $path -Quiet -ErrorVariable err -ErrorAction SilentlyContinue
        $q | Should -BeOfType [bool]
        $q | Should -BeFalse
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err[0].CategoryInfo.Category | Should -BeIn @('ObjectNotFound', 'InvalidData')
    }

    It 'answers -Quiet with $false when one input failed and the rest are healthy' {
        $q = @((Get-Date), (New-AzDeployment fine gpt-5.1 2025-11-13 -Sku GlobalStandard)) | Test-DeploymentUpgradePolicy -Quiet -AsOf 2026-01-01 -ErrorAction SilentlyContinue
        $q | Should -BeFalse
    }

    It 'refuses a -SubscriptionId that is neither a GUID nor * at binding, on every cmdlet that takes one' {
        { Test-DeploymentUpgradePolicy -SubscriptionId 'Contoso Production' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Test-DeploymentUpgradePolicy -ResourceGroupName rg -AccountName a -SubscriptionId '*', 'sub1' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Set-DeploymentUpgradeOption -SubscriptionId 'nope' -UpgradeOption NoAutoUpgrade } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Get-ModelRetirement gpt-4o -Location eastus -SubscriptionId 'nope' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        $e = { Test-DeploymentUpgradePolicy -SubscriptionId 'nope' } | Should -Throw -PassThru
        $e.Exception.Message | Should -Match 'GUID'
    }

    It 'says in -Verbose what a run used and how much it read' {
        $verbose = Test-DeploymentUpgradePolicy -Path $sample -AsOf 2026-11-22 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose | Should -Contain 'As of 2026-11-22, on the AzureCloud schedule; catalog snapshot of 2026-07-07 (embedded).'
        $verbose | Should -Contain 'Assessed 7 deployment(s) in 3 account(s): 4 at Warning or Critical; 0 input(s) or Azure read(s) failed.'
    }

    It 'moves the warning boundary with -WarningDays' {
        $d = New-AzDeployment r o1 2024-12-17 -Option NoAutoUpgrade
        ($d | Test-DeploymentUpgradePolicy -AsOf 2026-05-01).Severity | Should -Be 'Info'
        ($d | Test-DeploymentUpgradePolicy -AsOf 2026-05-01 -WarningDays 180).Severity | Should -Be 'Warning'
    }

    It 'accepts its own output again, and hands it to Get-ModelRetirement' {
        $first = New-AzDeployment chat gpt-4o 2024-08-06 -Option NoAutoUpgrade | Test-DeploymentUpgradePolicy -AsOf 2026-01-15
        ($first | Test-DeploymentUpgradePolicy -AsOf 2026-01-15).Outcome | Should -Be $first.Outcome
        ($first | Get-ModelRetirement).Version | Should -Be '2024-08-06'
        $first.Name | Should -Be 'chat' -Because 'Types.ps1xml aliases Name to DeploymentName'
    }

    It 'writes every date as a UTC day, so exported JSON does not mix offsets' {
        $r = @(Test-DeploymentUpgradePolicy -Path $sample) + @(Test-DeploymentUpgradePolicy -Path $sample -AsOf (Get-Date))
        $dates = $r | ForEach-Object { $_.AsOf; $_.RetirementDate; $_.EffectiveDate } | Where-Object { $null -ne $_ }
        $dates.Kind | Select-Object -Unique | Should -Be 'Utc'
        $json = $r | ConvertTo-Json -Depth 3
        [regex]::Matches($json, '"\d{4}-\d\d-\d\dT[^"]*"').Value | ForEach-Object { $_ | Should -Match 'T00:00:00Z"$' }
        (Get-ModelRetirement gpt-4o | Select-Object -First 1).AsOf.Kind | Should -Be 'Utc'
    }

    It 'renders its views and exports' {
        $r = Test-DeploymentUpgradePolicy -Path $sample -AsOf 2026-01-15
        ($r | Format-Table | Out-String -Width 80) | Should -Match 'Deployment\s+Model\s+Outcome\s+When\s+Severity' -Because 'the verdict fits an 80-column console'
        $narrow = $r | Format-Table | Out-String -Width 80
        $narrow | Should -Match 'Account: contoso-chat' -Because 'the account is the group header, so it is never dropped'
        (New-AzDeployment old dall-e-3 3.0 | Test-DeploymentUpgradePolicy -AsOf 2026-11-22 | Format-Table | Out-String -Width 80) | Should -Match 'Retired\s+2026-03-04\s+Critical' -Because 'Severity is not cut at 80 columns'
        ($narrow -split '\r?\n' | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80
        ($r | Format-List | Out-String -Width 200) | Should -Match 'UpgradeTarget\s+: '
        ($r | Format-List | Out-String -Width 200) | Should -Match 'RecommendedAction : '
        $r | Export-Csv (Join-Path $TestDrive 'v.csv') -ErrorAction Stop
        (Import-Csv (Join-Path $TestDrive 'v.csv'))[0].Replacement | Should -Be 'gpt-image-1, gpt-image-1.5, gpt-image-1-mini'
        ($r | ConvertTo-Json -Depth 5 | ConvertFrom-Json)[0].Outcome | Should -Be 'WillStopWorking' -Because 'Outcome is a name, so ConvertTo-Json writes the word (Windows PowerShell 5.1 has no -EnumsAsStrings)'
    }
}
