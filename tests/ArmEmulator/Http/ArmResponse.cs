using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>What a handler answers: a status, headers and an optional JSON body.</summary>
    internal sealed class ArmResponse
    {
        public ArmResponse(int status, JToken? body = null)
        {
            Status = status;
            Body = body;
        }

        public int Status { get; }

        public JToken? Body { get; }

        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        public static ArmResponse Ok(JToken body) => new ArmResponse(200, body);

        public static ArmResponse NoContent() => new ArmResponse(204);

        public ArmResponse WithHeader(string name, string value)
        {
            Headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public ArmResponse WithRetryAfter(int seconds) => WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
    }
}
