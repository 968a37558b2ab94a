using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModelLifecycle.Core.Catalog;
using ModelLifecycle.Core.Policy;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>
    /// Plans the move of one deployment to its target and runs every preflight check (CMDLETS.md,
    /// Invoke-ModelMigration). Pure and synchronous: everything it needs from Azure arrives in the
    /// <see cref="MigrationContext"/>, so the same plan comes out of -PlanOnly -Offline, the executor
    /// and the tests. It never throws for a bad plan; a plan that cannot go ahead has a Fail check.
    /// </summary>
    public static class MigrationPlanner
    {
        /// <summary>Where to ask for more quota (Azure OpenAI quota increase form).</summary>
        public const string QuotaIncreaseUrl = "https://aka.ms/oai/quotaincrease";

        private static readonly string[] ProvisionedManagedTypes = { "ProvisionedManaged", "GlobalProvisionedManaged", "DataZoneProvisionedManaged" };

        public static MigrationPlan Plan(MigrationRequest request, MigrationContext context)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (context is null) throw new ArgumentNullException(nameof(context));

            return new Planning(request, context).Run();
        }

        /// <summary>
        /// The Auto rule: same model name -> InPlace (a version change); another model -> SideBySide,
        /// except the provisioned managed types, which change model in place.
        /// </summary>
        public static MigrationMode ResolveMode(MigrationMode requested, string? sourceModel, string? targetModel, string? deploymentType)
        {
            if (requested != MigrationMode.Auto)
            {
                return requested;
            }

            if (sourceModel is null || targetModel is null || ModelNames.SameModel(sourceModel, targetModel))
            {
                return MigrationMode.InPlace;
            }

            return IsProvisionedManaged(deploymentType) ? MigrationMode.InPlace : MigrationMode.SideBySide;
        }

        public static bool IsProvisionedManaged(string? deploymentType) =>
            deploymentType is not null && ProvisionedManagedTypes.Any(t => string.Equals(t, deploymentType.Trim(), StringComparison.OrdinalIgnoreCase));

        private sealed class Planning
        {
            private readonly MigrationRequest _r;
            private readonly MigrationContext _c;
            private readonly Deployment _source;
            private readonly LifecycleCatalog _catalog;
            private readonly LocationModels? _models;
            private readonly bool _online;
            private readonly List<MigrationCheck> _checks = new List<MigrationCheck>();
            private readonly MigrationPlan _plan;
            private readonly List<CatalogEntry> _used = new List<CatalogEntry>();
            private Deployment? _live;

            public Planning(MigrationRequest r, MigrationContext c)
            {
                _r = r;
                _c = c;
                _source = r.Source;
                _online = !r.Offline;
                var location = _source.Location ?? c.Location ?? "location";
                _catalog = _online && c.Models is not null
                    ? c.Catalog.WithOverlay(LiveCatalog.FromModels(c.Models, location, r.Cloud, r.AsOf))
                    : c.Catalog;
                _models = _online && c.Models is not null ? new LocationModels(c.Models) : null;
                _plan = new MigrationPlan
                {
                    SubscriptionId = _source.SubscriptionId,
                    ResourceGroupName = _source.ResourceGroupName,
                    AccountName = _source.AccountName,
                    Location = _source.Location ?? c.Location,
                    SourceDeployment = _source.Name,
                    SourceModel = _source.Model,
                    SourceVersion = _source.Version,
                    Source = _source,
                    AsOf = r.AsOf,
                };
            }

            private string Why => _r.Offline ? "offline (-Offline)" : "not read from Azure";

            private string Where => _plan.Location ?? "the location";

            // "model version", or the model alone while no version is chosen.
            private string TargetText => (_plan.TargetModel + " " + _plan.TargetVersion).Trim();

            public MigrationPlan Run()
            {
                if (!string.IsNullOrWhiteSpace(_source.Model) && _catalog.FindForDeployment(_r.Cloud, _source.Model!, _source.Version) is CatalogEntry sourceEntry)
                {
                    _used.Add(sourceEntry);
                }

                CheckSource();
                _plan.DeploymentType = string.IsNullOrWhiteSpace(_r.SkuName) ? (_source.DeploymentType ?? _live?.DeploymentType) : _r.SkuName!.Trim();
                _plan.Capacity = _r.Capacity ?? _source.Capacity ?? _live?.Capacity;
                _plan.UpgradeOption = UpgradeOptionNames.Canonical(_r.UpgradeOption) ?? _r.UpgradeOption
                    ?? UpgradeOptionNames.Canonical(_source.UpgradeOption) ?? UpgradeOptionNames.OnceNewDefaultVersionAvailable;

                var resolved = ResolveTarget();
                _plan.ModeValue = ResolveMode(_r.Mode, _source.Model, _plan.TargetModel, _source.DeploymentType ?? _live?.DeploymentType);
                _plan.TargetDeployment = _plan.ModeValue == MigrationMode.InPlace
                    ? _source.Name
                    : !string.IsNullOrWhiteSpace(_r.NewDeploymentName)
                        ? _r.NewDeploymentName!.Trim()
                        : _plan.TargetModel is null ? null : DeploymentNames.Derive(_source.Name, _source.Model, _plan.TargetModel, _plan.TargetVersion, _online ? _c.AccountDeployments : null);

                CheckMode();
                if (resolved)
                {
                    CheckOffered();
                    CheckLifecycle();
                    CheckQuota();
                    CheckName();
                    CheckLimitedAccess();
                }
                else
                {
                    foreach (var name in new[] { MigrationCheckNames.TargetOffered, MigrationCheckNames.TargetLifecycle, MigrationCheckNames.Quota, MigrationCheckNames.NameAvailable, MigrationCheckNames.LimitedAccess })
                    {
                        Add(name, MigrationCheckStatus.Skipped, "No target model: this check needs one.");
                    }
                }

                NoteFinishedRun();
                AddParameterChanges();
                _plan.Checks = new MigrationCheckList(MigrationCheckNames.All.Select(n => _checks.First(c => c.Name == n)));
                _plan.Ready = _checks.All(c => c.StatusValue != MigrationCheckStatus.Fail);
                _plan.DataUsed = _used;
                return _plan;
            }

            private void Add(string name, MigrationCheckStatus status, string detail) => _checks.Add(new MigrationCheck(name, status, detail));

            // A rerun after a side-by-side move with -RemoveSource finds the source gone and the new
            // deployment serving the target: that is a finished migration, not a missing source.
            private void NoteFinishedRun()
            {
                if (_live is not null || !_online || _c.AccountDeployments is null || _plan.ModeValue != MigrationMode.SideBySide || _plan.TargetModel is null)
                {
                    return;
                }

                var target = _c.AccountDeployments.FirstOrDefault(d => string.Equals(d.Name, _plan.TargetDeployment, StringComparison.OrdinalIgnoreCase));
                if (target is null || !DeploymentNames.RunsTarget(target, _plan.TargetModel, _plan.TargetVersion))
                {
                    return;
                }

                var i = _checks.FindIndex(c => c.Name == MigrationCheckNames.SourceFound);
                _checks[i] = new MigrationCheck(MigrationCheckNames.SourceFound, MigrationCheckStatus.Pass,
                    $"'{_source.Name}' is gone and '{target.Name}' runs {target.Model} {target.Version}: a previous run finished this migration (source removed); nothing is left to do.");
            }

            // SourceFound: the deployment exists in the account now and no operation is running on it.
            private void CheckSource()
            {
                var given = string.IsNullOrWhiteSpace(_source.ProvisioningState) ? string.Empty : $" The input says provisioningState {_source.ProvisioningState}.";
                if (!_online || _c.AccountDeployments is null)
                {
                    Add(MigrationCheckNames.SourceFound, MigrationCheckStatus.Skipped, $"The account's deployments were {Why}, so whether '{_source.Name}' exists now was not checked.{given}");
                    return;
                }

                _live = _c.AccountDeployments.FirstOrDefault(d => string.Equals(d.Name, _source.Name, StringComparison.OrdinalIgnoreCase));
                if (_live is null)
                {
                    Add(MigrationCheckNames.SourceFound, MigrationCheckStatus.Fail,
                        $"Account '{_source.AccountName}' has no deployment '{_source.Name}' ({_c.AccountDeployments.Count} deployments listed). Check the name, resource group and account.");
                    return;
                }

                var state = _live.ProvisioningState;
                if (string.IsNullOrWhiteSpace(state) || string.Equals(state, "Succeeded", StringComparison.OrdinalIgnoreCase))
                {
                    Add(MigrationCheckNames.SourceFound, MigrationCheckStatus.Pass,
                        $"'{_source.Name}' exists and runs {_live.Model} {_live.Version} ({_live.DeploymentType}, capacity {_live.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}); provisioningState {state ?? "not reported"}.");
                    return;
                }

                Add(MigrationCheckNames.SourceFound, MigrationCheckStatus.Fail,
                    $"'{_source.Name}' is in provisioningState {state}, not Succeeded: another operation is running on it (a provisioned model change shows Updating for 20-30 minutes) or it failed. Wait for it to finish, then run again.");
            }

            // TargetResolved: -TargetModel, else the assessment's upgrade target, else the replacement chain.
            private bool ResolveTarget()
            {
                string? model = null;
                string? version = null;
                var reason = new List<string>();
                if (!string.IsNullOrWhiteSpace(_r.TargetModel))
                {
                    model = ModelNames.NormalizeModel(_r.TargetModel!);
                    reason.Add($"{model} was named with -TargetModel.");
                }
                else if (string.IsNullOrWhiteSpace(_source.Model))
                {
                    Add(MigrationCheckNames.TargetResolved, MigrationCheckStatus.Fail, $"'{_source.Name}' names no model, so no default target can be found: pass -TargetModel.");
                    _plan.TargetReason = "No target: the source names no model.";
                    return false;
                }
                else
                {
                    // The verdict's default migration target: the upgrade target, else the replacement chain.
                    var decision = VerdictDecider.Decide(_source, _catalog, new EvaluationOptions(_r.AsOf, _r.WarningDays, _r.Cloud));
                    if (decision.UpgradeTarget?.Target is ModelRef upgrade)
                    {
                        model = upgrade.Model;
                        version = upgrade.Version;
                        reason.Add($"{upgrade} is the upgrade target recorded for {_source.Model} {_source.Version} ({decision.Outcome}); migrating now moves on your schedule instead of the service's.");
                    }
                    else
                    {
                        var entry = decision.Entry;
                        var choice = decision.Migration;
                        if (decision.DefaultMigrationTarget is ModelRef best && choice is not null)
                        {
                            model = best.Model;
                            version = best.Version;
                            var passed = choice.Passed.Count > 0 ? " Passed over: " + string.Join("; ", choice.Passed) + "." : string.Empty;
                            var soon = choice.Targets.Count == 0 ? $" No replacement further down the chain serves beyond {_r.WarningDays} days, so this one is the best there is." : string.Empty;
                            reason.Add($"{best} is the recorded replacement of {_source.Model} {_source.Version}.{passed}{soon}");
                        }
                        else
                        {
                            var why = entry is null
                                ? $"{_source.Model} {_source.Version} is not in the {_r.Cloud} catalog"
                                : entry.Replacements.Count == 0
                                    ? $"no upgrade target or replacement is recorded for {_source.Model} {_source.Version}"
                                    : $"every recorded replacement of {_source.Model} {_source.Version} has retired ({string.Join("; ", choice!.Passed)})";
                            Add(MigrationCheckNames.TargetResolved, MigrationCheckStatus.Fail, $"No default target: {why}. Pass -TargetModel (Get-ModelRetirement lists models that are not retiring).");
                            _plan.TargetReason = "No target: " + why + ".";
                            return false;
                        }
                    }
                }

                _plan.TargetModel = model;
                var versionReason = ChooseVersion(model!, ref version);
                _plan.TargetVersion = version;
                reason.Add(versionReason.EndsWith(".", StringComparison.Ordinal) ? versionReason : versionReason + ".");
                _plan.TargetReason = string.Join(" ", reason);

                if (version is null)
                {
                    Add(MigrationCheckNames.TargetResolved, MigrationCheckStatus.Warn,
                        $"Target {model}; no version is known ({versionReason}) so ARM assigns its default version. Pass -TargetVersion to pin one.");
                }
                else if (ModelNames.SameModel(model!, _source.Model ?? string.Empty) && ModelNames.SameVersion(version, _source.Version))
                {
                    Add(MigrationCheckNames.TargetResolved, MigrationCheckStatus.Pass, $"Target {model} {version} is what '{_source.Name}' already runs: an in-place migration has nothing to change.");
                }
                else
                {
                    Add(MigrationCheckNames.TargetResolved, MigrationCheckStatus.Pass, $"Target {model} {version}: {_plan.TargetReason}");
                }

                return true;
            }

            private string ChooseVersion(string model, ref string? version)
            {
                if (!string.IsNullOrWhiteSpace(_r.TargetVersion))
                {
                    version = _r.TargetVersion!.Trim();
                    return $"Version {version} was named with -TargetVersion.";
                }

                if (version is not null)
                {
                    return $"Version {version} is the one recorded with the target.";
                }

                var sku = _plan.DeploymentType;
                var regional = _models?.DefaultVersion(model, sku);
                if (regional is not null)
                {
                    version = regional;
                    return $"Version {version} is {Where}'s default version of {model} for {sku}.";
                }

                var versions = _catalog.VersionsOf(_r.Cloud, model).Where(e => e.Version is not null).ToList();
                var ga = versions.Where(e => RetirementQuery.StageAsOf(e, _r.AsOf) == LifecycleStage.GenerallyAvailable).ToList();
                var newestGa = Newest(ga);
                if (newestGa is not null)
                {
                    version = newestGa.Version;
                    return $"Version {version} is the newest generally available version of {model} in the catalog{(_models is null ? string.Empty : $" ({Where} marks no default for {sku})")}.";
                }

                var newest = Newest(versions.Where(e => RetirementQuery.StageAsOf(e, _r.AsOf) != LifecycleStage.Retired));
                if (newest is not null)
                {
                    version = newest.Version;
                    return $"Version {version} is the newest version of {model} in the catalog that has not retired (none is generally available).";
                }

                return $"Neither {Where}'s Models API nor the catalog names a version of {model} that has not retired";
            }

            private static CatalogEntry? Newest(IEnumerable<CatalogEntry> entries)
            {
                CatalogEntry? best = null;
                foreach (var e in entries)
                {
                    if (best is null || Compare(e, best) > 0)
                    {
                        best = e;
                    }
                }

                return best;
            }

            private static int Compare(CatalogEntry a, CatalogEntry b)
            {
                if (ModelNames.CompareDatedVersions(a.Version, b.Version) is int byDate)
                {
                    return byDate;
                }

                // Undated versions ("0125", "1106"): the one that retires later is the newer one.
                var byRetirement = (a.LatestRetirementDate ?? DateTime.MaxValue).CompareTo(b.LatestRetirementDate ?? DateTime.MaxValue);
                return byRetirement != 0 ? byRetirement : string.CompareOrdinal(a.Version, b.Version);
            }

            // ModeAllowed: what ARM accepts for the resolved mode.
            private void CheckMode()
            {
                var type = _source.DeploymentType ?? _live?.DeploymentType;
                var asked = _r.Mode == MigrationMode.Auto ? $"Auto chose {_plan.Mode}" : $"{_plan.Mode} was asked for";
                if (_plan.TargetModel is null)
                {
                    Add(MigrationCheckNames.ModeAllowed, MigrationCheckStatus.Skipped, "No target model: the mode cannot be checked.");
                    return;
                }

                var crossFamily = _source.Model is not null && !ModelNames.SameModel(_source.Model, _plan.TargetModel);
                if (_plan.ModeValue == MigrationMode.InPlace)
                {
                    if (!string.IsNullOrWhiteSpace(_r.NewDeploymentName) && !string.Equals(_r.NewDeploymentName!.Trim(), _source.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        Add(MigrationCheckNames.ModeAllowed, MigrationCheckStatus.Fail, $"{asked}, which keeps the name '{_source.Name}'; -NewDeploymentName applies to -Mode SideBySide only.");
                        return;
                    }

                    if (!string.IsNullOrWhiteSpace(_r.SkuName) && type is not null && !string.Equals(_r.SkuName!.Trim(), type, StringComparison.OrdinalIgnoreCase))
                    {
                        Add(MigrationCheckNames.ModeAllowed, MigrationCheckStatus.Fail, $"{asked}, which keeps the deployment type {type}; to move to {_r.SkuName} use -Mode SideBySide.");
                        return;
                    }

                    if (crossFamily && !IsProvisionedManaged(type))
                    {
                        Add(MigrationCheckNames.ModeAllowed, MigrationCheckStatus.Fail,
                            $"{asked}, but {type ?? "this deployment type"} deployments cannot change model family in place ({_source.Model} -> {_plan.TargetModel}): ARM answers CannotChangeDeploymentModel. Use -Mode SideBySide (or Auto).");
                        return;
                    }

                    var capacityNote = _r.Capacity is int cap && _source.Capacity is int old && cap != old
                        ? $" The capacity change ({old} -> {cap}) is a second write: ARM refuses model and capacity in one PUT."
                        : string.Empty;
                    Add(MigrationCheckNames.ModeAllowed, MigrationCheckStatus.Pass, crossFamily
                        ? $"{asked}: {type} deployments change model family in place through REST; the deployment shows Updating for 20-30 minutes while traffic moves.{capacityNote}"
                        : $"{asked}: the same model changes version in place.{capacityNote}");
                    return;
                }

                Add(MigrationCheckNames.ModeAllowed, MigrationCheckStatus.Pass,
                    $"{asked}: a new deployment '{_plan.TargetDeployment}' runs {_plan.TargetModel} next to '{_source.Name}', which keeps serving until it is removed.");
            }

            // TargetOffered: the location's Models API lists the target model and version with the SKU.
            private void CheckOffered()
            {
                if (_models is null)
                {
                    Add(MigrationCheckNames.TargetOffered, MigrationCheckStatus.Skipped, $"The Models API of {Where} was {Why}, so whether it offers {TargetText} with {_plan.DeploymentType} was not checked.");
                    return;
                }

                var model = _plan.TargetModel!;
                var sku = _plan.DeploymentType;
                var all = _models.VersionsOf(model).ToList();
                if (all.Count == 0)
                {
                    Add(MigrationCheckNames.TargetOffered, MigrationCheckStatus.Fail, $"The Models API of {Where} does not list {model} at all: deploy it in another region, or choose another -TargetModel.");
                    return;
                }

                var versions = _models.Find(model, _plan.TargetVersion).ToList();
                if (versions.Count == 0)
                {
                    var listed = string.Join(", ", all.Select(o => o.Version).Where(v => v is not null).Distinct(StringComparer.OrdinalIgnoreCase));
                    Add(MigrationCheckNames.TargetOffered, MigrationCheckStatus.Fail, $"{Where} offers {model} versions {listed}, not {_plan.TargetVersion}: pass -TargetVersion with one of them.");
                    return;
                }

                var offered = versions.FirstOrDefault(o => LocationModels.SkuFor(o, sku) is not null);
                if (offered is not null)
                {
                    var usage = LocationModels.SkuFor(offered, sku)!.UsageName;
                    Add(MigrationCheckNames.TargetOffered, MigrationCheckStatus.Pass, $"{Where} offers {model} {offered.Version} with {sku}{(usage is null ? string.Empty : " (quota " + usage + ")")}.");
                    return;
                }

                var skus = string.Join(", ", versions.SelectMany(o => o.Skus).Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase));
                if (skus.Length == 0)
                {
                    skus = "no SKU";
                }

                Add(MigrationCheckNames.TargetOffered, MigrationCheckStatus.Fail,
                    $"{Where} offers {model} {_plan.TargetVersion} with {skus}, not {sku ?? "(no SKU)"}: pass -SkuName with one of them, or deploy in another region.");
            }

            // TargetLifecycle: retired fails; deprecated, retiring within WarningDays, or preview warns.
            private void CheckLifecycle()
            {
                var model = _plan.TargetModel!;
                var entry = _plan.TargetVersion is not null
                    ? _catalog.Find(_r.Cloud, model, _plan.TargetVersion)
                    : Newest(_catalog.VersionsOf(_r.Cloud, model));
                if (entry is null)
                {
                    Add(MigrationCheckNames.TargetLifecycle, MigrationCheckStatus.Warn,
                        $"{model} {_plan.TargetVersion} is not in the {_r.Cloud} catalog (snapshot {_catalog.SnapshotDate:yyyy-MM-dd}), so its lifecycle is unknown. Check Get-ModelRetirement -Name '{model}' -Location <region>.");
                    return;
                }

                _used.Add(entry);

                var date = entry.RetirementDateFor(_plan.DeploymentType);
                var stage = RetirementQuery.StageFor(entry, date, _r.AsOf);
                var on = date is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
                var what = $"{model} {entry.Version}";
                if (stage == LifecycleStage.Retired)
                {
                    Add(MigrationCheckNames.TargetLifecycle, MigrationCheckStatus.Fail,
                        $"{what} retired{(on is null ? string.Empty : " on " + on)}: ARM refuses new deployments of it (DeploymentModelNotSupported / ServiceModelDeprecated). Choose another -TargetModel or -TargetVersion.");
                    return;
                }

                var warnings = new List<string>();
                if (stage == LifecycleStage.Deprecated)
                {
                    warnings.Add($"{what} is deprecated: only subscriptions that already deployed it can create deployments of it (others get ServiceModelDeprecating)");
                }

                if (date is DateTime retire && retire <= _r.AsOf.AddDays(_r.WarningDays) && entry.RetirementQualifier != DateQualifier.NotBefore)
                {
                    var days = (int)(retire - _r.AsOf).TotalDays;
                    warnings.Add($"{what} itself retires on {on}, in {days} days (within -WarningDays {_r.WarningDays}): another migration follows soon");
                }

                if (stage == LifecycleStage.Preview)
                {
                    warnings.Add($"{what} is a preview: it may change or be removed, and preview deployments are force-upgraded or retired");
                }

                if (warnings.Count > 0)
                {
                    Add(MigrationCheckNames.TargetLifecycle, MigrationCheckStatus.Warn, string.Join("; ", warnings) + ". -Force goes ahead anyway.");
                    return;
                }

                Add(MigrationCheckNames.TargetLifecycle, MigrationCheckStatus.Pass, on is null
                    ? $"{what} is {stage?.ToString() ?? "listed"} with no retirement date published."
                    : $"{what} is {stage?.ToString() ?? "listed"} and retires on {on}, in {(int)(date!.Value - _r.AsOf).TotalDays} days.");
            }

            // Quota: currentValue + capacity <= limit for the target SKU's usage name; InPlace frees the
            // source's own capacity only when it counts against the same usage name.
            private void CheckQuota()
            {
                if (_models is null || !_online || _c.Usages is null)
                {
                    Add(MigrationCheckNames.Quota, MigrationCheckStatus.Skipped, $"The Models API and Usages of {Where} were {Why}, so quota was not checked.");
                    return;
                }

                var sku = _plan.DeploymentType;
                var offer = _models.Find(_plan.TargetModel!, _plan.TargetVersion).FirstOrDefault(o => LocationModels.SkuFor(o, sku) is not null);
                var usageName = offer is null ? null : LocationModels.SkuFor(offer, sku)!.UsageName;
                if (usageName is null)
                {
                    Add(MigrationCheckNames.Quota, MigrationCheckStatus.Skipped, $"{Where} does not offer {TargetText} with {sku} under a quota usage name, so quota could not be checked (see TargetOffered).");
                    return;
                }

                var usage = LocationUsage.Find(_c.Usages, usageName);
                if (usage is null)
                {
                    Add(MigrationCheckNames.Quota, MigrationCheckStatus.Warn, $"The Usages of {Where} have no row for {usageName}, so quota could not be checked; see the quota page of the portal.");
                    return;
                }

                if (_plan.Capacity is not int capacity)
                {
                    Add(MigrationCheckNames.Quota, MigrationCheckStatus.Warn, $"The capacity is unknown (the input has none): pass -Capacity. {usageName}: {N(usage.CurrentValue)} of {N(usage.Limit)} in use.");
                    return;
                }

                double freed = 0;
                var freedText = string.Empty;
                if (_plan.ModeValue == MigrationMode.InPlace)
                {
                    var sourceCapacity = _live?.Capacity ?? _source.Capacity ?? 0;
                    var sourceSku = _source.DeploymentType ?? _live?.DeploymentType;
                    var sourceUsage = _source.Model is null ? null
                        : _models.Find(_source.Model, _source.Version).Select(o => LocationModels.SkuFor(o, sourceSku)?.UsageName).FirstOrDefault(u => u is not null);
                    if (sourceUsage is not null && string.Equals(sourceUsage, usageName, StringComparison.OrdinalIgnoreCase))
                    {
                        freed = sourceCapacity;
                        freedText = $" - {N(freed)} the source frees";
                    }
                    else
                    {
                        freedText = sourceUsage is null
                            ? " (the source's usage name is not listed, so its capacity is not counted as freed)"
                            : $" (the source's {N(sourceCapacity)} counts against {sourceUsage}, so it frees nothing here)";
                    }
                }

                var total = usage.CurrentValue - freed + capacity;
                var sums = $"{usageName}: {N(usage.CurrentValue)} in use + {N(capacity)} for the target{freedText} = {N(total)} of a limit of {N(usage.Limit)}";
                if (total <= usage.Limit)
                {
                    Add(MigrationCheckNames.Quota, MigrationCheckStatus.Pass, sums + ".");
                    return;
                }

                var available = Math.Max(0, usage.Limit - usage.CurrentValue + freed);
                Add(MigrationCheckNames.Quota, MigrationCheckStatus.Fail,
                    $"{sums}: {N(total - usage.Limit)} over (ARM would answer InsufficientQuota). Lower -Capacity to at most {N(available)}, free capacity elsewhere, or request more quota at {QuotaIncreaseUrl}.");
            }

            // NameAvailable: the target deployment name is valid for ARM and free in the account.
            private void CheckName()
            {
                var name = _plan.TargetDeployment;
                if (_plan.ModeValue == MigrationMode.InPlace)
                {
                    Add(MigrationCheckNames.NameAvailable, MigrationCheckStatus.Pass, $"InPlace keeps the name '{_source.Name}'.");
                    return;
                }

                var invalid = DeploymentNames.Validate(name);
                if (invalid is not null)
                {
                    Add(MigrationCheckNames.NameAvailable, MigrationCheckStatus.Fail, $"The new deployment name is not valid: {invalid}. Pass another -NewDeploymentName.");
                    return;
                }

                if (string.Equals(name, _source.Name, StringComparison.OrdinalIgnoreCase))
                {
                    Add(MigrationCheckNames.NameAvailable, MigrationCheckStatus.Fail, $"SideBySide needs a name other than the source's '{_source.Name}'. Pass another -NewDeploymentName.");
                    return;
                }

                if (!_online || _c.AccountDeployments is null)
                {
                    Add(MigrationCheckNames.NameAvailable, MigrationCheckStatus.Skipped, $"'{name}' is valid for ARM; the account's deployments were {Why}, so whether it is free was not checked.");
                    return;
                }

                var taken = _c.AccountDeployments.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
                if (taken is null)
                {
                    Add(MigrationCheckNames.NameAvailable, MigrationCheckStatus.Pass, $"'{name}' is valid and free in account '{_source.AccountName}'.");
                }
                else if (DeploymentNames.RunsTarget(taken, _plan.TargetModel!, _plan.TargetVersion))
                {
                    Add(MigrationCheckNames.NameAvailable, MigrationCheckStatus.Pass, $"'{name}' already exists and runs {taken.Model} {taken.Version}: a previous run created it, so this one resumes from there.");
                }
                else
                {
                    Add(MigrationCheckNames.NameAvailable, MigrationCheckStatus.Fail, $"Account '{_source.AccountName}' already has a deployment '{name}' (running {taken.Model} {taken.Version}). Pass another -NewDeploymentName.");
                }
            }

            // LimitedAccess: models that need a registration on Azure (data: catalog/parameter-changes.json).
            private void CheckLimitedAccess()
            {
                var model = _plan.TargetModel!;
                var record = _c.ParameterChanges.LimitedAccess(model);
                if (record is null)
                {
                    Add(MigrationCheckNames.LimitedAccess, MigrationCheckStatus.Pass, $"This module's data records no limited-access registration for {model}; ARM has the last word and answers SpecialFeatureOrQuotaIdRequired if the subscription needs one.");
                }
                else if (_source.Model is not null && ModelNames.SameModel(_source.Model, model))
                {
                    Add(MigrationCheckNames.LimitedAccess, MigrationCheckStatus.Pass, $"{model} needs a limited-access registration, and this subscription already deploys it.");
                }
                else
                {
                    Add(MigrationCheckNames.LimitedAccess, MigrationCheckStatus.Warn,
                        $"{record.Detail} Without it ARM answers SpecialFeatureOrQuotaIdRequired. See {record.Source}.");
                }
            }

            private void AddParameterChanges()
            {
                var target = _plan.TargetModel;
                var source = _source.Model;
                if (target is null || source is null || ModelNames.SameModel(source, target))
                {
                    return;
                }

                var changes = _c.ParameterChanges.Lookup(source, target);
                _plan.ParameterChanges = new ParameterChangeList(changes);
                if (changes.Count == 0)
                {
                    // Documented choice (docs/parameter-changes-format.md): an unknown pair is said in TargetReason.
                    _plan.TargetReason += $" No parameter changes are recorded for {source} -> {target}: check the target's documentation for request changes before switching callers.";
                }
            }

            private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        }
    }
}
