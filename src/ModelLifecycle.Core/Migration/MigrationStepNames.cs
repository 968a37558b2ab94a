namespace ModelLifecycle.Core.Migration
{
    /// <summary>The names of the steps a migration reports, in the order they can run.</summary>
    public static class MigrationStepNames
    {
        /// <summary>A check failed, or warned without -Force: nothing was written.</summary>
        public const string Preflight = "Preflight";

        /// <summary>SideBySide: PUT the new deployment and follow its operation.</summary>
        public const string CreateTarget = "CreateTarget";

        /// <summary>SideBySide: GET the new deployment; model, version and provisioningState Succeeded.</summary>
        public const string VerifyTarget = "VerifyTarget";

        /// <summary>InPlace: PUT the source with only properties.model changed.</summary>
        public const string ChangeModel = "ChangeModel";

        /// <summary>InPlace: GET the deployment; model, version and provisioningState Succeeded.</summary>
        public const string VerifyModel = "VerifyModel";

        /// <summary>InPlace: a second, separate PUT for a capacity change (ARM refuses model and capacity in one).</summary>
        public const string ChangeCapacity = "ChangeCapacity";

        /// <summary>InPlace: a separate PUT of versionUpgradeOption when -UpgradeOption differs from the deployment's.</summary>
        public const string SetUpgradeOption = "SetUpgradeOption";

        /// <summary>SideBySide with -RemoveSource: DELETE the source, only after the new deployment is verified.</summary>
        public const string RemoveSource = "RemoveSource";

        /// <summary>SideBySide with -RemoveSource: GET the source; it must be gone.</summary>
        public const string VerifyRemoved = "VerifyRemoved";
    }
}
