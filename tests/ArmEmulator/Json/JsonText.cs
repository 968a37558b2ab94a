using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Reads and writes JSON without Newtonsoft's default date sniffing, so that a string such as
    /// "2024-06-14T00:00:00Z" goes out exactly as it came in. The emulator promises that payloads
    /// round-trip, and a date re-formatted on the way through would break that promise.
    /// </summary>
    public static class JsonText
    {
        /// <summary>Serializer settings used for every fleet file and every response body.</summary>
        public static JsonSerializerSettings Settings { get; } = new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            NullValueHandling = NullValueHandling.Ignore,
        };

        /// <summary>Parses any JSON value with dates kept as strings.</summary>
        public static JToken Parse(string json)
        {
            using var reader = new JsonTextReader(new StringReader(json))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            JToken token = JToken.ReadFrom(reader);
            // A second value after the first (e.g. "{} {}") is not valid JSON for a request body.
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException("Additional text found after the JSON value.");
            }

            return token;
        }

        /// <summary>Parses a JSON object; throws <see cref="JsonReaderException"/> for anything else.</summary>
        public static JObject ParseObject(string json)
        {
            return Parse(json) as JObject ?? throw new JsonReaderException("Expected a JSON object.");
        }

        /// <summary>Compact serialization, as ARM sends it.</summary>
        public static string Serialize(JToken token) => token.ToString(Formatting.None);
    }
}
