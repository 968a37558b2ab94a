using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>Deployments_List/Get/CreateOrUpdate/Update/Delete/Pause/Resume.</summary>
    internal sealed class DeploymentEndpoints
    {
        private static readonly HashSet<string> PausableSkus = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Standard", "DataZoneStandard", "GlobalStandard" };

        private readonly EndpointContext context;

        public DeploymentEndpoints(EndpointContext context) => this.context = context;

        private EmulatorState State => context.State;

        public ArmResponse List(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindAccount(route, out AccountState account);
            if (error != null)
            {
                return error;
            }

            var items = new List<JToken>();
            foreach (JObject body in account.Deployments.Values)
            {
                items.Add(ApiVersionShaping.Deployment(body, request.ApiVersion));
            }

            return Paging.Page(request, items, context.Settings.PageSize);
        }

        public ArmResponse Get(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindAccount(route, out AccountState account);
            if (error != null)
            {
                return error;
            }

            return account.Deployments.TryGetValue(route["deployment"], out JObject? body)
                ? ArmResponse.Ok(ApiVersionShaping.Deployment(body, request.ApiVersion))
                : ArmErrors.DeploymentNotFound(route["deployment"]);
        }

        public ArmResponse Put(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindAccount(route, out AccountState account);
            if (error != null)
            {
                return error;
            }

            error = ReadObject(request, out JObject sent);
            if (error != null)
            {
                return error;
            }

            if (account.Busy != null)
            {
                return ArmErrors.RequestConflict(account.Id);
            }

            if (sent["properties"]?["model"] is not JObject model
                || model["format"]?.Type != JTokenType.String
                || model["name"]?.Type != JTokenType.String)
            {
                return ArmErrors.BadRequest("InvalidResourceProperties", "The deployment must give properties.model with at least 'format' and 'name'.");
            }

            if (sent["sku"] != null && sent["sku"]?["name"]?.Type != JTokenType.String)
            {
                return ArmErrors.BadRequest("InvalidResourceProperties", "The deployment sku must have a name.");
            }

            account.Deployments.TryGetValue(route["deployment"], out JObject? existing);
            string name = (string?)existing?["name"] ?? route["deployment"];
            JObject? catalogModel = Catalog.Find(State, account.Location, (string?)model["format"], (string)model["name"]!, (string?)model["version"]);
            if (model["version"] == null && catalogModel?["version"] != null)
            {
                // "If version is not specified, a default version will be assigned."
                model = (JObject)model.DeepClone();
                model["version"] = catalogModel["version"]!.DeepClone();
                sent["properties"]!["model"] = model;
            }

            ArmResponse? refused = new DeploymentRules(State).Check(account, sent, existing);
            if (refused != null)
            {
                return refused;
            }

            JObject body = DeploymentBodies.FromPut(account, name, sent, existing, catalogModel, State.NewEtag(), State.Timestamp());
            account.Deployments[name] = body;
            LongRunningOperation operation = State.StartOperation(existing == null ? OperationKind.Create : OperationKind.Replace, account, name, existing, request.FailOperation);
            return new ArmResponse(existing == null ? 201 : 200, ApiVersionShaping.Deployment(body, request.ApiVersion))
                .WithHeader("Azure-AsyncOperation", request.Url(operation.StatusPath))
                .WithRetryAfter(context.Settings.RetryAfterSeconds);
        }

        public ArmResponse Patch(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindAccount(route, out AccountState account);
            if (error != null)
            {
                return error;
            }

            error = ReadObject(request, out JObject patch);
            if (error != null)
            {
                return error;
            }

            if (account.Busy != null)
            {
                return ArmErrors.RequestConflict(account.Id);
            }

            if (!account.Deployments.TryGetValue(route["deployment"], out JObject? body))
            {
                return ArmErrors.DeploymentNotFound(route["deployment"]);
            }

            var previous = (JObject)body.DeepClone();
            var patched = (JObject)body.DeepClone();
            DeploymentBodies.ApplyPatch(patched, patch, State.NewEtag(), State.Timestamp());
            ArmResponse? refused = new DeploymentRules(State).CheckQuota(account, patched, previous);
            if (refused != null)
            {
                return refused;
            }

            DeploymentBodies.ApplyPatch(body, patch, State.NewEtag(), State.Timestamp());
            LongRunningOperation operation = State.StartOperation(OperationKind.Patch, account, (string)body["name"]!, previous, request.FailOperation);
            return Accepted(request, operation);
        }

        public ArmResponse Delete(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = context.FindAccount(route, out AccountState account);
            if (error != null)
            {
                return error;
            }

            if (account.Busy != null)
            {
                return ArmErrors.RequestConflict(account.Id);
            }

            if (!account.Deployments.TryGetValue(route["deployment"], out JObject? body))
            {
                return ArmResponse.NoContent();
            }

            var previous = (JObject)body.DeepClone();
            DeploymentBodies.SetProvisioningState(body, "Deleting");
            LongRunningOperation operation = State.StartOperation(OperationKind.Delete, account, (string)body["name"]!, previous, request.FailOperation);

            // 2026-05-01 declares only location and Retry-After on a DELETE's 202 (final-state-via: location).
            return new ArmResponse(202)
                .WithHeader("Location", request.Url(operation.ResultPath))
                .WithRetryAfter(context.Settings.RetryAfterSeconds);
        }

        /// <summary>Pause and resume answer at once with the deployment (200), as the spec declares.</summary>
        public ArmResponse SetState(ArmRequest request, RouteValues route, string deploymentState)
        {
            ArmResponse? error = context.FindAccount(route, out AccountState account);
            if (error != null)
            {
                return error;
            }

            if (account.Busy != null)
            {
                return ArmErrors.RequestConflict(account.Id);
            }

            if (!account.Deployments.TryGetValue(route["deployment"], out JObject? body))
            {
                return ArmErrors.DeploymentNotFound(route["deployment"]);
            }

            if (!PausableSkus.Contains((string?)body["sku"]?["name"] ?? ""))
            {
                return ArmErrors.BadRequest("OperationNotSupported", "Pause and resume are supported only for Standard, DataZoneStandard and GlobalStandard deployments.");
            }

            ((JObject)body["properties"]!)["deploymentState"] = deploymentState;
            DeploymentBodies.Touch(body, State.NewEtag(), State.Timestamp());
            return ArmResponse.Ok(ApiVersionShaping.Deployment(body, request.ApiVersion));
        }

        private ArmResponse Accepted(ArmRequest request, LongRunningOperation operation)
        {
            return new ArmResponse(202)
                .WithHeader("Location", request.Url(operation.ResultPath))
                .WithHeader("Azure-AsyncOperation", request.Url(operation.StatusPath))
                .WithRetryAfter(context.Settings.RetryAfterSeconds);
        }

        private static ArmResponse? ReadObject(ArmRequest request, out JObject body)
        {
            body = null!;
            if (string.IsNullOrWhiteSpace(request.Body))
            {
                return ArmErrors.InvalidRequestContent("The request body is empty.");
            }

            try
            {
                body = JsonText.ParseObject(request.Body);
                return null;
            }
            catch (JsonReaderException ex)
            {
                return ArmErrors.InvalidRequestContent(ex.Message);
            }
        }
    }
}
