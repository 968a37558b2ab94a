using System;
using System.Globalization;
using ModelLifecycle.Core.Arm;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>
    /// One plain sentence on what to do about an ARM refusal during a migration. ARM's code stays the
    /// error's id; the sentence is its RecommendedAction. Codes and their meaning as seen in public
    /// field reports of deployment writes (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/working-with-models
    /// and https://learn.microsoft.com/azure/ai-foundry/openai/quotas-limits).
    /// </summary>
    public static class MigrationErrorAdvice
    {
        /// <summary>Where limited-access models are applied for.</summary>
        public const string LimitedAccessUrl = "https://aka.ms/oai/access";

        public static string For(string? armCode, string? armMessage, MigrationPlan plan)
        {
            var target = plan.TargetModel + (plan.TargetVersion is null ? string.Empty : " " + plan.TargetVersion);
            var capacity = plan.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "the requested";
            switch (armCode)
            {
                case "InsufficientQuota":
                    return $"The subscription's quota in {plan.Location ?? "this region"} has no room for {capacity} more units of {plan.DeploymentType} {target}: free capacity by shrinking or deleting unused deployments, pass a smaller -Capacity, or request more at {MigrationPlanner.QuotaIncreaseUrl}; then run the same command again.";
                case "DeploymentModelNotSupported":
                    return $"ARM no longer creates deployments of {target}: that model version has retired. Choose a current one with -TargetModel/-TargetVersion (Get-ModelRetirement shows what is current).";
                case "ServiceModelDeprecated":
                case "ServiceModelDeprecating":
                    return $"{target} is deprecated, and deprecated models can only be deployed in subscriptions that already had them. Choose a newer version with -TargetVersion or another model with -TargetModel.";
                case "CannotChangeDeploymentModel":
                    return $"ARM does not change the model of a {plan.DeploymentType} deployment in place: run the same command with -Mode SideBySide to create a new deployment next to the source.";
                case "SpecialFeatureOrQuotaIdRequired":
                    return $"{plan.TargetModel} is limited access: apply at {LimitedAccessUrl} and run the same command again once the subscription is approved, or choose a model that needs no registration.";
                case "RequestConflict":
                    return "Another operation kept the account busy longer than the retries waited; run the same command again later: it resumes where it stopped.";
                case "AuthorizationFailed":
                    return "The signed-in identity may not write deployments of this account: it needs the Cognitive Services Contributor role (or Microsoft.CognitiveServices/accounts/deployments/write) on it.";
            }

            if (armMessage is not null && armMessage.IndexOf("capacity and model at the same time", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "ARM refuses a model and a capacity change in one write; this command makes them as two writes, so run it again: it resumes with the step that is left.";
            }

            return "Nothing else was changed and the source keeps serving; fix the cause ARM names and run the same command again: it resumes where it stopped.";
        }

        /// <summary>The category of a refusal whose code says more than its HTTP status (400 is InvalidArgument).</summary>
        private static ErrorKind? KindOf(string? armCode)
        {
            switch (armCode)
            {
                case "InsufficientQuota":
                    return ErrorKind.QuotaExceeded;
                case "SpecialFeatureOrQuotaIdRequired":
                    return ErrorKind.PermissionDenied;
                case "DeploymentModelNotSupported":
                case "ServiceModelDeprecated":
                case "ServiceModelDeprecating":
                    return ErrorKind.ResourceUnavailable;
                case "CannotChangeDeploymentModel":
                    return ErrorKind.InvalidOperation;
                default:
                    return null;
            }
        }

        /// <summary>The migration error for a failed ARM call: ARM's code as the error id where it gave one.</summary>
        public static ModelLifecycleException Wrap(ModelLifecycleException error, MigrationPlan plan, string step)
        {
            var arm = error as ArmException;
            var code = arm?.ArmCode;

            // An operation that ended Failed or Canceled without an error code carries its status as the code;
            // "Failed" says less than the client's own id (OperationFailed).
            if (string.Equals(code, "Failed", StringComparison.OrdinalIgnoreCase) || string.Equals(code, "Canceled", StringComparison.OrdinalIgnoreCase))
            {
                code = null;
            }

            var id = !string.IsNullOrEmpty(code) ? code! : error.ErrorId;
            var who = $"Migrating deployment '{plan.SourceDeployment}' of account '{plan.AccountName}' to {plan.TargetModel} {plan.TargetVersion}".TrimEnd();
            return new ModelLifecycleException(id, KindOf(code) ?? error.Kind, $"{who} failed at step {step}: {error.Message}", plan.Source?.ResourceId ?? plan.SourceDeployment, error)
            {
                RecommendedAction = For(code, arm?.ArmMessage ?? error.Message, plan),
            };
        }
    }
}
