#
# Module manifest for ModelLifecycle. Written by hand; build.ps1 stamps ModuleVersion from
# Directory.Build.props (the one version source) into the copy it writes to out/.
#
@{
    RootModule             = 'ModelLifecycle.dll'
    ModuleVersion          = '{{ModuleVersion}}'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '6f3c2a1e-8b4d-4f7a-9c2e-5d1b7a9e0c43'
    Author                 = 'ModelLifecycle contributors'
    CompanyName            = 'ModelLifecycle contributors'
    Copyright              = '(c) ModelLifecycle contributors. Released under the MIT License.'
    Description            = 'Tells Azure OpenAI / Foundry admins which model versions retire when, what each of their deployments will do then (auto-upgrade, stop working, or need a migration) and where their code names those models; changes upgrade policies safely and migrates deployments to their replacements, checked before and verified after every write.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('ModelLifecycle.Format.ps1xml')
    TypesToProcess         = @('ModelLifecycle.Types.ps1xml')
    CmdletsToExport        = @(
        'Export-ModelLifecycleReport'
        'Find-ModelReference'
        'Get-ModelRetirement'
        'Invoke-ModelMigration'
        'Set-DeploymentUpgradeOption'
        'Test-DeploymentUpgradePolicy'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Azure', 'AzureOpenAI', 'Foundry', 'OpenAI', 'Lifecycle', 'Retirement', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/modellifecycle/ModelLifecycle/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/modellifecycle/ModelLifecycle'
            ReleaseNotes = 'See CHANGELOG.md in the project repository: https://github.com/modellifecycle/ModelLifecycle/blob/main/CHANGELOG.md'
        }
    }
}
