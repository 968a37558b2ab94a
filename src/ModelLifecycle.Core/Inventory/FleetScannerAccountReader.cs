using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>
    /// Reads the deployments of one account (all of them, or the one the request names), or deployments
    /// named one by one, turns the bodies into <see cref="Deployment"/>s with their account's location, and
    /// hands them to the output. A failure is one error for that account or deployment; the scan goes on.
    /// </summary>
    internal sealed class FleetScannerAccountReader
    {
        private readonly ArmClient arm;
        private readonly string? deploymentName;
        private readonly FleetScannerOutput output;

        public FleetScannerAccountReader(ArmClient arm, ScanRequest request, FleetScannerOutput output)
        {
            this.arm = arm;
            deploymentName = request.DeploymentName;
            this.output = output;
        }

        /// <summary>One account: its deployments, or only the one the request names.</summary>
        public async Task ReadAccountAsync(FleetScannerAccount account, CancellationToken token)
        {
            try
            {
                string? location = account.Location;
                if (account.Named)
                {
                    location = (string?)(await arm.GetAccountAsync(account.Id, token).ConfigureAwait(false))["location"];
                }

                if (deploymentName is string name)
                {
                    AzureResourceId id = AzureResourceId.ForDeployment(account.Id.SubscriptionId, account.Id.ResourceGroupName, account.Id.AccountName, name);
                    JObject body;
                    try
                    {
                        body = await arm.GetDeploymentAsync(id, token).ConfigureAwait(false);
                    }
                    catch (ArmException e) when (e.ErrorId == ArmErrorIds.DeploymentNotFound)
                    {
                        return; // not in this account; FleetScannerMissingNames speaks if it is nowhere
                    }

                    Hand(new[] { body }, location);
                }
                else
                {
                    Hand(await arm.ListDeploymentsAsync(account.Id, token).ConfigureAwait(false), location);
                }
            }
            catch (ArmException e)
            {
                output.WriteError(e);
            }
            finally
            {
                output.AccountDone();
            }
        }

        /// <summary>Named deployments of one account: each read on its own (one error each), then the account once for its location.</summary>
        public async Task ReadDeploymentsAsync(List<AzureResourceId> ids, CancellationToken token)
        {
            try
            {
                var bodies = new List<JObject>();
                foreach (AzureResourceId id in ids)
                {
                    try
                    {
                        bodies.Add(await arm.GetDeploymentAsync(id, token).ConfigureAwait(false));
                    }
                    catch (ArmException e)
                    {
                        output.WriteError(e);
                    }
                }

                if (bodies.Count == 0)
                {
                    return;
                }

                string? location = null;
                try
                {
                    location = (string?)(await arm.GetAccountAsync(ids[0], token).ConfigureAwait(false))["location"];
                }
                catch (ArmException e)
                {
                    output.WriteWarning($"The location of account '{ids[0].AccountName}' could not be read, so its deployments have none: {e.Message}");
                }

                Hand(bodies, location);
            }
            finally
            {
                output.AccountDone();
            }
        }

        private void Hand(IReadOnlyList<JObject> bodies, string? location)
        {
            var batch = new List<Deployment>(bodies.Count);
            foreach (JObject body in bodies)
            {
                foreach (InputItem item in DeploymentReader.Read(body))
                {
                    if (item.Deployment is Deployment deployment)
                    {
                        deployment.Location = location ?? deployment.Location;
                        deployment.RawBody = body;
                        batch.Add(deployment);
                    }
                }
            }

            output.Hand(batch);
        }
    }

    /// <summary>An account waiting to be read: its id, and its location when discovery already knows it.</summary>
    internal sealed class FleetScannerAccount
    {
        public FleetScannerAccount(AzureResourceId id, string? location, bool named)
        {
            Id = id;
            Location = location;
            Named = named;
        }

        public AzureResourceId Id { get; }

        public string? Location { get; }

        /// <summary>Named by the caller: its location is not known yet, and a failure to read it is an error.</summary>
        public bool Named { get; }
    }
}
