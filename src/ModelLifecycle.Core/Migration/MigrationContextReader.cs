using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>
    /// The thin async layer in front of <see cref="MigrationPlanner"/>: reads what the checks need from
    /// ARM (the location's Models and Usages, the account's deployments) into a <see cref="MigrationContext"/>.
    /// Errors from ARM are not caught here: a source whose account cannot be read gets one error record.
    /// </summary>
    public static class MigrationContextReader
    {
        public static async Task<MigrationContext> ReadAsync(ArmClient arm, Deployment source, LifecycleCatalog catalog, CancellationToken cancellationToken)
        {
            if (arm is null) throw new ArgumentNullException(nameof(arm));
            if (source is null) throw new ArgumentNullException(nameof(source));
            if (catalog is null) throw new ArgumentNullException(nameof(catalog));
            if (source.SubscriptionId is null || source.ResourceGroupName is null || source.AccountName is null)
            {
                throw new ModelLifecycleException(
                    "DeploymentAddressIncomplete",
                    ErrorKind.InvalidArgument,
                    $"Deployment '{source.Name}' does not say which subscription, resource group and account it is in, so it cannot be read from Azure.",
                    source)
                {
                    RecommendedAction = "Pass the deployment with -ResourceId, or -ResourceGroupName and -AccountName, or use -PlanOnly -Offline.",
                };
            }

            var account = AzureResourceId.ForAccount(source.SubscriptionId, source.ResourceGroupName, source.AccountName);
            var location = source.Location;
            if (string.IsNullOrWhiteSpace(location))
            {
                // Az deployment objects carry no location; the account has it.
                var body = await arm.GetAccountAsync(account, cancellationToken).ConfigureAwait(false);
                location = (string?)body["location"];
            }

            var deployments = await arm.ListDeploymentsAsync(account, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<JObject>? models = null;
            IReadOnlyList<JObject>? usages = null;
            if (!string.IsNullOrWhiteSpace(location))
            {
                models = await arm.ListModelsAsync(source.SubscriptionId, location!, cancellationToken).ConfigureAwait(false);
                usages = await arm.ListUsagesAsync(source.SubscriptionId, location!, cancellationToken).ConfigureAwait(false);
            }

            return new MigrationContext(catalog)
            {
                Location = location,
                Models = models,
                Usages = usages,
                AccountDeployments = deployments
                    .SelectMany(d => DeploymentReader.Read(d))
                    .Select(i => i.Deployment)
                    .Where(d => d is not null)
                    .Select(d => d!)
                    .ToList(),
            };
        }
    }
}
