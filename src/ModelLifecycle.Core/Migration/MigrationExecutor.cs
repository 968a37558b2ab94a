using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Arm;
using ModelLifecycle.Core.Catalog;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>A write the executor is about to make, for the host's ShouldProcess.</summary>
    public sealed class MigrationConfirmation
    {
        public MigrationConfirmation(string target, string action, bool destructive)
        {
            Target = target;
            Action = action;
            Destructive = destructive;
        }

        /// <summary>"Deployment 'x' of account 'y'".</summary>
        public string Target { get; }

        public string Action { get; }

        /// <summary>True for removing the source: the host asks again at high impact.</summary>
        public bool Destructive { get; }
    }

    /// <summary>How plans are carried out.</summary>
    public sealed class MigrationExecutionOptions
    {
        /// <summary>SideBySide: delete the source once the new deployment is verified.</summary>
        public bool RemoveSource { get; set; }

        /// <summary>Go ahead despite Warn checks. A Fail check always stops that deployment.</summary>
        public bool Force { get; set; }

        /// <summary>
        /// -WhatIf: every write is declined, and the writes that would follow are still described (through
        /// the confirm delegate), so the preview shows the whole sequence, removal included.
        /// </summary>
        public bool Preview { get; set; }
    }

    /// <summary>
    /// Carries out migration plans through the ARM client (CMDLETS.md, Invoke-ModelMigration, "Writes"):
    /// one write at a time per account (ARM runs one operation per account; a 409 is waited out by the
    /// client), accounts in parallel within the client's throttle, each long-running operation followed
    /// and each step verified by a GET. Resuming reads Azure, never a local file: a step whose result is
    /// already there is reported AlreadyDone and not repeated. A failure stops that deployment only, leaves
    /// the source serving, and is one error carrying ARM's code.
    /// </summary>
    public sealed class MigrationExecutor
    {
        private readonly ArmClient _arm;
        private readonly SerializedSink _sink;
        private readonly Func<MigrationConfirmation, Task<bool>> _confirm;
        private readonly MigrationExecutionOptions _options;

        /// <param name="confirm">The host's ShouldProcess, run on its pipeline thread; false means write nothing more for that deployment.</param>
        public MigrationExecutor(ArmClient arm, IOperationSink sink, Func<MigrationConfirmation, Task<bool>> confirm, MigrationExecutionOptions options)
        {
            _arm = arm ?? throw new ArgumentNullException(nameof(arm));
            _sink = SerializedSink.For(sink ?? throw new ArgumentNullException(nameof(sink)));
            _confirm = confirm ?? throw new ArgumentNullException(nameof(confirm));
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>Runs every plan; <paramref name="onDone"/> gets each result as its deployment finishes.</summary>
        public async Task RunAsync(IReadOnlyCollection<MigrationPlan> plans, Action<MigrationResult> onDone, CancellationToken cancellationToken)
        {
            var byAccount = plans
                .GroupBy(p => (p.SubscriptionId + "/" + p.ResourceGroupName + "/" + p.AccountName).ToUpperInvariant())
                .ToList();
            var done = 0;
            var total = plans.Count;
            await Task.WhenAll(byAccount.Select(async account =>
            {
                foreach (var plan in account)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var result = await RunOneAsync(plan, cancellationToken).ConfigureAwait(false);
                    _sink.Deliver(onDone, result);
                    _sink.Run(() =>
                    {
                        done++;
                        _sink.WriteProgress(new ProgressReport(ProgressBars.Migrating, "Migrating deployments", $"{done} of {total}: {plan.AccountName}/{plan.SourceDeployment} {result.Status}", done, total) { IsComplete = done == total });
                    });
                }
            })).ConfigureAwait(false);
        }

        /// <summary>Carries out one plan. Errors are written to the sink; the result says how far it got.</summary>
        public async Task<MigrationResult> RunOneAsync(MigrationPlan plan, CancellationToken cancellationToken)
        {
            var run = new Run(this, plan);
            try
            {
                await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ModelLifecycleException ex)
            {
                run.Fail(ex);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // No result comes out of a cancelled run, so say here what Azure may now hold.
                run.Cancelled();
                throw;
            }

            return run.Finish();
        }

        private sealed class Run
        {
            private readonly MigrationExecutor _x;
            private readonly MigrationPlan _plan;
            private readonly MigrationResult _result;
            private readonly List<MigrationStep> _steps = new List<MigrationStep>();
            private readonly Stopwatch _clock = new Stopwatch();
            private string _step = MigrationStepNames.Preflight;
            private readonly List<string> _written = new List<string>();
            private bool _declined;
            private bool _failed;
            private bool _writing;

            public Run(MigrationExecutor executor, MigrationPlan plan)
            {
                _x = executor;
                _plan = plan;
                _result = new MigrationResult(plan);
            }

            private ArmClient Arm => _x._arm;

            private AzureResourceId SourceId => AzureResourceId.ForDeployment(_plan.SubscriptionId!, _plan.ResourceGroupName!, _plan.AccountName!, _plan.SourceDeployment);

            private AzureResourceId TargetId => AzureResourceId.ForDeployment(_plan.SubscriptionId!, _plan.ResourceGroupName!, _plan.AccountName!, _plan.TargetDeployment!);

            private string Target(string deployment) => $"Deployment '{deployment}' of account '{_plan.AccountName}'";

            private string TargetModelText => _plan.TargetModel + (_plan.TargetVersion is null ? string.Empty : " " + _plan.TargetVersion);

            public async Task ExecuteAsync(CancellationToken token)
            {
                if (!Preflight())
                {
                    return;
                }

                if (_plan.ModeValue == MigrationMode.SideBySide)
                {
                    await SideBySideAsync(token).ConfigureAwait(false);
                }
                else
                {
                    await InPlaceAsync(token).ConfigureAwait(false);
                }
            }

            // A Fail check always stops; a Warn check stops unless -Force. Nothing is written either way.
            private bool Preflight()
            {
                if (_plan.SubscriptionId is null || _plan.ResourceGroupName is null || _plan.AccountName is null)
                {
                    Stop(new ModelLifecycleException(
                        "MigrationSourceUnplaced",
                        ErrorKind.InvalidArgument,
                        $"Deployment '{_plan.SourceDeployment}' came without its subscription, resource group and account, so it cannot be migrated through ARM.",
                        _plan.SourceDeployment)
                    {
                        RecommendedAction = "Pipe deployments from Get-AzCognitiveServicesAccountDeployment or Test-DeploymentUpgradePolicy, or pass -ResourceId.",
                    });
                    return false;
                }

                var failed = _plan.Checks.Where(c => c.StatusValue == MigrationCheckStatus.Fail).ToList();
                if (failed.Count > 0)
                {
                    return StoppedByChecks(
                        "MigrationCheckFailed",
                        "was not migrated",
                        failed,
                        "Fix what the failed checks name (Invoke-ModelMigration -PlanOnly shows every check), then run the same command again.");
                }

                var warned = _plan.Checks.Where(c => c.StatusValue == MigrationCheckStatus.Warn).ToList();
                if (warned.Count > 0 && !_x._options.Force)
                {
                    return StoppedByChecks(
                        "MigrationCheckWarning",
                        "was not migrated because checks warned",
                        warned,
                        "Read the warnings; to go ahead anyway, run the same command with -Force.");
                }

                foreach (var w in warned)
                {
                    _x._sink.WriteWarning($"Going ahead with -Force for deployment '{_plan.SourceDeployment}' despite {w.Name}: {w.Detail}");
                }

                return true;
            }

            /// <summary>Stops before any write because of <paramref name="checks"/>, naming each; always false (not going ahead).</summary>
            private bool StoppedByChecks(string errorId, string outcome, IEnumerable<MigrationCheck> checks, string action)
            {
                Stop(new ModelLifecycleException(
                    errorId,
                    ErrorKind.InvalidOperation,
                    $"Deployment '{_plan.SourceDeployment}' of account '{_plan.AccountName}' {outcome}: {string.Join(" ", checks.Select(c => c.Name + ": " + c.Detail))}",
                    _plan.Source?.ResourceId ?? _plan.SourceDeployment)
                {
                    RecommendedAction = action,
                });
                return false;
            }

            private void Stop(ModelLifecycleException error)
            {
                _steps.Add(new MigrationStep(MigrationStepNames.Preflight, MigrationStatus.Skipped, TimeSpan.Zero, error.Message));
                _declined = true;
                _x._sink.WriteError(error);
            }

            private async Task SideBySideAsync(CancellationToken token)
            {
                var target = TargetId;
                Begin(MigrationStepNames.CreateTarget);

                var existing = await TryGetAsync(target, token).ConfigureAwait(false);
                JObject? created;
                if (existing is not null && RunsTarget(existing) && Succeeded(existing))
                {
                    created = existing;
                    End(MigrationStatus.AlreadyDone, $"'{_plan.TargetDeployment}' already runs {Describe(existing)}; not written again.");
                }
                else if (existing is not null && !RunsTarget(existing))
                {
                    throw new ModelLifecycleException(
                        "TargetDeploymentNameTaken",
                        ErrorKind.ResourceExists,
                        $"Account '{_plan.AccountName}' already has a deployment '{_plan.TargetDeployment}' that runs {Describe(existing)}, not {TargetModelText}; nothing was written.",
                        target.DeploymentId)
                    {
                        RecommendedAction = "Pass another -NewDeploymentName, or leave it out to get a free one.",
                    };
                }
                else
                {
                    // Absent, or a failed earlier attempt of ours: (re)create it.
                    // The source as the plan read it (the account's list, with the same api-version as a GET, moments
                    // ago) is what the new deployment copies; only a plan without that body reads it again. The source
                    // itself is not written, so an older copy cannot lose a change to it.
                    var source = _plan.Source?.RawBody ?? await TryGetAsync(SourceId, token).ConfigureAwait(false) ?? throw new ModelLifecycleException(
                        ArmErrorIds.DeploymentNotFound,
                        ErrorKind.ObjectNotFound,
                        $"Deployment '{_plan.SourceDeployment}' of account '{_plan.AccountName}' is not there, so there is nothing to copy to '{_plan.TargetDeployment}'; nothing was written.",
                        SourceId.DeploymentId);
                    if (!await ConfirmAsync(Target(_plan.TargetDeployment!), $"Create with {TargetModelText} ({_plan.DeploymentType}, capacity {Capacity}), side by side with '{_plan.SourceDeployment}'", false).ConfigureAwait(false))
                    {
                        if (_x._options.Preview && _x._options.RemoveSource)
                        {
                            Begin(MigrationStepNames.RemoveSource);
                            await ConfirmAsync(Target(_plan.SourceDeployment), $"Remove, once '{_plan.TargetDeployment}' is verified to serve {TargetModelText}. Callers of '{_plan.SourceDeployment}' fail from then on", true).ConfigureAwait(false);
                        }

                        return;
                    }

                    var body = TargetBody.From(source, _plan);
                    created = await WriteAsync(() => Arm.PutDeploymentAsync(target, body, token)).ConfigureAwait(false);
                    End(MigrationStatus.Succeeded, $"Created '{_plan.TargetDeployment}' with {TargetModelText}.");
                }

                Begin(MigrationStepNames.VerifyTarget);
                // PutDeploymentAsync ends with a GET made after the operation finished: that body is what is verified
                // (as InPlace does), not a second GET of the same thing a moment later.
                var verified = created!;
                Verify(verified, _plan.TargetDeployment!);
                _result.Deployment = DeploymentChanges.ToDeployment(verified, target);
                End(MigrationStatus.Succeeded, $"'{_plan.TargetDeployment}' runs {Describe(verified)}, provisioningState Succeeded.");

                if (!_x._options.RemoveSource)
                {
                    return;
                }

                Begin(MigrationStepNames.RemoveSource);
                var source2 = await TryGetAsync(SourceId, token).ConfigureAwait(false);
                if (source2 is null)
                {
                    End(MigrationStatus.AlreadyDone, $"'{_plan.SourceDeployment}' is already gone.");
                }
                else
                {
                    if (!await ConfirmAsync(Target(_plan.SourceDeployment), $"Remove (it runs {Describe(source2)}; '{_plan.TargetDeployment}' now serves {TargetModelText}). Callers of '{_plan.SourceDeployment}' fail from then on", true).ConfigureAwait(false))
                    {
                        return;
                    }

                    var deleted = await WriteAsync(() => Arm.DeleteDeploymentAsync(SourceId, token)).ConfigureAwait(false);
                    End(deleted ? MigrationStatus.Succeeded : MigrationStatus.AlreadyDone, deleted ? $"Removed '{_plan.SourceDeployment}'." : $"'{_plan.SourceDeployment}' was already gone.");
                }

                Begin(MigrationStepNames.VerifyRemoved);
                var after = await TryGetAsync(SourceId, token).ConfigureAwait(false);
                if (after is not null)
                {
                    throw new ModelLifecycleException(
                        "SourceNotRemoved",
                        ErrorKind.InvalidResult,
                        $"ARM accepted the removal of '{_plan.SourceDeployment}', but it is still there (provisioningState {(string?)after.SelectToken("properties.provisioningState") ?? "not reported"}).",
                        SourceId.DeploymentId)
                    {
                        RecommendedAction = "Run the same command again later; it resumes with the removal.",
                    };
                }

                End(MigrationStatus.Succeeded, $"'{_plan.SourceDeployment}' is gone; '{_plan.TargetDeployment}' serves {TargetModelText}.");
            }

            private async Task InPlaceAsync(CancellationToken token)
            {
                var id = SourceId;
                Begin(MigrationStepNames.ChangeModel);
                var before = await Arm.GetDeploymentAsync(id, token).ConfigureAwait(false);
                JObject current = before;
                if (RunsTarget(before))
                {
                    End(MigrationStatus.AlreadyDone, $"'{_plan.SourceDeployment}' already runs {Describe(before)}; not written again.");
                }
                else
                {
                    if (!await ConfirmAsync(Target(_plan.SourceDeployment), $"Change model from {Describe(before).Trim()} to {TargetModelText} in place", false).ConfigureAwait(false))
                    {
                        if (_x._options.Preview)
                        {
                            var previewHave = (int?)before.SelectToken("sku.capacity");
                            if (_plan.Capacity is int previewWanted && previewHave is int had && previewWanted != had)
                            {
                                Begin(MigrationStepNames.ChangeCapacity);
                                await ConfirmAsync(Target(_plan.SourceDeployment), $"Then change capacity from {had} to {previewWanted} (a second write)", false).ConfigureAwait(false);
                            }
                        }

                        return;
                    }

                    // Only properties.model changes: every other property goes back as it came.
                    var body = DeploymentChanges.Edit(before, id, properties =>
                    {
                        var model = properties["model"] as JObject ?? new JObject();
                        model["name"] = _plan.TargetModel;
                        if (_plan.TargetVersion is null)
                        {
                            model.Remove("version");
                        }
                        else
                        {
                            model["version"] = _plan.TargetVersion;
                        }

                        properties["model"] = model;
                    });
                    current = await WriteAsync(() => Arm.PutDeploymentAsync(id, body, token)).ConfigureAwait(false);
                    WarnAboutDifferences(before, current, "properties.model", "properties.capabilities", "properties.rateLimits", "properties.callRateLimit", "properties.currentCapacity");
                    End(MigrationStatus.Succeeded, $"'{_plan.SourceDeployment}' now asks for {TargetModelText}.");
                }

                Begin(MigrationStepNames.VerifyModel);
                Verify(current, _plan.SourceDeployment);
                End(MigrationStatus.Succeeded, $"'{_plan.SourceDeployment}' runs {Describe(current)}, provisioningState Succeeded.");

                var capacity = (int?)current.SelectToken("sku.capacity");
                if (_plan.Capacity is int wanted && capacity is int have && wanted != have)
                {
                    Begin(MigrationStepNames.ChangeCapacity);
                    if (!await ConfirmAsync(Target(_plan.SourceDeployment), $"Change capacity from {have} to {wanted}", false).ConfigureAwait(false))
                    {
                        _result.Deployment = DeploymentChanges.ToDeployment(current, id);
                        return;
                    }

                    var body = (JObject)current.DeepClone();
                    body["sku"]!["capacity"] = wanted;
                    var after = await WriteAsync(() => Arm.PutDeploymentAsync(id, body, token)).ConfigureAwait(false);
                    if ((int?)after.SelectToken("sku.capacity") != wanted)
                    {
                        throw new ModelLifecycleException("CapacityNotApplied", ErrorKind.InvalidResult, $"ARM accepted the capacity change of '{_plan.SourceDeployment}' but reports capacity {(int?)after.SelectToken("sku.capacity")}, not {wanted}.", id.DeploymentId);
                    }

                    WarnAboutDifferences(current, after, "sku.capacity", "properties.currentCapacity", "properties.rateLimits", "properties.callRateLimit");
                    current = after;
                    End(MigrationStatus.Succeeded, $"Capacity {have} -> {wanted}.");
                }

                var option = (string?)current.SelectToken("properties.versionUpgradeOption");
                if (_plan.UpgradeOption is string wantedOption && !string.Equals(UpgradeOptionNamesOrSelf(option), wantedOption, StringComparison.OrdinalIgnoreCase))
                {
                    Begin(MigrationStepNames.SetUpgradeOption);
                    if (!await ConfirmAsync(Target(_plan.SourceDeployment), $"Set versionUpgradeOption from {option ?? "(not set)"} to {wantedOption}", false).ConfigureAwait(false))
                    {
                        _result.Deployment = DeploymentChanges.ToDeployment(current, id);
                        return;
                    }

                    var body = DeploymentChanges.Edit(current, id, p => p["versionUpgradeOption"] = wantedOption);
                    var after = await WriteAsync(() => Arm.PutDeploymentAsync(id, body, token)).ConfigureAwait(false);
                    WarnAboutDifferences(current, after, "properties.versionUpgradeOption");
                    current = after;
                    End(MigrationStatus.Succeeded, $"versionUpgradeOption {option ?? "(not set)"} -> {wantedOption}.");
                }

                _result.Deployment = DeploymentChanges.ToDeployment(current, id);
            }

            private static string? UpgradeOptionNamesOrSelf(string? option) => UpgradeOptionNames.Canonical(option) ?? option;

            private string Capacity => _plan.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "default";

            private bool RunsTarget(JObject deployment)
            {
                var name = (string?)deployment.SelectToken("properties.model.name");
                var version = (string?)deployment.SelectToken("properties.model.version");
                return name is not null && _plan.TargetModel is not null && ModelNames.SameModel(name, _plan.TargetModel)
                    && (_plan.TargetVersion is null || ModelNames.SameVersion(version, _plan.TargetVersion));
            }

            private static bool Succeeded(JObject deployment) =>
                string.Equals((string?)deployment.SelectToken("properties.provisioningState") ?? "Succeeded", "Succeeded", StringComparison.OrdinalIgnoreCase);

            private static string Describe(JObject deployment) =>
                ((string?)deployment.SelectToken("properties.model.name") ?? "no model") + " " + ((string?)deployment.SelectToken("properties.model.version") ?? string.Empty);

            private void Verify(JObject deployment, string name)
            {
                var state = (string?)deployment.SelectToken("properties.provisioningState");
                if (!RunsTarget(deployment))
                {
                    throw new ModelLifecycleException(
                        "MigrationNotApplied",
                        ErrorKind.InvalidResult,
                        $"ARM accepted the write, but '{name}' runs {Describe(deployment).Trim()}, not {TargetModelText}.",
                        name);
                }

                if (!Succeeded(deployment))
                {
                    throw new ModelLifecycleException(
                        "DeploymentProvisioningFailed",
                        ErrorKind.InvalidResult,
                        $"'{name}' runs {TargetModelText} but its provisioningState is {state}, not Succeeded.",
                        name)
                    {
                        RecommendedAction = "Look at the deployment in the portal or with Get-AzCognitiveServicesAccountDeployment; the source was left as it was. Run the same command again once the cause is fixed: it resumes.",
                    };
                }
            }

            private void WarnAboutDifferences(JObject before, JObject after, params string[] expected)
            {
                foreach (var difference in DeploymentChanges.Differences(before, after, expected))
                {
                    _x._sink.WriteWarning($"Deployment '{_plan.SourceDeployment}' of account '{_plan.AccountName}': {difference} after the write.");
                }
            }

            private async Task<JObject?> TryGetAsync(AzureResourceId id, CancellationToken token)
            {
                try
                {
                    return await Arm.GetDeploymentAsync(id, token).ConfigureAwait(false);
                }
                catch (ArmException ex) when (ex.ErrorId == ArmErrorIds.DeploymentNotFound)
                {
                    return null;
                }
            }

            private async Task<bool> ConfirmAsync(string target, string action, bool destructive)
            {
                if (await _x._confirm(new MigrationConfirmation(target, action, destructive)).ConfigureAwait(false))
                {
                    return true;
                }

                End(MigrationStatus.Skipped, "Not confirmed (-WhatIf, or declined): nothing was written from this step on.");
                _declined = true;
                return false;
            }

            private async Task<T> WriteAsync<T>(Func<Task<T>> write)
            {
                _writing = true;
                var result = await write().ConfigureAwait(false);
                _writing = false;
                _written.Add(_step);
                return result;
            }

            /// <summary>The run was cancelled: warn when a write was sent or made, since no result will say so.</summary>
            public void Cancelled()
            {
                if (!_writing && _written.Count == 0)
                {
                    return;
                }

                var inFlight = _writing ? $" while its {_step} write was under way: ARM may still finish that write" : $" at step {_step}";
                var done = _written.Count == 0 ? string.Empty : $"; already written: {string.Join(", ", _written)}";
                _x._sink.WriteWarning($"Migrating deployment '{_plan.SourceDeployment}' of account '{_plan.AccountName}' was cancelled{inFlight}{done}. '{_plan.SourceDeployment}' was not removed unless RemoveSource is listed. Run the same command again: it resumes from what Azure shows.");
            }

            private void Begin(string step)
            {
                _step = step;
                _clock.Restart();
            }

            private void End(MigrationStatus status, string detail)
            {
                _steps.Add(new MigrationStep(_step, status, _clock.Elapsed, detail));
                _x._sink.WriteVerbose($"{_plan.AccountName}/{_plan.SourceDeployment}: {_step} {status}: {detail}");
            }

            public void Fail(ModelLifecycleException error)
            {
                _failed = true;
                var wrapped = MigrationErrorAdvice.Wrap(error, _plan, _step);
                _steps.Add(new MigrationStep(_step, MigrationStatus.Failed, _clock.Elapsed, wrapped.Message + " " + wrapped.RecommendedAction));
                _x._sink.WriteError(wrapped);
            }

            public MigrationResult Finish()
            {
                _result.Steps = new MigrationStepList(_steps);
                if (_failed)
                {
                    _result.StatusValue = MigrationStatus.Failed;
                }
                else if (_declined)
                {
                    _result.StatusValue = MigrationStatus.Skipped;
                }
                else if (_steps.Count > 0 && _steps.All(s => s.StatusValue == MigrationStatus.AlreadyDone || s.Name.StartsWith("Verify", StringComparison.Ordinal)))
                {
                    _result.StatusValue = MigrationStatus.AlreadyDone;
                }
                else
                {
                    _result.StatusValue = MigrationStatus.Succeeded;
                }

                return _result;
            }
        }
    }
}
