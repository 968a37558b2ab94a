# Set-DeploymentUpgradeOption against the ARM emulator through a fake Az.Accounts session.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    $WarningPreference = 'SilentlyContinue'
    $savedModulePath = $env:PSModulePath
    Use-FakeAzAccounts
    Import-Module ModelLifecycle -Force -ErrorAction Stop
    $prod = 'a1b2c3d4-0000-4000-8000-000000000001'
    $account = "/subscriptions/$prod/resourceGroups/rg-ai-prod/providers/Microsoft.CognitiveServices/accounts/contoso-oai-eastus"

    function Get-StoredDeployment([string] $Account, [string] $Name) {
        $fleet = Invoke-RestMethod -Uri ($emulator.Url + '_emulator/fleet')
        $fleet.subscriptions.resourceGroups.accounts | Where-Object name -eq $Account | ForEach-Object { $_.deployments } | Where-Object name -eq $Name
    }
}

AfterAll {
    Remove-Module Az.Accounts -Force -ErrorAction SilentlyContinue
    $env:PSModulePath = $savedModulePath
}

Describe 'Set-DeploymentUpgradeOption' {
    BeforeEach {
        # A fresh fleet per test: writes change state.
        $emulator = Start-ArmEmulator
        Set-FakeAzState @{ ArmUrl = $emulator.Url; SubscriptionId = $prod; Token = 'fake-token-0001'; Connected = $true; SecureToken = $true; LifetimeMinutes = 60 }
    }

    AfterEach { Stop-ArmEmulator $emulator }

    It '-WhatIf writes nothing and says what it would do' {
        # What if: lines go to the host, so a transcript is what sees them.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -Path $transcript
        Set-DeploymentUpgradeOption -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus -UpgradeOption OnceCurrentVersionExpired -WhatIf
        $null = Stop-Transcript
        $out = Get-Content -Raw $transcript
        (Get-EmulatorCounters $emulator).ByMethod.PSObject.Properties.Name | Should -Not -Contain 'PUT'
        $out | Should -Match "What if: Performing the operation ""Set versionUpgradeOption from OnceNewDefaultVersionAvailable to OnceCurrentVersionExpired"" on target ""Deployment 'images' of account 'contoso-oai-eastus'"""
        (Get-StoredDeployment contoso-oai-eastus images).properties.versionUpgradeOption | Should -Be 'OnceNewDefaultVersionAvailable'
    }

    It 'changes what Test-DeploymentUpgradePolicy found will stop working, and only that' {
        $before = Get-StoredDeployment contoso-oai-eastus reasoning
        $changed = Test-DeploymentUpgradePolicy -AsOf 2026-08-01 |
            Where-Object Outcome -eq 'WillStopWorking' |
            Set-DeploymentUpgradeOption -UpgradeOption OnceNewDefaultVersionAvailable -PassThru -Confirm:$false
        $changed.Name | Sort-Object | Should -Be @('chat-ptu', 'gpt41', 'reasoning', 'router-primary', 'support-ft')
        $changed[0].PSObject.TypeNames[0] | Should -Be 'ModelLifecycle.Deployment'
        ($changed | Where-Object Name -eq 'reasoning').UpgradeOption | Should -Be 'OnceNewDefaultVersionAvailable'
        $after = Get-StoredDeployment contoso-oai-eastus reasoning
        $after.properties.versionUpgradeOption | Should -Be 'OnceNewDefaultVersionAvailable'
        $after.properties.model.name | Should -Be $before.properties.model.name
        $after.sku.capacity | Should -Be $before.sku.capacity
    }

    It 'selects on OptionWouldHelp, and warns per deployment where the option changes nothing' {
        $verdicts = Test-DeploymentUpgradePolicy -AsOf 2026-08-01
        ($verdicts | Where-Object DeploymentName -eq 'chat-ptu').OptionWouldHelp | Should -BeNullOrEmpty
        $helped = $verdicts | Where-Object OptionWouldHelp
        $helped.DeploymentName | Should -Not -Contain 'chat-ptu'
        $helped.DeploymentName | Should -Not -Contain 'support-ft'
        $null = Set-DeploymentUpgradeOption -ResourceId "$account/deployments/chat-ptu" -UpgradeOption OnceNewDefaultVersionAvailable -AsOf 2026-08-01 -Confirm:$false -WarningVariable w -WarningAction SilentlyContinue
        "$w" | Should -Match "Deployment 'chat-ptu' of account 'contoso-oai-eastus': OnceNewDefaultVersionAvailable does not change what happens to it\. .*not auto-upgraded"
    }

    It 'keeps every property it did not mean to change, known or not' {
        $rich = Get-StoredDeployment contoso-foundry-swc router-primary
        $rich.properties.PSObject.Properties.Name | Should -Contain 'spilloverDeploymentName'
        Set-DeploymentUpgradeOption -ResourceGroupName rg-ai-prod -AccountName contoso-foundry-swc -Name router-primary -UpgradeOption NoAutoUpgrade -Confirm:$false
        $after = Get-StoredDeployment contoso-foundry-swc router-primary
        $after.properties.versionUpgradeOption | Should -Be 'NoAutoUpgrade'
        foreach ($p in $rich.properties.PSObject.Properties.Name | Where-Object { $_ -notin 'versionUpgradeOption', 'provisioningState' }) {
            ($after.properties.$p | ConvertTo-Json -Depth 10 -Compress) | Should -Be ($rich.properties.$p | ConvertTo-Json -Depth 10 -Compress) -Because "properties.$p must survive"
        }
        ($after.tags | ConvertTo-Json -Compress) | Should -Be ($rich.tags | ConvertTo-Json -Compress)
    }

    It 'writes nothing when the option is already set, and says so in Verbose' {
        $verbose = Set-DeploymentUpgradeOption -ResourceId "$account/deployments/reasoning" -UpgradeOption NoAutoUpgrade -Confirm:$false -Verbose 4>&1 | Out-String
        (Get-EmulatorCounters $emulator).ByMethod.PSObject.Properties.Name | Should -Not -Contain 'PUT'
        $verbose | Should -Match "already set to NoAutoUpgrade; nothing was written"
    }

    It 'warns with the date when NoAutoUpgrade is set on a deployment retiring within WarningDays' {
        $null = Set-DeploymentUpgradeOption -ResourceId "$account/deployments/chat" -UpgradeOption NoAutoUpgrade -Confirm:$false -WarningVariable w -WarningAction SilentlyContinue
        "$w" | Should -Match "retired on 2026-03-31; no upgrade option makes it work again"
        $null = Set-DeploymentUpgradeOption -ResourceId "$account/deployments/embeddings".Replace('rg-ai-prod', 'rg-ai-dev').Replace('contoso-oai-eastus', 'contoso-oai-dev').Replace('a1b2c3d4-0000-4000-8000-000000000001', 'a1b2c3d4-0000-4000-8000-000000000002') -UpgradeOption NoAutoUpgrade -WarningDays 3650 -AsOf 2026-11-22 -Confirm:$false -WarningVariable w2 -WarningAction SilentlyContinue
        "$w2" | Should -Match "retires on 2027-04-15 \(144 days\); with NoAutoUpgrade it stops working then"
    }

    It 'judges the NoAutoUpgrade warning on -AsOf and -CatalogPath, not on today and the embedded catalog only' {
        $dev = "$account/deployments/embeddings".Replace('rg-ai-prod', 'rg-ai-dev').Replace('contoso-oai-eastus', 'contoso-oai-dev').Replace('a1b2c3d4-0000-4000-8000-000000000001', 'a1b2c3d4-0000-4000-8000-000000000002')
        $null = Set-DeploymentUpgradeOption -ResourceId $dev -UpgradeOption NoAutoUpgrade -AsOf 2026-01-01 -Confirm:$false -WarningVariable early -WarningAction SilentlyContinue
        "$early" | Should -Not -Match 'retires on' -Because '2027-04-15 is more than 90 days after 2026-01-01'
        $catalog = Join-Path $TestDrive 'soon.json'
        '{ "format": "ModelLifecycle.Catalog", "formatVersion": 1, "snapshotDate": "2026-11-01", "entries": [ { "model": "text-embedding-3-large", "version": "1", "retirementDate": "2026-12-01" } ] }' | Set-Content $catalog
        $null = Set-DeploymentUpgradeOption -ResourceId $dev -UpgradeOption OnceCurrentVersionExpired -Confirm:$false
        $null = Set-DeploymentUpgradeOption -ResourceId $dev -UpgradeOption NoAutoUpgrade -AsOf 2026-11-22 -CatalogPath $catalog -Confirm:$false -WarningVariable fromFile -WarningAction SilentlyContinue
        "$fromFile" | Should -Match 'retires on 2026-12-01'
    }

    It 'reports a missing deployment as DeploymentNotFound and goes on' {
        $r = Set-DeploymentUpgradeOption -ResourceId "$account/deployments/nope", "$account/deployments/chat" -UpgradeOption NoAutoUpgrade -PassThru -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Name | Should -Be 'chat'
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DeploymentNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'waits out a busy account' {
        $null = Add-EmulatorFault $emulator @{ kind = 'Conflict'; method = 'PUT'; fromRequest = 1; toRequest = 2 }
        (Set-DeploymentUpgradeOption -ResourceId "$account/deployments/chat" -UpgradeOption NoAutoUpgrade -PassThru -Confirm:$false).UpgradeOption | Should -Be 'NoAutoUpgrade'
    }

    It 'reports AuthorizationFailed for a write the sign-in may not make' {
        $null = Add-EmulatorFault $emulator @{ kind = 'InternalServerError'; method = 'PUT'; statusCode = 403; errorCode = 'AuthorizationFailed'; errorMessage = 'The client does not have authorization to perform action Microsoft.CognitiveServices/accounts/deployments/write.' }
        $null = Set-DeploymentUpgradeOption -ResourceId "$account/deployments/chat" -UpgradeOption NoAutoUpgrade -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'AuthorizationFailed,*'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }

    It 'takes the empty List of an account without deployments as nothing to do, not an error' {
        $empty = [System.Collections.Generic.List[object]]::new()
        Write-Output -NoEnumerate $empty | Set-DeploymentUpgradeOption -UpgradeOption NoAutoUpgrade -ErrorAction Stop | Should -BeNullOrEmpty
        (Get-EmulatorCounters $emulator).ByMethod.PSObject.Properties.Name | Should -Not -Contain 'PUT'
    }

    It 'refuses an option that does not exist at binding' {
        { Set-DeploymentUpgradeOption -ResourceId "$account/deployments/chat" -UpgradeOption Sometimes } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'declares ShouldProcess with Medium impact' {
        $meta = [System.Management.Automation.CommandMetadata]::new((Get-Command Set-DeploymentUpgradeOption))
        $meta.SupportsShouldProcess | Should -BeTrue
        $meta.ConfirmImpact | Should -Be 'Medium'
    }

    It 'renders the deployment view' {
        $d = Set-DeploymentUpgradeOption -ResourceId "$account/deployments/chat" -UpgradeOption NoAutoUpgrade -PassThru -Confirm:$false
        ($d | Format-Table | Out-String -Width 120) | Should -Match 'Name\s+Model\s+Type\s+UpgradeOption\s+Account'
    }

    It 'exposes no raw JSON object in -PassThru output, so CSV and JSON stay readable' {
        $d = Set-DeploymentUpgradeOption -ResourceId "$account/deployments/chat" -UpgradeOption NoAutoUpgrade -PassThru -Confirm:$false
        $d.PSObject.Properties.Name | Should -Not -Contain 'RawBody'
        ($d | ConvertTo-Csv -NoTypeInformation)[0] | Should -Not -Match 'RawBody'
        ($d | ConvertTo-Csv -NoTypeInformation) | Should -HaveCount 2
    }
}
