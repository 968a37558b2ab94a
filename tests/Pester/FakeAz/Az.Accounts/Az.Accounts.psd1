# A stand-in for Az.Accounts, for tests only: Get-AzContext and Get-AzAccessToken with the shapes of
# the real ones, pointing at the local ARM emulator. Put its folder first on PSModulePath.
@{
    RootModule        = 'Az.Accounts.psm1'
    ModuleVersion     = '0.0.1'
    GUID              = '0b6f3c55-7d0a-4a51-9d8e-2f6a3c1d9e70'
    Author            = 'ModelLifecycle tests'
    Description       = 'Test double of Az.Accounts for the ModelLifecycle Pester suite.'
    PowerShellVersion = '5.1'
    FunctionsToExport = @('Get-AzContext', 'Get-AzAccessToken', 'Connect-AzAccount', 'Set-FakeAzState', 'Get-FakeAzState')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
