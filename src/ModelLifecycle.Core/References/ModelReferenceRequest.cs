using System;
using System.Collections.Generic;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using ModelLifecycle.Core.Policy;

namespace ModelLifecycle.Core.References
{
    /// <summary>What Find-ModelReference was asked to look for; <see cref="ReferencePlanner"/> turns it into patterns.</summary>
    public sealed class ModelReferenceRequest
    {
        /// <summary>
        /// Model ids, or wildcards matched against the catalog's model names (and their other spellings).
        /// A literal id the catalog does not know is still searched.
        /// </summary>
        public IList<string> Models { get; set; } = new List<string>();

        /// <summary>Deployment names given by name only: searched, but no model is known for them.</summary>
        public IList<string> DeploymentNames { get; set; } = new List<string>();

        /// <summary>Deployments (from the pipeline): each adds its model id and its name.</summary>
        public IList<Deployment> Deployments { get; set; } = new List<Deployment>();

        /// <summary>
        /// Migrations (plans, or the plans of results) piped in: each adds its source deployment, and the
        /// files that name it or its source model are also searched for the request parameters that change.
        /// </summary>
        public IList<MigrationPlan> Migrations { get; } = new List<MigrationPlan>();

        /// <summary>
        /// When nothing above names what to search for: models with a version that retires within this many
        /// days of <see cref="AsOf"/>, plus models with a version already retired.
        /// </summary>
        public int RetiringWithinDays { get; set; } = 365;

        /// <summary>
        /// A replacement that retires within this many days of <see cref="AsOf"/> is passed over in the
        /// Replacement label for one that lasts, as in Test-DeploymentUpgradePolicy's advice.
        /// </summary>
        public int WarningDays { get; set; } = EvaluationOptions.DefaultWarningDays;

        public CatalogCloud Cloud { get; set; } = CatalogCloud.AzureCloud;

        public DateTime AsOf { get; set; } = DateTime.Today;

        /// <summary>The date, horizon and cloud the labels are worked out for, as a verdict would be.</summary>
        internal EvaluationOptions Options => new EvaluationOptions(AsOf, WarningDays, Cloud);

        /// <summary>
        /// Adds what arrived as "deployments" (<see cref="DeploymentReader"/>): deployments are kept; input that
        /// is not one, and accounts (whose deployments would have to be read from Azure), are reported per item
        /// with the same error ids as Test-DeploymentUpgradePolicy.
        /// </summary>
        public void AddInput(IEnumerable<InputItem> items, IOperationSink sink)
        {
            foreach (InputItem item in items)
            {
                if (item.Deployment is not null)
                {
                    Deployments.Add(item.Deployment);
                }
                else if (item.Account is not null)
                {
                    sink.WriteError(InputItem.AccountNeedsAzure(item.Account, "Find-ModelReference"));
                }
                else if (item.Error is not null)
                {
                    sink.WriteError(item.Error);
                }
            }
        }

        /// <summary>Adds a migration: its source deployment is searched, and its parameter changes in the files that name it.</summary>
        public void AddMigration(MigrationPlan plan)
        {
            Migrations.Add(plan);
            Deployments.Add(new Deployment
            {
                Name = plan.SourceDeployment,
                Model = plan.SourceModel,
                Version = plan.SourceVersion,
                SubscriptionId = plan.SubscriptionId,
                ResourceGroupName = plan.ResourceGroupName,
                AccountName = plan.AccountName,
                DeploymentType = plan.Source?.DeploymentType ?? plan.DeploymentType,
                UpgradeOption = plan.Source?.UpgradeOption,
            });
        }

        /// <summary>True when the caller named models, deployment names or deployments, so the default set is not used.</summary>
        public bool NamesTargets => Models.Count > 0 || DeploymentNames.Count > 0 || Deployments.Count > 0;
    }
}
