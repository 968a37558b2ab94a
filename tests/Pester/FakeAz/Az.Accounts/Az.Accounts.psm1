# Test double of Az.Accounts. State is set by the tests with Set-FakeAzState.
$script:State = @{
    Connected      = $true
    ArmUrl         = 'https://management.azure.com/'
    Environment    = 'AzureCloud'
    SubscriptionId = '00000000-0000-0000-0000-000000000001'
    TenantId       = '72f988bf-0000-0000-0000-000000000000'
    Token          = 'fake-token-0001'
    SecureToken    = $true
    LifetimeMinutes = 60
    TokenCalls     = 0
    ContextCalls   = 0
    LastResourceUrl = $null
    LastProfile    = $null
}

function Set-FakeAzState {
    param([hashtable] $State)
    foreach ($k in $State.Keys) { $script:State[$k] = $State[$k] }
}

function Get-FakeAzState { [pscustomobject]$script:State }

function Connect-AzAccount { $script:State.Connected = $true }

function Get-AzContext {
    [CmdletBinding()]
    param([object] $DefaultProfile)
    $script:State.ContextCalls++
    $script:State.LastProfile = $DefaultProfile
    if (-not $script:State.Connected) { return $null }
    [pscustomobject]@{
        Name         = "fake ($($script:State.SubscriptionId))"
        Account      = [pscustomobject]@{ Id = 'admin@contoso.example'; Type = 'User' }
        Subscription = [pscustomobject]@{ Id = $script:State.SubscriptionId; Name = 'Fake subscription'; State = 'Enabled'; TenantId = $script:State.TenantId }
        Tenant       = [pscustomobject]@{ Id = $script:State.TenantId }
        Environment  = [pscustomobject]@{ Name = $script:State.Environment; ResourceManagerUrl = $script:State.ArmUrl }
    }
}

function Get-AzAccessToken {
    [CmdletBinding()]
    param([string] $ResourceUrl, [string] $TenantId, [switch] $AsSecureString, [object] $DefaultProfile)
    $script:State.TokenCalls++
    $script:State.LastResourceUrl = $ResourceUrl
    if (-not $script:State.Connected) { throw 'Run Connect-AzAccount to login.' }
    $token = $script:State.Token
    if ($AsSecureString -and $script:State.SecureToken) { $token = ConvertTo-SecureString -String $token -AsPlainText -Force }
    [pscustomobject]@{
        Token     = $token
        ExpiresOn = [DateTimeOffset]::UtcNow.AddMinutes($script:State.LifetimeMinutes)
        TenantId  = $script:State.TenantId
        UserId    = 'admin@contoso.example'
        Type      = 'Bearer'
    }
}
