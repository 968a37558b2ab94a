# Invoke-ModelMigration against the ARM emulator through a fake Az.Accounts session: the field case
# (a dall-e-3 deployment set to OnceNewDefaultVersionAvailable, which is never auto-upgraded because its
# replacements are other model families) planned, moved side by side and its source removed.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    $WarningPreference = 'SilentlyContinue'
    $savedModulePath = $env:PSModulePath
    Use-FakeAzAccounts
    Import-Module ModelLifecycle -Force -ErrorAction Stop
    $prod = 'a1b2c3d4-0000-4000-8000-000000000001'
    $account = "/subscriptions/$prod/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-oai-eastus"

    function Get-StoredDeployment([string] $Name) {
        $fleet = Invoke-RestMethod -Uri ($emulator.Url + '_emulator/fleet')
        $fleet.subscriptions.resourceGroups.accounts | Where-Object name -eq 'contoso-oai-eastus' | ForEach-Object { $_.deployments } | Where-Object name -eq $Name
    }

    # eastus offers gpt-image-1-mini 2025-10-06 (Standard) with a quota of $Limit.
    function Add-MiniOffer([int] $Limit = 10) {
        $offer = @{ location = 'eastus'; item = @{ kind = 'OpenAI'; skuName = 'S0'; model = @{
                    format = 'OpenAI'; name = 'gpt-image-1-mini'; version = '2025-10-06'; isDefaultVersion = $true; lifecycleStatus = 'GenerallyAvailable'
                    skus = @(@{ name = 'Standard'; usageName = 'OpenAI.Standard.gpt-image-1-mini'; capacity = @{ default = 1; maximum = 100 } }) } } }
        $null = Invoke-RestMethod -Method Put -Uri ($emulator.Url + '_emulator/models') -Body ($offer | ConvertTo-Json -Depth 10) -ContentType 'application/json'
        $quota = @{ location = 'eastus'; usageName = 'OpenAI.Standard.gpt-image-1-mini'; limit = $Limit; localizedName = 'Requests per minute - gpt-image-1-mini' }
        $null = Invoke-RestMethod -Method Put -Uri ($emulator.Url + '_emulator/quotas') -Body ($quota | ConvertTo-Json) -ContentType 'application/json'
    }

    function Get-FieldCase { Test-DeploymentUpgradePolicy | Where-Object Outcome -in WillStopWorking, Retired | Where-Object DeploymentName -eq 'images' }
}

AfterAll {
    Remove-Module Az.Accounts -Force -ErrorAction SilentlyContinue
    $env:PSModulePath = $savedModulePath
}

Describe 'Invoke-ModelMigration' {
    BeforeEach {
        $emulator = Start-ArmEmulator
        Set-FakeAzState @{ ArmUrl = $emulator.Url; SubscriptionId = $prod; Token = 'fake-token-0001'; Connected = $true; SecureToken = $true; LifetimeMinutes = 60 }
        Add-MiniOffer
    }

    AfterEach { Stop-ArmEmulator $emulator }

    It 'plans the field case with every check and the parameter changes, and writes nothing (-PlanOnly)' {
        $source = Get-FieldCase
        Reset-EmulatorCounters $emulator
        $plan = $source | Invoke-ModelMigration -TargetModel gpt-image-1-mini -PlanOnly
        $plan.PSObject.TypeNames | Should -Contain 'ModelLifecycle.MigrationPlan'
        $plan.Mode | Should -Be 'SideBySide'
        $plan.TargetDeployment | Should -Be 'images-gpt-image-1-mini'
        $plan.TargetVersion | Should -Be '2025-10-06'
        $plan.Location | Should -Be 'eastus'
        $plan.Checks.Name | Should -Be @('SourceFound', 'TargetResolved', 'ModeAllowed', 'TargetOffered', 'TargetLifecycle', 'Quota', 'NameAvailable', 'LimitedAccess')
        ($plan.Checks | Where-Object Name -eq 'Quota').Status | Should -Be 'Pass'
        $plan.Ready | Should -BeTrue
        ($plan.ParameterChanges | Where-Object Parameter -eq 'quality' | ForEach-Object { $_.From + '>' + $_.To }) | Should -Contain 'hd>high'
        (Get-EmulatorCounters $emulator).writes | Should -Be 0
    }

    It 'writes nothing under -WhatIf and reports the deployment Skipped' {
        $source = Get-FieldCase
        Reset-EmulatorCounters $emulator
        $r = $source | Invoke-ModelMigration -TargetModel gpt-image-1-mini -Force -RemoveSource -WhatIf
        $r.Status | Should -Be 'Skipped'
        (Get-EmulatorCounters $emulator).writes | Should -Be 0
        Get-StoredDeployment 'images' | Should -Not -BeNullOrEmpty
    }

    It 'moves the field case side by side, removes the source, and keeps its settings' {
        $before = Get-StoredDeployment 'images'
        $r = Get-FieldCase | Invoke-ModelMigration -TargetModel gpt-image-1-mini -RemoveSource -Force -Confirm:$false
        $r.PSObject.TypeNames | Should -Contain 'ModelLifecycle.MigrationResult'
        $r.Status | Should -Be 'Succeeded'
        $r.Steps.Name | Should -Be @('CreateTarget', 'VerifyTarget', 'RemoveSource', 'VerifyRemoved')
        $r.Deployment.Model | Should -Be 'gpt-image-1-mini'
        Get-StoredDeployment 'images' | Should -BeNullOrEmpty
        $new = Get-StoredDeployment 'images-gpt-image-1-mini'
        $new.properties.model.name | Should -Be 'gpt-image-1-mini'
        $new.properties.model.version | Should -Be '2025-10-06'
        $new.properties.provisioningState | Should -Be 'Succeeded'
        $new.properties.raiPolicyName | Should -Be $before.properties.raiPolicyName
        $new.properties.versionUpgradeOption | Should -Be 'OnceNewDefaultVersionAvailable'
        $new.sku.name | Should -Be 'Standard'
        $c = Get-EmulatorCounters $emulator
        $c.byMethod.PUT | Should -Be 1
        $c.byMethod.DELETE | Should -Be 1

        # Then the code: Find-ModelReference fed the result finds the calls and what each must change.
        $app = Join-Path ([IO.Path]::GetTempPath()) ('ml-app-' + [guid]::NewGuid())
        $null = New-Item -ItemType Directory -Path $app
        Set-Content -LiteralPath (Join-Path $app 'poster.py') -Value @(
            'img = client.images.generate(',
            '    model="images",',
            '    size="1792x1024",',
            '    quality="hd",',
            '    response_format="url",',
            ')')
        try {
            $refs = $r | Find-ModelReference -Path $app
            ($refs | Where-Object Kind -eq 'DeploymentName').Match | Should -Contain 'images'
            $parameters = $refs | Where-Object Kind -eq 'Parameter'
            ($parameters | Where-Object { $_.Change.Parameter -eq 'size' }).Change.To | Should -Be '1536x1024'
            ($parameters | Where-Object { $_.Change.Parameter -eq 'quality' }).Change.To | Should -Be 'high'
            ($parameters | Where-Object { $_.Change.Parameter -eq 'response_format' }).LineNumber | Should -Be 5
        }
        finally { Remove-Item -Recurse -Force -LiteralPath $app }
    }

    It 'resumes a rerun after a finished move: AlreadyDone, nothing written again' {
        $source = Get-FieldCase
        $null = $source | Invoke-ModelMigration -TargetModel gpt-image-1-mini -RemoveSource -Force -Confirm:$false
        Reset-EmulatorCounters $emulator
        $again = $source | Invoke-ModelMigration -TargetModel gpt-image-1-mini -RemoveSource -Force -Confirm:$false
        $again.Status | Should -Be 'AlreadyDone'
        (Get-EmulatorCounters $emulator).writes | Should -Be 0
    }

    It 'keeps the source in a session that cannot ask, when -RemoveSource comes without -Confirm:$false' {
        # gpt-image-2 passes every check, so neither -Force nor -Confirm is needed to create it.
        $offer = @{ location = 'eastus'; item = @{ kind = 'OpenAI'; skuName = 'S0'; model = @{
                    format = 'OpenAI'; name = 'gpt-image-2'; version = '2026-04-21'; isDefaultVersion = $true; lifecycleStatus = 'GenerallyAvailable'
                    skus = @(@{ name = 'Standard'; usageName = 'OpenAI.Standard.gpt-image-2'; capacity = @{ default = 1; maximum = 100 } }) } } }
        $null = Invoke-RestMethod -Method Put -Uri ($emulator.Url + '_emulator/models') -Body ($offer | ConvertTo-Json -Depth 10) -ContentType 'application/json'
        $null = Invoke-RestMethod -Method Put -Uri ($emulator.Url + '_emulator/quotas') -Body (@{ location = 'eastus'; usageName = 'OpenAI.Standard.gpt-image-2'; limit = 10 } | ConvertTo-Json) -ContentType 'application/json'
        # The suite runs in pwsh -NonInteractive, as a runbook does: the second confirmation cannot be asked.
        $r = Invoke-ModelMigration -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus -Name images -TargetModel gpt-image-2 -RemoveSource -WarningVariable w -WarningAction SilentlyContinue
        ($w | Out-String) | Should -Match 'was not removed: removing it needs a confirmation'
        ($r.Steps | Where-Object Name -eq 'CreateTarget').Status | Should -Be 'Succeeded'
        ($r.Steps | Where-Object Name -eq 'RemoveSource').Status | Should -Be 'Skipped'
        Get-StoredDeployment 'images' | Should -Not -BeNullOrEmpty
        ($r | Format-Table | Out-String -Width 80) | Should -Match 'images-gpt-image-2'
    }

    It 'a result exports with names: ConvertTo-Json writes Status, Mode and each step''s Status as words, not numbers' {
        $r = Get-FieldCase | Invoke-ModelMigration -TargetModel gpt-image-1-mini -Force -Confirm:$false
        $json = $r | ConvertTo-Json -Depth 5
        $json | Should -Match '"Status":\s*"Succeeded"'
        $json | Should -Match '"Mode":\s*"SideBySide"'
        $json | Should -Not -Match '"(Mode|Status|Change)":\s*-?\d'
        $csv = Join-Path $TestDrive 'results.csv'
        $r | Export-Csv -LiteralPath $csv -NoTypeInformation
        (Import-Csv -LiteralPath $csv).Status | Should -Be 'Succeeded'
    }

    It 'does not go ahead on a Warn check without -Force, and writes nothing' {
        $source = Get-FieldCase
        Reset-EmulatorCounters $emulator
        $r = $source | Invoke-ModelMigration -TargetModel gpt-image-1-mini -ErrorVariable e -ErrorAction SilentlyContinue
        $r.Status | Should -Be 'Skipped'
        $e[0].FullyQualifiedErrorId | Should -BeLike 'MigrationCheckWarning,*'
        (Get-EmulatorCounters $emulator).writes | Should -Be 0
    }

    It 'stops on a failed Quota check with the numbers and writes nothing' {
        Add-MiniOffer -Limit 0
        $source = Get-FieldCase
        $plan = $source | Invoke-ModelMigration -TargetModel gpt-image-1-mini -PlanOnly
        $quota = $plan.Checks | Where-Object Name -eq 'Quota'
        $quota.Status | Should -Be 'Fail'
        $quota.Detail | Should -Match 'limit of 0'
        $quota.Detail | Should -Match 'aka.ms/oai/quotaincrease'
        Reset-EmulatorCounters $emulator
        $r = $source | Invoke-ModelMigration -TargetModel gpt-image-1-mini -Force -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $r.Status | Should -Be 'Skipped'
        $e[0].FullyQualifiedErrorId | Should -BeLike 'MigrationCheckFailed,*'
        (Get-EmulatorCounters $emulator).writes | Should -Be 0
    }

    It 'reports an ARM refusal with ARM''s code and what to do, and leaves the source serving' {
        $grant = @{ models = @('gpt-image-1-mini'); granted = @{ $prod = @() } }
        $null = Invoke-RestMethod -Method Put -Uri ($emulator.Url + '_emulator/limited-access') -Body ($grant | ConvertTo-Json -Depth 5) -ContentType 'application/json'
        $before = Get-StoredDeployment 'images'
        $r = Get-FieldCase | Invoke-ModelMigration -TargetModel gpt-image-1-mini -RemoveSource -Force -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $r.Status | Should -Be 'Failed'
        ($r.Steps | Where-Object Status -eq 'Failed').Name | Should -Be 'CreateTarget'
        $e[0].FullyQualifiedErrorId | Should -BeLike 'SpecialFeatureOrQuotaIdRequired,*'
        $e[0].ErrorDetails.RecommendedAction | Should -Match 'aka.ms/oai/access'
        $after = Get-StoredDeployment 'images'
        ($after | ConvertTo-Json -Depth 20) | Should -Be ($before | ConvertTo-Json -Depth 20)
    }

    It 'refuses parameters that cannot work before any request' -ForEach @(
        @{ Arguments = @{ Offline = $true }; Id = 'OfflineNeedsPlanOnly' }
        @{ Arguments = @{ NewDeploymentName = 'no spaces allowed' }; Id = 'InvalidDeploymentName' }
        @{ Arguments = @{ Mode = 'InPlace'; RemoveSource = $true }; Id = 'RemoveSourceNeedsSideBySide' }
    ) {
        Reset-EmulatorCounters $emulator
        { Invoke-ModelMigration -ResourceId "$account/deployments/images" @Arguments -ErrorAction Stop } | Should -Throw -ErrorId "$Id,ModelLifecycle.Commands.InvokeModelMigrationCommand"
        (Get-EmulatorCounters $emulator).total | Should -Be 0
    }

    It 'refuses an account named with -Offline, which only Azure can list, before any request' {
        Reset-EmulatorCounters $emulator
        { Invoke-ModelMigration -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus -PlanOnly -Offline -ErrorAction Stop } |
            Should -Throw -ErrorId 'AccountNeedsAzure,ModelLifecycle.Commands.InvokeModelMigrationCommand'
        (Get-EmulatorCounters $emulator).total | Should -Be 0
    }

    It 'selects by account names, and by piping, the deployments Test-DeploymentUpgradePolicy selects' {
        $assessed = @(Test-DeploymentUpgradePolicy -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus).DeploymentName | Sort-Object
        $assessed.Count | Should -BeGreaterThan 1
        $byName = Invoke-ModelMigration -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus -TargetModel gpt-image-1-mini -PlanOnly -ErrorAction SilentlyContinue
        @($byName.SourceDeployment | Sort-Object) | Should -Be $assessed
        $piped = Test-DeploymentUpgradePolicy -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus | Invoke-ModelMigration -TargetModel gpt-image-1-mini -PlanOnly -ErrorAction SilentlyContinue
        @($piped.SourceDeployment | Sort-Object) | Should -Be $assessed
    }

    It 'takes -NewDeploymentName for one deployment named by -Name' {
        $plan = Invoke-ModelMigration -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus -Name images -TargetModel gpt-image-1-mini -NewDeploymentName images-next -PlanOnly
        $plan.SourceDeployment | Should -Be 'images'
        $plan.TargetDeployment | Should -Be 'images-next'
    }

    It 'refuses -NewDeploymentName for several sources before any request' {
        Reset-EmulatorCounters $emulator
        { Invoke-ModelMigration -ResourceId "$account/deployments/images", "$account/deployments/chat" -NewDeploymentName images-next -ErrorAction Stop } |
            Should -Throw -ErrorId 'NewDeploymentNameNeedsOneSource,ModelLifecycle.Commands.InvokeModelMigrationCommand'
        (Get-EmulatorCounters $emulator).total | Should -Be 0
    }
}

Describe 'Invoke-ModelMigration -PlanOnly -Offline' {
    It 'plans an inventory file with no Azure at all, Azure checks Skipped' {
        $inventory = Join-Path (Get-Module ModelLifecycle).ModuleBase 'samples/sample-inventory.json'
        $plans = Test-DeploymentUpgradePolicy -Path $inventory | Where-Object DeploymentName -eq 'chat-standard' | Invoke-ModelMigration -PlanOnly -Offline -TargetModel o4-mini
        $plans.TargetModel | Should -Be 'o4-mini'
        ($plans.Checks | Where-Object Name -eq 'Quota').Status | Should -Be 'Skipped'
        $changes = $plans.ParameterChanges | Where-Object Api -eq 'chat.completions'
        ($changes | Where-Object Parameter -eq 'max_tokens').To | Should -Be 'max_completion_tokens'
        ($changes | Where-Object Parameter -eq 'temperature').Change | Should -Be 'Remove'
        # The default table says what to do with each parameter.
        $table = $changes | Format-Table | Out-String -Width 100
        $table | Should -Match 'max_tokens\s+Rename\s+max_tokens -> max_completion_tokens'
        $table | Should -Match 'temperature\s+Remove\s+\S'
    }

    It 'warns about stale data only when a plan''s source or target entry is stale' {
        # A newer file that speaks for both ends of o1 -> o3-mini; the rest of the catalog is as old as it is.
        $file = Join-Path $TestDrive 'both-ends.json'
        '{ "format": "ModelLifecycle.Catalog", "formatVersion": 1, "snapshotDate": "2026-11-01", "entries": [ { "model": "o1", "version": "2024-12-17", "retirementDate": "2027-01-31" }, { "model": "o3-mini", "version": "2025-01-31", "retirementDate": "2027-08-01" } ] }' | Set-Content $file
        $source = '{ "id": "/subscriptions/00000000-0000-0000-0000-00000000c0de/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/acct/deployments/reasoning-prod", "name": "reasoning-prod", "sku": { "name": "GlobalStandard", "capacity": 10 }, "properties": { "model": { "format": "OpenAI", "name": "o1", "version": "2024-12-17" } } }' | ConvertFrom-Json

        $fresh = $source | Invoke-ModelMigration -PlanOnly -Offline -TargetModel o3-mini -TargetVersion 2025-01-31 -CatalogPath $file -AsOf 2026-11-22 -WarningVariable w -WarningAction SilentlyContinue
        $fresh.TargetModel | Should -Be 'o3-mini'
        $w | Should -HaveCount 0 -Because 'both entries the plan used come from the newer file'

        $null = $source | Invoke-ModelMigration -PlanOnly -Offline -TargetModel gpt-4.1 -TargetVersion 2025-04-14 -CatalogPath $file -AsOf 2026-11-22 -WarningVariable w2 -WarningAction SilentlyContinue
        $w2 | Should -HaveCount 1
        "$w2" | Should -Match 'gpt-4\.1 2025-04-14'
    }
}
