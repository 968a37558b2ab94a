using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Tests.Support;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>
    /// A small catalog with one case per annotation rule, so the tests of Find-ModelReference's service
    /// do not move when the embedded snapshot does. The tests ask as of 2026-06-01.
    /// </summary>
    internal static class ReferenceCatalog
    {
        public const string AsOf = "2026-06-01";

        public static readonly LifecycleCatalog Instance = Catalogs.FromEntries(@"[
          { ""model"": ""alpha"", ""version"": ""1"", ""retirementDate"": ""2026-03-01"", ""replacements"": [ { ""model"": ""beta"" } ] },
          { ""model"": ""alpha"", ""version"": ""2"", ""retirementDate"": ""2026-09-01"",
            ""retirementByDeploymentType"": { ""Standard"": ""2026-09-01"", ""GlobalStandard"": ""2027-01-01"" },
            ""replacements"": [ { ""model"": ""gone"" }, { ""model"": ""beta"" } ] },
          { ""model"": ""alpha"", ""version"": ""3"", ""retirementDate"": ""2026-12-01"", ""replacements"": [ { ""model"": ""beta"" } ] },
          { ""model"": ""alpha"", ""version"": ""4"", ""isDefaultVersion"": true },
          { ""model"": ""alpha"", ""version"": ""2"", ""kind"": ""FineTuned"", ""retirementDate"": ""2027-10-01"" },
          { ""model"": ""gone"", ""version"": ""1"", ""retirementDate"": ""2026-01-01"" },
          { ""model"": ""beta"", ""version"": ""1"", ""retirementDate"": ""2028-01-01"" },
          { ""model"": ""split"", ""version"": ""1"", ""deprecationDate"": ""2025-01-01"", ""retirementDate"": ""2026-03-31"",
            ""retirementByDeploymentType"": { ""Standard"": ""2026-03-31"", ""ProvisionedManaged"": ""2026-10-01"" },
            ""replacements"": [ { ""model"": ""beta"" } ] },
          { ""model"": ""floor"", ""version"": ""1"", ""retirementDate"": ""2026-07-01"", ""retirementQualifier"": ""NotBefore"" },
          { ""model"": ""floor"", ""version"": ""2"", ""retirementDate"": ""2026-08-01"" },
          { ""model"": ""onlyfloor"", ""version"": ""1"", ""retirementDate"": ""2026-07-01"", ""retirementQualifier"": ""NotBefore"" },
          { ""model"": ""vague"", ""version"": ""1"", ""retirementDate"": ""2026-11-01"", ""retirementQualifier"": ""NoEarlierThan"" },
          { ""model"": ""history"", ""version"": ""1"", ""retirementDate"": ""2025-01-01"", ""replacements"": [ { ""model"": ""gone"" } ] },
          { ""model"": ""history"", ""version"": ""2"", ""retirementDate"": ""2025-06-01"", ""replacements"": [ { ""model"": ""beta"" } ] },
          { ""model"": ""ended"", ""version"": ""1"", ""stage"": ""Retired"" },
          { ""model"": ""gpt-35-turbo"", ""version"": ""0125"", ""retirementDate"": ""2026-10-01"" },
          { ""model"": ""dall-e-3"", ""version"": ""3"", ""stage"": ""Retired"", ""retirementDate"": ""2026-03-04"", ""replacements"": [ { ""model"": ""beta"" } ] },
          { ""model"": ""far"", ""version"": ""1"", ""retirementDate"": ""2030-01-01"" },
          { ""model"": ""undated"", ""version"": ""1"" },
          { ""model"": ""gov-only"", ""version"": ""1"", ""cloud"": ""AzureUSGovernment"", ""retirementDate"": ""2026-07-01"" }
        ]");

        public static System.DateTime Date => Catalogs.Date(AsOf);
    }
}
