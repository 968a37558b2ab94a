using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// ARM error responses, <c>{"error":{"code","message"}}</c>, with the codes and wording ARM and
    /// the Cognitive Services RP use where those are known.
    /// </summary>
    internal static class ArmErrors
    {
        public static ArmResponse Error(int status, string code, string message) =>
            new ArmResponse(status, new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } });

        public static ArmResponse MissingApiVersion() =>
            Error(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");

        public static ArmResponse InvalidApiVersion(string apiVersion) =>
            Error(400, "InvalidApiVersionParameter", $"The api-version '{apiVersion}' is invalid. The supported versions are '{string.Join(",", ApiVersions.ArmVersions)}'.");

        public static ArmResponse NoRegisteredProvider(string apiVersion, string resourceType) =>
            Error(400, "NoRegisteredProviderFound", $"No registered resource provider found for location 'global' and API version '{apiVersion}' for type '{resourceType}'. The supported api-versions are '{string.Join(", ", ApiVersions.ProviderVersions)}'.");

        public static ArmResponse SubscriptionNotFound(string subscriptionId) =>
            Error(404, "SubscriptionNotFound", $"The subscription '{subscriptionId}' could not be found.");

        public static ArmResponse ResourceGroupNotFound(string resourceGroup) =>
            Error(404, "ResourceGroupNotFound", $"Resource group '{resourceGroup}' could not be found.");

        public static ArmResponse AccountNotFound(string resourceGroup, string account) =>
            Error(404, "ResourceNotFound", $"The Resource '{ResourceIds.AccountType}/{account}' under resource group '{resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");

        public static ArmResponse DeploymentNotFound(string deployment) =>
            Error(404, "DeploymentNotFound", $"The specified deployment '{deployment}' does not exist.");

        public static ArmResponse RequestConflict(string accountId) =>
            Error(409, "RequestConflict", $"Another operation is being performed on the parent resource '{accountId}'. Please try again later.");

        public static ArmResponse InvalidRequestContent(string detail) =>
            Error(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: '" + detail + "'.");

        public static ArmResponse BadRequest(string code, string message) => Error(400, code, message);
    }
}
