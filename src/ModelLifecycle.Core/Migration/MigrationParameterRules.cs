using ModelLifecycle.Core.Inventory;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>
    /// Combinations of Invoke-ModelMigration's parameters that cannot work, refused before any request.
    /// The cmdlet reports the error; the rules live here.
    /// </summary>
    public static class MigrationParameterRules
    {
        /// <summary>What is wrong with the switches and the new name alone; null when nothing is.</summary>
        public static ModelLifecycleException? Refuse(bool offline, bool planOnly, bool removeSource, MigrationMode mode, string? newDeploymentName)
        {
            if (offline && !planOnly)
            {
                return new ModelLifecycleException("OfflineNeedsPlanOnly", ErrorKind.InvalidArgument, "-Offline plans without Azure, so it cannot write: add -PlanOnly.");
            }

            if (removeSource && mode == MigrationMode.InPlace)
            {
                return new ModelLifecycleException("RemoveSourceNeedsSideBySide", ErrorKind.InvalidArgument, "-RemoveSource removes the old deployment after a side-by-side move; an in-place move keeps the same deployment.");
            }

            if (newDeploymentName is not null && DeploymentNames.Validate(newDeploymentName) is string invalid)
            {
                return new ModelLifecycleException("InvalidDeploymentName", ErrorKind.InvalidArgument, $"-NewDeploymentName: {invalid}.", newDeploymentName);
            }

            return null;
        }

        /// <summary>A new deployment name fits one source only; null when the selection names exactly one (or no name was given).</summary>
        public static ModelLifecycleException? Refuse(string? newDeploymentName, DeploymentSelection selection) =>
            newDeploymentName is not null && !selection.NamesOneDeployment
                ? new ModelLifecycleException(
                    "NewDeploymentNameNeedsOneSource",
                    ErrorKind.InvalidArgument,
                    "-NewDeploymentName names one new deployment, but several deployments were given; leave it out to derive a name for each.",
                    newDeploymentName)
                : null;
    }
}
