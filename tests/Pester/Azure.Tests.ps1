# The cmdlets against a real HTTP server (the ARM emulator) through a fake Az.Accounts session.
BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSupport.ps1')
    $WarningPreference = 'SilentlyContinue'
    $savedModulePath = $env:PSModulePath
    $emulator = Start-ArmEmulator
    Use-FakeAzAccounts
    Import-Module ModelLifecycle -Force -ErrorAction Stop
    $prod = 'a1b2c3d4-0000-4000-8000-000000000001'
    $dev = 'a1b2c3d4-0000-4000-8000-000000000002'
    Set-FakeAzState @{ ArmUrl = $emulator.Url; SubscriptionId = $prod; Token = 'fake-token-0001'; Connected = $true; SecureToken = $true; LifetimeMinutes = 60 }
}

AfterAll {
    Stop-ArmEmulator $emulator
    Remove-Module Az.Accounts -Force -ErrorAction SilentlyContinue
    $env:PSModulePath = $savedModulePath
}

Describe 'Test-DeploymentUpgradePolicy against ARM' {
    BeforeEach {
        Clear-EmulatorFaults $emulator
        Reset-EmulatorCounters $emulator
        Set-FakeAzState @{ Connected = $true; Token = 'fake-token-0001'; SecureToken = $true; LifetimeMinutes = 60; TokenCalls = 0 }
    }

    It 'discovers every deployment of the context subscription, reading only' {
        $r = Test-DeploymentUpgradePolicy -AsOf 2026-11-22
        $r | Should -HaveCount 7
        ($r.SubscriptionId | Select-Object -Unique) | Should -Be $prod
        ($r | Where-Object DeploymentName -eq 'images').Outcome | Should -Be 'Retired'
        ($r | Where-Object DeploymentName -eq 'images').Location | Should -Be 'eastus'
        $c = Get-EmulatorCounters $emulator
        $c.ByMethod.PSObject.Properties.Name | Should -Not -Contain 'PUT'
        (Get-FakeAzState).LastResourceUrl | Should -Be $emulator.Url
    }

    It 'reads every subscription the sign-in can see with -SubscriptionId *' {
        $r = Test-DeploymentUpgradePolicy -SubscriptionId '*' -AsOf 2026-11-22
        $r | Should -HaveCount 9
        ($r.SubscriptionId | Sort-Object -Unique) | Should -Be @($prod, $dev)
    }

    It 'reads one account, or one deployment, by name' {
        (Test-DeploymentUpgradePolicy -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus -AsOf 2026-11-22) | Should -HaveCount 4
        $one = Test-DeploymentUpgradePolicy -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus -Name reasoning -AsOf 2026-08-01
        $one.DeploymentName | Should -Be 'reasoning'
        $one.Outcome | Should -Be 'WillStopWorking'
    }

    It 'reads by resource id, and accounts from the pipeline' {
        $id = "/subscriptions/$dev/resourceGroups/rg-ai-dev/providers/Microsoft.CognitiveServices/accounts/contoso-oai-dev"
        (Test-DeploymentUpgradePolicy -ResourceId "$id/deployments/embeddings").Model | Should -Be 'text-embedding-3-large'
        $account = [pscustomobject]@{ ResourceGroupName = 'rg-ai-dev'; AccountName = 'contoso-oai-dev'; Id = $id; Location = 'eastus'; AccountType = 'OpenAI'; Endpoint = 'https://contoso-oai-dev.openai.azure.com/' }
        ($account | Test-DeploymentUpgradePolicy).DeploymentName | Sort-Object | Should -Be @('chat-dev', 'embeddings')
    }

    It 'judges on the live Models API with -Live' {
        $offline = Test-DeploymentUpgradePolicy -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus -Name chat -AsOf 2026-08-01
        $offline.Outcome | Should -Be 'Retired' -Because 'the docs retired Standard gpt-4o 2024-08-06 on 2026-03-31'
        $live = Test-DeploymentUpgradePolicy -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus -Name chat -AsOf 2026-08-01 -Live
        $live.Outcome | Should -Be 'AutoUpgradeAtRetirement'
        $live.UpgradeTarget.ToString() | Should -Be 'gpt-4.1 2025-04-14'
        $live.EffectiveDate | Should -Be ([datetime]'2026-09-24')
    }

    It 'reads each location''s models once per run with -Live' {
        $null = Test-DeploymentUpgradePolicy -Live -AsOf 2026-08-01
        $c = Get-EmulatorCounters $emulator
        $modelCalls = $c.ByPath.PSObject.Properties | Where-Object Name -like 'GET */models' | Measure-Object -Property Value -Sum
        $modelCalls.Sum | Should -Be 2 -Because 'the fleet has two locations'
    }

    It 'warns once, naming the location, when -Live falls back to stale data for a location it could not read' {
        $null = Add-EmulatorFault $emulator @{ kind = 'InternalServerError'; method = 'GET'; pathContains = '/locations/eastus/models' }
        $r = Test-DeploymentUpgradePolicy -Live -AsOf 2026-11-22 -WarningVariable w -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $r | Should -Not -BeNullOrEmpty
        ($err | Where-Object FullyQualifiedErrorId -like 'LiveModelsUnavailable,*') | Should -HaveCount 1
        $about = @($w | Where-Object { "$_" -match 'Models API for eastus could not be read' })
        $about | Should -HaveCount 1
        "$($about[0])" | Should -Match '2026-07-07'
        @($w | Where-Object { "$_" -match 'swedencentral' }) | Should -HaveCount 0
    }

    It 'goes on past a failing account with one error naming it' {
        $null = Add-EmulatorFault $emulator @{ kind = 'InternalServerError'; method = 'GET'; pathContains = 'contoso-foundry-swc/deployments' }
        $r = Test-DeploymentUpgradePolicy -AsOf 2026-11-22 -ErrorVariable err -ErrorAction SilentlyContinue
        $r | Should -HaveCount 4
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ArmServiceError,*'
        "$($err[0].TargetObject)" | Should -Match 'contoso-foundry-swc'
    }

    It 'answers -Quiet with $false when the account does not exist' {
        $q = Test-DeploymentUpgradePolicy -ResourceGroupName rg-ai-prod -AccountName nope -Quiet -ErrorVariable err -ErrorAction SilentlyContinue
        $q | Should -BeFalse
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'AccountNotFound,*'
    }

    It 'answers -Quiet with $false when ARM refuses the token' {
        Set-FakeAzState @{ Token = 'not-the-emulators-token' }
        $q = Test-DeploymentUpgradePolicy -Quiet -ErrorVariable err -ErrorAction SilentlyContinue
        $q | Should -BeFalse
        $err | Should -Not -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'says in -Verbose which subscription, cloud and endpoint it read' {
        $verbose = Test-DeploymentUpgradePolicy -AsOf 2026-11-22 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ($verbose -join "`n") | Should -Match ([regex]::Escape("Reading the context's subscription $prod"))
        ($verbose -join "`n") | Should -Match 'Assessed 7 deployment\(s\) in \d account\(s\)'
        $all = Test-DeploymentUpgradePolicy -SubscriptionId '*' -AsOf 2026-11-22 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ($all -join "`n") | Should -Match 'Reading every subscription the sign-in can see'
    }

    It 'retries throttling and returns everything' {
        $null = Add-EmulatorFault $emulator @{ kind = 'Throttle'; pathContains = '/deployments'; fromRequest = 1; toRequest = 3; retryAfterSeconds = 1 }
        (Test-DeploymentUpgradePolicy -AsOf 2026-11-22) | Should -HaveCount 7
    }

    It 'refreshes the token once when ARM rejects it' {
        $null = Add-EmulatorFault $emulator @{ kind = 'Unauthorized'; pathContains = '/accounts'; fromRequest = 1; toRequest = 1 }
        (Test-DeploymentUpgradePolicy -AsOf 2026-11-22) | Should -HaveCount 7
        (Get-FakeAzState).TokenCalls | Should -Be 2
    }

    It 'accepts a plain-string token from older Az.Accounts' {
        Set-FakeAzState @{ SecureToken = $false }
        (Test-DeploymentUpgradePolicy -AsOf 2026-11-22) | Should -HaveCount 7
    }

    It 'never lets the token reach any stream' {
        $DebugPreference = 'Continue'
        $all = Test-DeploymentUpgradePolicy -AsOf 2026-11-22 -Verbose 5>&1 4>&1 3>&1 2>&1 6>&1 | Out-String -Width 500
        $DebugPreference = 'SilentlyContinue'
        $all | Should -Match 'GET '
        $all | Should -Not -Match 'fake-token-0001'
        $null = Add-EmulatorFault $emulator @{ kind = 'Unauthorized'; pathContains = '/accounts' }
        $null = Test-DeploymentUpgradePolicy -AsOf 2026-11-22 -ErrorAction SilentlyContinue -ErrorVariable e
        $e | Should -Not -BeNullOrEmpty
        (($e | Out-String) + ($e | ForEach-Object { $_.Exception.ToString() })) | Should -Not -Match 'fake-token-0001'
    }

    It 'reports an account deleted mid-scan once and finishes the rest' {
        # Its own emulator: the deletion is permanent.
        $own = Start-ArmEmulator
        try {
            Set-FakeAzState @{ ArmUrl = $own.Url }
            $null = Add-EmulatorFault $own @{ kind = 'DeleteAccount'; method = 'GET'; pathContains = 'contoso-foundry-swc/deployments'; account = 'contoso-foundry-swc' }
            $r = Test-DeploymentUpgradePolicy -AsOf 2026-11-22 -ErrorVariable err -ErrorAction SilentlyContinue
            $r | Should -HaveCount 4
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'AccountNotFound,*'
        }
        finally {
            Set-FakeAzState @{ ArmUrl = $emulator.Url }
            Stop-ArmEmulator $own
        }
    }

    It 'refreshes short-lived tokens as they expire during a run' {
        Set-FakeAzState @{ LifetimeMinutes = 4 }
        (Test-DeploymentUpgradePolicy -SubscriptionId '*' -AsOf 2026-11-22) | Should -HaveCount 9
        (Get-FakeAzState).TokenCalls | Should -BeGreaterThan 1 -Because 'a token within five minutes of expiry is replaced before use'
    }

    It 'stops early when the pipeline is satisfied' {
        $first = Test-DeploymentUpgradePolicy -SubscriptionId '*' -AsOf 2026-11-22 | Select-Object -First 1
        $first | Should -HaveCount 1
    }

    It 'says what to run when not signed in' {
        Set-FakeAzState @{ Connected = $false }
        $e = { Test-DeploymentUpgradePolicy } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'AzNotConnected,*'
        $e.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $e.ErrorDetails.RecommendedAction | Should -Match 'Connect-AzAccount'
        "$e" | Should -Match 'Connect-AzAccount' -Because 'Windows PowerShell 5.1 and NormalView show the message, never RecommendedAction'
        $e.Exception.Message | Should -Match 'Connect-AzAccount'
    }

    It 'passes -DefaultProfile through to Az.Accounts' {
        $profileObject = [pscustomobject]@{ Marker = 'profile-1' }
        $null = Test-DeploymentUpgradePolicy -ResourceGroupName rg-ai-prod -AccountName contoso-oai-eastus -Name chat -DefaultProfile $profileObject
        (Get-FakeAzState).LastProfile.Marker | Should -Be 'profile-1'
    }

    It 'still works offline, signed out, for inventory files, and asks for no token' {
        Set-FakeAzState @{ Connected = $false; TokenCalls = 0 }
        $sample = Join-Path (Get-Module ModelLifecycle).ModuleBase 'samples/sample-inventory.json'
        (Test-DeploymentUpgradePolicy -Path $sample) | Should -HaveCount 7
        (Get-FakeAzState).TokenCalls | Should -Be 0
    }
}

Describe 'The signed-in cloud' {
    It 'is the default schedule when Az.Accounts is loaded, without -Cloud' {
        Set-FakeAzState @{ Connected = $true; Environment = 'AzureUSGovernment'; ArmUrl = $emulator.Url }
        try {
            (Get-ModelRetirement gpt-4o -Version 2024-11-20 -AsOf 2026-11-22).Cloud | Should -Be 'AzureUSGovernment'
            (Get-ModelRetirement gpt-4o -Version 2024-11-20 -AsOf 2026-11-22 -Cloud AzureCloud).Cloud | Should -Be 'AzureCloud'
        }
        finally {
            Set-FakeAzState @{ Environment = 'AzureCloud' }
        }
    }

    It 'is AzureCloud when not signed in, and nothing is imported for it' {
        Set-FakeAzState @{ Connected = $false }
        (Get-ModelRetirement o1 -AsOf 2026-11-22).Cloud | Should -Be 'AzureCloud'
        Set-FakeAzState @{ Connected = $true }
    }
}

Describe 'Get-ModelRetirement -Location' {
    It 'merges the live Models API over the catalog' {
        Set-FakeAzState @{ Connected = $true }
        $r = Get-ModelRetirement gpt-4o -Version 2024-08-06 -Location eastus -AsOf 2026-08-01 | Where-Object Kind -eq 'Base'
        $r.Source | Should -Be 'Live'
        $r.AutoUpgrade.Target.Model | Should -Be 'gpt-4.1'
        $r.RetirementDate | Should -Be ([datetime]'2026-10-01')
    }

    It 'reads the Models API of each subscription given, like the other cmdlets' {
        (Get-Command Get-ModelRetirement).Parameters['SubscriptionId'].ParameterType | Should -Be ([string[]])
        Set-FakeAzState @{ Connected = $true }
        $r = Get-ModelRetirement gpt-4o -Version 2024-08-06 -Location eastus -SubscriptionId $prod, $dev -AsOf 2026-08-01 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -or $_.Kind -eq 'Base' }
        ($r | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Source | Should -Be 'Live'
        $read = @($r | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^Read \d+ models for eastus in subscription' })
        $read.Message -join ' ' | Should -Match $prod
        $read.Message -join ' ' | Should -Match $dev
    }
}

Describe 'Without Az.Accounts' {
    It 'stops with one clear error naming the module to install' {
        $out = Join-Path ([IO.Path]::GetTempPath()) ("ml-noaz-" + [guid]::NewGuid() + '.txt')
        $modulePath = (Get-Module ModelLifecycle).Path
        # A fresh process whose module path has no Az.Accounts (the fake is only on this process's path).
        Invoke-FreshPwsh -Command "`$env:PSModulePath = ''; Import-Module '$modulePath'; try { Test-DeploymentUpgradePolicy -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId + '|' + `$_.CategoryInfo.Category | Set-Content '$out' }"
        Get-Content $out | Should -Match '^AzAccountsNotInstalled,.*\|NotInstalled$'
        Remove-Item $out
    }
}
