using System;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>A successful (2xx) answer from ARM: status, parsed body and the headers the client acts on.</summary>
    internal sealed class ArmReply
    {
        public ArmReply(int status, JObject? json, TimeSpan? retryAfter, Uri? asyncOperation, Uri? location)
        {
            Status = status;
            Json = json;
            RetryAfter = retryAfter;
            AsyncOperation = asyncOperation;
            Location = location;
        }

        public int Status { get; }

        /// <summary>The body; null when there was none (204, or a 202 without one).</summary>
        public JObject? Json { get; }

        /// <summary>Retry-After as a wait from now (an HTTP date already turned into one); null when absent.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>The Azure-AsyncOperation header: the operation's status URL.</summary>
        public Uri? AsyncOperation { get; }

        /// <summary>The Location header (made absolute): the operation's result URL.</summary>
        public Uri? Location { get; }
    }
}
