using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// The two polling URLs of a long-running operation: Azure-AsyncOperation (operationStatuses,
    /// always 200 with a status) and Location (operationResults, 202 until done, then the result).
    /// </summary>
    internal sealed class OperationEndpoints
    {
        private readonly EndpointContext context;

        public OperationEndpoints(EndpointContext context) => this.context = context;

        public ArmResponse Status(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = Find(route, out LongRunningOperation operation);
            if (error != null)
            {
                return error;
            }

            context.State.Poll(operation);
            var body = new JObject
            {
                ["id"] = operation.StatusPath,
                ["name"] = operation.Id,
                ["status"] = operation.Status,
                ["startTime"] = Format(operation.StartTime),
            };
            if (operation.EndTime != null)
            {
                body["endTime"] = Format(operation.EndTime.Value);
            }

            if (operation.Status == "Failed")
            {
                body["error"] = operation.Error();
            }

            var response = ArmResponse.Ok(body);
            return operation.IsDone ? response : response.WithRetryAfter(context.Settings.RetryAfterSeconds);
        }

        public ArmResponse Result(ArmRequest request, RouteValues route)
        {
            ArmResponse? error = Find(route, out LongRunningOperation operation);
            if (error != null)
            {
                return error;
            }

            context.State.Poll(operation);
            if (!operation.IsDone)
            {
                return new ArmResponse(202)
                    .WithHeader("Location", request.Url(operation.ResultPath))
                    .WithRetryAfter(context.Settings.RetryAfterSeconds);
            }

            if (operation.Status == "Failed")
            {
                return new ArmResponse(operation.Failure?.StatusCode ?? 500, new JObject { ["error"] = operation.Error() });
            }

            AccountState account = operation.Account;
            if (operation.Kind == OperationKind.Delete
                || !account.Exists
                || !account.Deployments.TryGetValue(operation.DeploymentName, out JObject? body))
            {
                return ArmResponse.NoContent();
            }

            return ArmResponse.Ok(ApiVersionShaping.Deployment(body, request.ApiVersion));
        }

        private ArmResponse? Find(RouteValues route, out LongRunningOperation operation)
        {
            operation = null!;
            ArmResponse? error = context.FindSubscription(route["subscriptionId"], out SubscriptionState subscription);
            if (error != null)
            {
                return error;
            }

            LongRunningOperation? found = context.State.FindOperation(route["operationId"]);
            if (found == null || !string.Equals(found.Account.SubscriptionId, subscription.SubscriptionId, System.StringComparison.OrdinalIgnoreCase))
            {
                return ArmErrors.Error(404, "OperationNotFound", $"The operation '{route["operationId"]}' was not found.");
            }

            operation = found;
            return null;
        }

        private static string Format(System.DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
