using System;
using System.Collections.Generic;
using System.Management.Automation;
using ModelLifecycle.Binding;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Inventory;

namespace ModelLifecycle.Commands
{
    /// <summary>
    /// The ways a cmdlet that acts on deployments is told which ones (the input forms in the cmdlets' help, docs/en-US): objects from
    /// the pipeline, an account by resource group and name (optionally one deployment), or resource ids;
    /// plus the Azure parameters every such cmdlet shares. Each cmdlet adds its own sets and parameters.
    /// </summary>
    public abstract class DeploymentCmdlet : AsyncModelLifecycleCmdlet
    {
        protected const string ByInput = "ByInput";
        protected const string ByName = "ByName";
        protected const string ByResourceId = "ByResourceId";

        /// <summary>Deployments (Az objects, ARM JSON objects, this module's objects) or accounts; one List per account included.</summary>
        // Get-AzCognitiveServicesAccountDeployment writes an empty List for an account without
        // deployments: that is an empty account, not a binding error that -ErrorAction Stop turns fatal.
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByInput)]
        [Alias("Deployment")]
        [AllowEmptyCollection]
        public PSObject[]? InputObject { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string? ResourceGroupName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string? AccountName { get; set; }

        /// <summary>A deployment of the account; all of its deployments when omitted.</summary>
        [Parameter(ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        [Alias("DeploymentName")]
        public string? Name { get; set; }

        /// <summary>Account or deployment resource ids.</summary>
        // Not bound from the pipeline by property name: objects with a ResourceId (this module's own
        // assessments among them) arrive whole through -InputObject, which keeps their details.
        [Parameter(Mandatory = true, ParameterSetName = ByResourceId)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string[]? ResourceId { get; set; }

        /// <summary>ARM requests in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = ArmClientOptions.DefaultThrottleLimit;

        /// <summary>The Az context to use (from Get-AzContext), as with Az cmdlets.</summary>
        [Parameter]
        [Alias("AzContext", "AzureRmContext", "AzureCredential")]
        public PSObject? DefaultProfile { get; set; }

        /// <summary>What this record's -InputObject or -ResourceId named (other sets name nothing per record).</summary>
        protected IEnumerable<InputItem> ReadRecordInput()
        {
            if (ParameterSetName == ByInput)
            {
                foreach (var input in InputObject ?? Array.Empty<PSObject>())
                {
                    foreach (var item in DeploymentReader.ReadDeployments(CoreView.Of(input)))
                    {
                        yield return item;
                    }
                }
            }
            else if (ParameterSetName == ByResourceId)
            {
                foreach (var id in ResourceId ?? Array.Empty<string>())
                {
                    foreach (var item in DeploymentReader.Read(id))
                    {
                        yield return item;
                    }
                }
            }
        }

        /// <summary>What -ResourceGroupName, -AccountName and -Name name, in these subscriptions; null in the other sets.</summary>
        protected NamedDeployments? NamedByParameters(IReadOnlyList<string>? subscriptionIds) =>
            ParameterSetName == ByName ? new NamedDeployments(ResourceGroupName!, AccountName!, Name, subscriptionIds) : null;

        protected ArmClient NewArmClient(Core.Azure.IAzureSession session) =>
            new ArmClient(session, new ArmClientOptions { ThrottleLimit = ThrottleLimit }, this);
    }
}
