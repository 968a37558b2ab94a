using System;
using System.Text.RegularExpressions;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>Turns the last attempt of a failed call into its ArmException (the table is on <see cref="ArmException"/>).</summary>
    internal static class ArmErrorMapper
    {
        private static readonly Regex SafeCode = new Regex("^[A-Za-z][A-Za-z0-9.]{0,79}$", RegexOptions.CultureInvariant);

        public static ArmException Map(Attempt last, ArmCall call, string url, int attempts, int conflicts, ArmClientOptions options)
        {
            string after = attempts > 1 ? $" (after {attempts} attempts)" : string.Empty;
            switch (last.Problem)
            {
                case AttemptProblem.TimedOut:
                    return Build(
                        ArmErrorIds.ArmRequestTimeout,
                        ErrorKind.OperationTimeout,
                        $"{call.Description} failed: ARM did not answer within {ArmTransport.Seconds(options.RequestTimeout)}{after}.",
                        call,
                        last,
                        url,
                        attempts,
                        "Check the network path to Azure Resource Manager, or try again later.");
                case AttemptProblem.ConnectionFailed:
                    return Build(
                        ArmErrorIds.ArmConnectionFailed,
                        ErrorKind.ConnectionError,
                        $"{call.Description} failed: the connection to Azure Resource Manager failed{after}: {last.Error?.Message}",
                        call,
                        last,
                        url,
                        attempts,
                        "Check the network path (proxy, firewall, DNS) to Azure Resource Manager, then try again.");
                case AttemptProblem.Malformed:
                    return Build(
                        ArmErrorIds.ArmResponseInvalid,
                        ErrorKind.InvalidResult,
                        $"{call.Description} failed: ARM answered {last.Status} with a body that is not valid JSON{after}.",
                        call,
                        last,
                        url,
                        attempts,
                        "Try again later.");
            }

            int status = last.Status ?? 0;
            string arm = last.Code is null ? $"{status}" : $"{status} {last.Code}";
            string detail = string.IsNullOrEmpty(last.Message) ? arm : $"{arm}: {last.Message}";
            string message = $"{call.Description} failed: {detail}";
            if (!message.EndsWith(".", StringComparison.Ordinal))
            {
                message += ".";
            }

            switch (status)
            {
                case 401:
                    return Build(ArmErrorIds.AuthenticationFailed, ErrorKind.AuthenticationError, message + " A fresh access token was refused too.", call, last, url, attempts,
                        "Sign in again with Connect-AzAccount (and Set-AzContext for the right tenant and subscription), then run the command again.");
                case 403:
                    return Build(ArmErrorIds.AuthorizationFailed, ErrorKind.PermissionDenied, message, call, last, url, attempts,
                        call.IsWrite
                            ? $"Changing deployments needs a role with Microsoft.CognitiveServices/accounts/deployments/write (e.g. Cognitive Services Contributor) on '{call.Target}'. Ask for one, or connect as an identity that has one (Connect-AzAccount)."
                            : $"Reading deployments needs a role with Microsoft.CognitiveServices/accounts/read and deployments/read (e.g. Reader or Cognitive Services User) on '{call.Target}'. Ask for one, or connect as an identity that has one (Connect-AzAccount).");
                case 404:
                    return Build(NotFoundId(call, last.Code), ErrorKind.ObjectNotFound, message, call, last, url, attempts, null);
                case 409:
                    return string.Equals(last.Code, "RequestConflict", StringComparison.OrdinalIgnoreCase)
                        ? Build(ArmErrorIds.RequestConflict, ErrorKind.ResourceBusy, conflicts > 0 ? $"{message} The account stayed busy through {conflicts} retries." : message, call, last, url, attempts,
                            "Another operation is running on the account (a deployment being created, changed or deleted). Wait for it to finish, then run the command again.")
                        : Build(ArmErrorIds.Conflict, ErrorKind.InvalidOperation, message, call, last, url, attempts, null);
                case 429:
                    return Build(ArmErrorIds.Throttled, ErrorKind.LimitsExceeded, message.TrimEnd('.') + after + ".", call, last, url, attempts,
                        "ARM limits requests per subscription and tenant. Lower -ThrottleLimit, or run the command again later.");
                case 500:
                case 502:
                case 503:
                case 504:
                    return Build(ArmErrorIds.ArmServiceError, ErrorKind.ResourceUnavailable, message.TrimEnd('.') + after + ".", call, last, url, attempts,
                        "Azure Resource Manager had a problem; run the command again later.");
                case 400:
                    return Build(CodeOr(last.Code, ArmErrorIds.BadRequest), ErrorKind.InvalidArgument, message, call, last, url, attempts, null);
                default:
                    return Build(CodeOr(last.Code, ArmErrorIds.ArmRequestFailed), ErrorKind.InvalidOperation, message, call, last, url, attempts, null);
            }
        }

        /// <summary>A 404 means what was asked for is not there, unless ARM says it is the parent that is missing.</summary>
        internal static string NotFoundId(ArmCall call, string? code)
        {
            bool parentMissing = code is "ResourceNotFound" or "ParentResourceNotFound" or "ResourceGroupNotFound";
            if (string.Equals(code, "SubscriptionNotFound", StringComparison.OrdinalIgnoreCase))
            {
                return ArmErrorIds.SubscriptionNotFound;
            }

            switch (call.Subject)
            {
                case ArmSubject.Deployment:
                    return parentMissing ? ArmErrorIds.AccountNotFound : ArmErrorIds.DeploymentNotFound;
                case ArmSubject.Account:
                    return ArmErrorIds.AccountNotFound;
                case ArmSubject.Subscription:
                    return code == "ResourceGroupNotFound" ? ArmErrorIds.ResourceGroupNotFound : ArmErrorIds.ResourceNotFound;
                default:
                    return ArmErrorIds.ResourceNotFound;
            }
        }

        private static string CodeOr(string? code, string fallback) => code is not null && SafeCode.IsMatch(code) ? code : fallback;

        private static ArmException Build(string errorId, ErrorKind kind, string message, ArmCall call, Attempt last, string url, int attempts, string? recommendedAction) =>
            new ArmException(errorId, kind, message, call.Target, last.Status, last.Code, last.Target, url, last.Error, last.Message)
            {
                RecommendedAction = recommendedAction,
                Attempts = attempts,
            };
    }
}
