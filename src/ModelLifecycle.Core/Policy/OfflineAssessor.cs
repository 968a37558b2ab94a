using System.Collections.Generic;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;

namespace ModelLifecycle.Core.Policy
{
    /// <summary>
    /// Assesses deployments that arrived with their details (Az objects, ARM JSON, inventory files).
    /// Inputs that only point at Azure (an account, a bare resource id) are reported per item: they
    /// need their deployments read from ARM first.
    /// </summary>
    public sealed class OfflineAssessor
    {
        private readonly LifecycleCatalog _catalog;
        private readonly EvaluationOptions _options;
        private readonly DataAgeCheck _ages;

        /// <param name="ages">Decides the staleness warnings; share one with the run's other assessors so each date warns once.</param>
        public OfflineAssessor(LifecycleCatalog catalog, EvaluationOptions options, DataAgeCheck? ages = null)
        {
            _catalog = catalog;
            _options = options;
            _ages = ages ?? new DataAgeCheck(options.AsOf);
        }

        public IEnumerable<UpgradePolicyAssessment> Assess(IEnumerable<InputItem> items, IOperationSink sink)
        {
            foreach (var item in items)
            {
                if (item.Error is not null)
                {
                    sink.WriteError(item.Error);
                }
                else if (item.Account is not null)
                {
                    sink.WriteError(InputItem.AccountNeedsAzure(item.Account, "Test-DeploymentUpgradePolicy"));
                }
                else if (item.Deployment is Deployment d && string.IsNullOrWhiteSpace(d.Model))
                {
                    sink.WriteError(new ModelLifecycleException(
                        "DeploymentDetailsMissing",
                        ErrorKind.InvalidData,
                        $"Deployment '{d}' arrived without its model, so it cannot be assessed offline.",
                        d.ResourceId ?? d.Name)
                    {
                        RecommendedAction = "Pass the deployment object itself (Get-AzCognitiveServicesAccountDeployment) or ARM JSON that includes properties.model.",
                    });
                }
                else if (item.Deployment is Deployment deployment)
                {
                    var assessment = UpgradePolicyEvaluator.Evaluate(deployment, _catalog, _options);
                    if (_ages.Check(_catalog.FindForDeployment(_options.Cloud, deployment.Model!, deployment.Version), deployment.Model, deployment.Version) is string stale)
                    {
                        sink.WriteWarning(stale);
                    }

                    yield return assessment;
                }
            }
        }
    }
}
