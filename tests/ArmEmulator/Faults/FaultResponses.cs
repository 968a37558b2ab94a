using System;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>The ARM-shaped answers of the faults that replace the response.</summary>
    internal static class FaultResponses
    {
        public static ArmResponse For(FaultRule fault, string path)
        {
            switch (fault.Kind)
            {
                case FaultKind.Throttle:
                    return Error(fault, 429, "SubscriptionRequestsThrottled", "Number of requests for the subscription exceeded the limit. Please try again after the time in Retry-After.")
                        .WithRetryAfter(fault.RetryAfterSeconds ?? 1);
                case FaultKind.InternalServerError:
                    return Error(fault, 500, "InternalServerError", "Encountered internal server error.");
                case FaultKind.ServiceUnavailable:
                    return Error(fault, 503, "ServiceUnavailable", "The service is temporarily unavailable. Please try again later.")
                        .WithRetryAfter(fault.RetryAfterSeconds ?? 1);
                case FaultKind.Unauthorized:
                    return TokenCheck.Expired();
                case FaultKind.Conflict:
                    return Error(fault, 409, "RequestConflict", $"Another operation is being performed on the parent resource '{AccountId(path)}'. Please try again later.");
                default:
                    throw new InvalidOperationException($"Fault kind {fault.Kind} does not replace the response.");
            }
        }

        private static ArmResponse Error(FaultRule fault, int status, string code, string message) =>
            ArmErrors.Error(fault.StatusCode ?? status, fault.ErrorCode ?? code, fault.ErrorMessage ?? message);

        // The account part of a deployment path, which is what ARM names as the busy parent.
        private static string AccountId(string path)
        {
            int deployments = path.IndexOf("/deployments", StringComparison.OrdinalIgnoreCase);
            return deployments > 0 ? path.Substring(0, deployments) : path;
        }
    }
}
