using Newtonsoft.Json;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// A fault to inject. A request matches when its method and path fit; among matching requests,
    /// the rule fires on the FromRequest-th to ToRequest-th (1-based, both inclusive) and, when
    /// <see cref="Probability"/> is set, only on a seeded coin toss. Serialized in camelCase for the
    /// admin endpoint, e.g. <c>{"method":"GET","pathContains":"/deployments","kind":"Throttle","fromRequest":1,"toRequest":2}</c>.
    /// </summary>
    public sealed class FaultRule
    {
        /// <summary>Assigned when the rule is added.</summary>
        [JsonProperty("id", NullValueHandling = NullValueHandling.Ignore)]
        public string? Id { get; set; }

        [JsonProperty("kind")]
        public FaultKind Kind { get; set; }

        /// <summary>GET, PUT, PATCH, DELETE or POST; null matches every method.</summary>
        [JsonProperty("method", NullValueHandling = NullValueHandling.Ignore)]
        public string? Method { get; set; }

        /// <summary>Case-insensitive substring of the path and query (e.g. "/deployments/chat").</summary>
        [JsonProperty("pathContains", NullValueHandling = NullValueHandling.Ignore)]
        public string? PathContains { get; set; }

        /// <summary>Case-insensitive regular expression over the path and query.</summary>
        [JsonProperty("pathRegex", NullValueHandling = NullValueHandling.Ignore)]
        public string? PathRegex { get; set; }

        /// <summary>First matching request (1-based) the rule fires on; null means 1.</summary>
        [JsonProperty("fromRequest", NullValueHandling = NullValueHandling.Ignore)]
        public int? FromRequest { get; set; }

        /// <summary>Last matching request the rule fires on; null means no end.</summary>
        [JsonProperty("toRequest", NullValueHandling = NullValueHandling.Ignore)]
        public int? ToRequest { get; set; }

        /// <summary>Chance (0..1) to fire on a request in the window; null means always.</summary>
        [JsonProperty("probability", NullValueHandling = NullValueHandling.Ignore)]
        public double? Probability { get; set; }

        /// <summary>Seed of the rule's own random sequence, so a probabilistic run repeats exactly.</summary>
        [JsonProperty("seed")]
        public int Seed { get; set; }

        [JsonProperty("latencyMs", NullValueHandling = NullValueHandling.Ignore)]
        public int? LatencyMs { get; set; }

        [JsonProperty("retryAfterSeconds", NullValueHandling = NullValueHandling.Ignore)]
        public int? RetryAfterSeconds { get; set; }

        /// <summary>Overrides the status code of error kinds (and of a failed operation's Location result).</summary>
        [JsonProperty("statusCode", NullValueHandling = NullValueHandling.Ignore)]
        public int? StatusCode { get; set; }

        /// <summary>Overrides the ARM error code (e.g. "InsufficientQuota" for LroFailed).</summary>
        [JsonProperty("errorCode", NullValueHandling = NullValueHandling.Ignore)]
        public string? ErrorCode { get; set; }

        [JsonProperty("errorMessage", NullValueHandling = NullValueHandling.Ignore)]
        public string? ErrorMessage { get; set; }

        /// <summary>For DeleteAccount: the account's ARM id or name.</summary>
        [JsonProperty("account", NullValueHandling = NullValueHandling.Ignore)]
        public string? Account { get; set; }

        public FaultRule Clone() => (FaultRule)MemberwiseClone();
    }
}
