using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>What a fault rule does to a request it fires on.</summary>
    [JsonConverter(typeof(StringEnumConverter))]
    public enum FaultKind
    {
        /// <summary>Waits <see cref="FaultRule.LatencyMs"/>, then the request proceeds (other rules still apply).</summary>
        Latency,

        /// <summary>429 with Retry-After: <see cref="FaultRule.RetryAfterSeconds"/>.</summary>
        Throttle,

        /// <summary>500 InternalServerError.</summary>
        InternalServerError,

        /// <summary>503 ServiceUnavailable (with Retry-After).</summary>
        ServiceUnavailable,

        /// <summary>Never answers; the connection is dropped when the client gives up or the server stops.</summary>
        Hang,

        /// <summary>Aborts the connection without a response.</summary>
        ConnectionReset,

        /// <summary>The real response, cut off half way so it is not valid JSON.</summary>
        MalformedJson,

        /// <summary>A write is accepted, but its operation ends Failed (and the deployment is put back).</summary>
        LroFailed,

        /// <summary>401 ExpiredAuthenticationToken with WWW-Authenticate, whatever the token.</summary>
        Unauthorized,

        /// <summary>409 RequestConflict, as when another operation runs on the account.</summary>
        Conflict,

        /// <summary>Deletes <see cref="FaultRule.Account"/>, then the request proceeds (so it may see 404).</summary>
        DeleteAccount,
    }
}
