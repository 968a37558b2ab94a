using System;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// A call to ARM that failed for good: after the retries the client allows, or at once when retrying
    /// cannot help. One failed call gives one ArmException, however many attempts it took.
    /// </summary>
    /// <remarks>
    /// ErrorId and Kind by what happened (the Kind names are PowerShell ErrorCategory names):
    /// <list type="table">
    /// <item><term>404</term><description>DeploymentNotFound, AccountNotFound, SubscriptionNotFound or ResourceNotFound,
    /// by what was asked (a deployment whose account is gone is AccountNotFound; ARM's SubscriptionNotFound always wins) - ObjectNotFound</description></item>
    /// <item><term>403</term><description>AuthorizationFailed - PermissionDenied</description></item>
    /// <item><term>401 again after one token refresh</term><description>AuthenticationFailed - AuthenticationError</description></item>
    /// <item><term>409 RequestConflict after ConflictRetryLimit retries (writes)</term><description>RequestConflict - ResourceBusy</description></item>
    /// <item><term>any other 409</term><description>Conflict - InvalidOperation</description></item>
    /// <item><term>429 after MaxAttempts</term><description>Throttled - LimitsExceeded</description></item>
    /// <item><term>500/502/503/504 after MaxAttempts</term><description>ArmServiceError - ResourceUnavailable</description></item>
    /// <item><term>400</term><description>ARM's error code (e.g. InsufficientQuota), or BadRequest when there is none - InvalidArgument</description></item>
    /// <item><term>other 4xx/5xx</term><description>ARM's error code, or ArmRequestFailed - InvalidOperation</description></item>
    /// <item><term>every attempt timed out</term><description>ArmRequestTimeout - OperationTimeout</description></item>
    /// <item><term>every attempt lost its connection</term><description>ArmConnectionFailed - ConnectionError</description></item>
    /// <item><term>2xx whose body is not valid JSON, after MaxAttempts</term><description>ArmResponseInvalid - InvalidResult</description></item>
    /// <item><term>a link (nextLink, operation URL) to another host than the ARM endpoint</term><description>UntrustedLink - SecurityError (nothing is sent there)</description></item>
    /// <item><term>long-running operation ended Failed or Canceled</term><description>OperationFailed - InvalidOperation; ArmCode is the operation's error code</description></item>
    /// <item><term>long-running operation still running after LroTimeout</term><description>OperationTimeout - OperationTimeout</description></item>
    /// </list>
    /// Cancellation is never an ArmException: it surfaces as OperationCanceledException.
    /// </remarks>
    public class ArmException : ModelLifecycleException
    {
        public ArmException(
            string errorId,
            ErrorKind kind,
            string message,
            object? target,
            int? httpStatus = null,
            string? armCode = null,
            string? armTarget = null,
            string? requestUrl = null,
            Exception? innerException = null,
            string? armMessage = null)
            : base(errorId, kind, message, target, innerException)
        {
            HttpStatus = httpStatus;
            ArmCode = armCode;
            ArmMessage = armMessage;
            ArmTarget = armTarget;
            RequestUrl = requestUrl;
        }

        /// <summary>The HTTP status of the last answer; null when none came (timeout, dropped connection).</summary>
        public int? HttpStatus { get; }

        /// <summary>ARM's error code (error.code), or a failed operation's error code.</summary>
        public string? ArmCode { get; }

        /// <summary>ARM's error.message (also part of <see cref="System.Exception.Message"/>), or a failed operation's.</summary>
        public string? ArmMessage { get; }

        /// <summary>ARM's error.target, when it gave one.</summary>
        public string? ArmTarget { get; }

        /// <summary>The URL of the failed request, without query values that could matter (only api-version and filters are kept).</summary>
        public string? RequestUrl { get; }

        /// <summary>How many attempts the call made before it failed (0 when it never sent one).</summary>
        public int Attempts { get; init; }
    }

    /// <summary>The ErrorIds an <see cref="ArmException"/> can carry (besides ARM's own codes for a 400).</summary>
    public static class ArmErrorIds
    {
        public const string DeploymentNotFound = "DeploymentNotFound";
        public const string AccountNotFound = "AccountNotFound";
        public const string SubscriptionNotFound = "SubscriptionNotFound";
        public const string ResourceGroupNotFound = "ResourceGroupNotFound";
        public const string ResourceNotFound = "ResourceNotFound";
        public const string AuthorizationFailed = "AuthorizationFailed";
        public const string AuthenticationFailed = "AuthenticationFailed";
        public const string RequestConflict = "RequestConflict";
        public const string Conflict = "Conflict";
        public const string Throttled = "Throttled";
        public const string ArmServiceError = "ArmServiceError";
        public const string BadRequest = "BadRequest";
        public const string ArmRequestFailed = "ArmRequestFailed";
        public const string ArmRequestTimeout = "ArmRequestTimeout";
        public const string ArmConnectionFailed = "ArmConnectionFailed";
        public const string ArmResponseInvalid = "ArmResponseInvalid";
        public const string UntrustedLink = "UntrustedLink";
        public const string OperationFailed = "OperationFailed";
        public const string OperationTimeout = "OperationTimeout";
    }
}
