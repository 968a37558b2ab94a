using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Inventory;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Policy
{
    /// <summary>What became of one deployment.</summary>
    public enum UpgradeOptionChangeOutcome
    {
        Changed,
        AlreadySet,
        NotConfirmed,
    }

    /// <summary>One deployment's result, for -PassThru and for tests.</summary>
    public sealed class UpgradeOptionChange
    {
        public UpgradeOptionChange(AzureResourceId id, UpgradeOptionChangeOutcome outcome, string? before, Deployment deployment)
        {
            Id = id;
            Outcome = outcome;
            Before = before;
            Deployment = deployment;
        }

        public AzureResourceId Id { get; }

        public UpgradeOptionChangeOutcome Outcome { get; }

        /// <summary>versionUpgradeOption before the change (null when it was not set).</summary>
        public string? Before { get; }

        /// <summary>The deployment as ARM has it afterwards (or as it was, when nothing was written).</summary>
        public Deployment Deployment { get; }
    }

    /// <summary>
    /// Changes properties.versionUpgradeOption and nothing else: GET the deployment with the newest
    /// api-version (so properties an older one would hide are in the body), change that one property,
    /// PUT the whole body back (ARM ignores read-only properties in a PUT), follow the operation to its
    /// end, GET again and check that the option took and that no other property changed. One write at
    /// a time per account (ARM runs one operation per account); accounts proceed in parallel, bounded
    /// by the ARM client's throttle. A deployment already set is left alone.
    /// </summary>
    public sealed class UpgradeOptionWriter
    {
        private readonly ArmClient _arm;
        private readonly LifecycleCatalog _catalog;
        private readonly EvaluationOptions _options;
        private readonly SerializedSink _sink;
        private readonly Func<string, string, Task<bool>> _shouldProcess;

        /// <param name="shouldProcess">(target, action) -> whether to write; the cmdlet's ShouldProcess, run on its pipeline thread.</param>
        public UpgradeOptionWriter(ArmClient arm, LifecycleCatalog catalog, EvaluationOptions options, IOperationSink sink, Func<string, string, Task<bool>> shouldProcess)
        {
            _arm = arm;
            _catalog = catalog;
            _options = options;
            _sink = SerializedSink.For(sink);
            _shouldProcess = shouldProcess;
        }

        public async Task SetAsync(IReadOnlyCollection<AzureResourceId> deployments, string upgradeOption, Action<UpgradeOptionChange> onDone, CancellationToken cancellationToken)
        {
            var option = UpgradeOptionNames.Canonical(upgradeOption)
                ?? throw new ModelLifecycleException("InvalidUpgradeOption", ErrorKind.InvalidArgument, $"'{upgradeOption}' is not an upgrade option; use one of {string.Join(", ", UpgradeOptionNames.All)}.", upgradeOption);

            var byAccount = deployments
                .GroupBy(d => d.DeploymentId!, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
                .GroupBy(d => d.AccountId, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var done = 0;
            var total = byAccount.Sum(g => g.Count());

            await Task.WhenAll(byAccount.Select(async account =>
            {
                foreach (var id in account)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        var change = await SetOneAsync(id, option, cancellationToken).ConfigureAwait(false);
                        if (change is not null)
                        {
                            _sink.Deliver(onDone, change);
                        }
                    }
                    catch (ModelLifecycleException ex)
                    {
                        _sink.WriteError(ex);
                    }

                    _sink.Run(() =>
                    {
                        done++;
                        _sink.WriteProgress(new ProgressReport(ProgressBars.Writing, "Setting versionUpgradeOption to " + option, $"{done} of {total} deployments", done, total) { IsComplete = done == total });
                    });
                }
            })).ConfigureAwait(false);
        }

        private async Task<UpgradeOptionChange?> SetOneAsync(AzureResourceId id, string option, CancellationToken cancellationToken)
        {
            var before = await _arm.GetDeploymentAsync(id, cancellationToken).ConfigureAwait(false);
            var current = (string?)before.SelectToken("properties.versionUpgradeOption");
            var deploymentBefore = DeploymentChanges.ToDeployment(before, id);
            if (string.Equals(UpgradeOptionNames.Canonical(current) ?? current, option, StringComparison.Ordinal))
            {
                _sink.WriteVerbose($"Deployment '{id.DeploymentName}' of account '{id.AccountName}' is already set to {option}; nothing was written.");
                return new UpgradeOptionChange(id, UpgradeOptionChangeOutcome.AlreadySet, current, deploymentBefore);
            }

            if (option == UpgradeOptionNames.NoAutoUpgrade)
            {
                WarnIfRetiringSoon(deploymentBefore);
            }
            else
            {
                WarnIfOptionChangesNothing(deploymentBefore, id, option);
            }

            var action = $"Set versionUpgradeOption from {current ?? "(not set)"} to {option}";
            if (!await _shouldProcess($"Deployment '{id.DeploymentName}' of account '{id.AccountName}'", action).ConfigureAwait(false))
            {
                return null;
            }

            var body = DeploymentChanges.Edit(before, id, properties => properties["versionUpgradeOption"] = option);
            var after = await _arm.PutDeploymentAsync(id, body, cancellationToken).ConfigureAwait(false);

            var applied = (string?)after.SelectToken("properties.versionUpgradeOption");
            if (!string.Equals(applied, option, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelLifecycleException(
                    "UpgradeOptionNotApplied",
                    ErrorKind.InvalidResult,
                    $"ARM accepted the change of deployment '{id.DeploymentName}' of account '{id.AccountName}', but it now reports versionUpgradeOption {applied ?? "(not set)"}, not {option}.",
                    id.DeploymentId)
                {
                    RecommendedAction = "Read it again with Test-DeploymentUpgradePolicy -ResourceId <id>; if it persists, the service may not support this option for the deployment's model.",
                };
            }

            foreach (var difference in DeploymentChanges.Differences(before, after, new[] { "properties.versionUpgradeOption" }))
            {
                _sink.WriteWarning($"Deployment '{id.DeploymentName}' of account '{id.AccountName}': {difference} after the write.");
            }

            _sink.WriteVerbose($"Deployment '{id.DeploymentName}' of account '{id.AccountName}': versionUpgradeOption {current ?? "(not set)"} -> {option}.");
            return new UpgradeOptionChange(id, UpgradeOptionChangeOutcome.Changed, current, DeploymentChanges.ToDeployment(after, id));
        }

        /// <summary>
        /// A deployment that stops working (or has stopped) whatever its option: say so before the write,
        /// since setting the option is then no fix (provisioned, batch, fine-tuned, no upgrade target, retired).
        /// </summary>
        private void WarnIfOptionChangesNothing(Deployment d, AzureResourceId id, string option)
        {
            var now = UpgradePolicyEvaluator.Evaluate(d, _catalog, _options);
            if (now.OutcomeValue != UpgradeOutcome.WillStopWorking && now.OutcomeValue != UpgradeOutcome.Retired)
            {
                return;
            }

            var then = UpgradePolicyEvaluator.Evaluate(UpgradePolicyEvaluator.WithOption(d, option), _catalog, _options);
            if (then.OutcomeValue != now.OutcomeValue)
            {
                return;
            }

            _sink.WriteWarning($"Deployment '{id.DeploymentName}' of account '{id.AccountName}': {option} does not change what happens to it. {then.Reason} {then.RecommendedAction}");
        }

        private void WarnIfRetiringSoon(Deployment d)
        {
            var assessment = UpgradePolicyEvaluator.Evaluate(d, _catalog, _options);
            if (assessment.RetirementDate is DateTime retired && assessment.DaysUntilRetirement is int past && past <= 0)
            {
                _sink.WriteWarning(string.Format(
                    CultureInfo.InvariantCulture,
                    "Deployment '{0}' runs {1} {2}, which retired on {3:yyyy-MM-dd}; no upgrade option makes it work again: migrate it.",
                    d.Name,
                    d.Model,
                    d.Version,
                    retired));
            }
            else if (assessment.RetirementDate is DateTime date && assessment.DaysUntilRetirement is int days && days <= _options.WarningDays)
            {
                _sink.WriteWarning(string.Format(
                    CultureInfo.InvariantCulture,
                    "Deployment '{0}' runs {1} {2}, which retires on {3:yyyy-MM-dd} ({4} days); with NoAutoUpgrade it stops working then.",
                    d.Name,
                    d.Model,
                    d.Version,
                    date,
                    days));
            }
        }
    }
}
