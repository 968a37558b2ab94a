using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// Turns one HTTP answer into an <see cref="Attempt"/>: a 2xx body as JSON (dates left as strings)
    /// with its operation headers, or an error's status, code, message and Retry-After.
    /// </summary>
    internal sealed class ArmResponseReader
    {
        private readonly IClock clock;

        public ArmResponseReader(IClock clock) => this.clock = clock;

        public Attempt Read(HttpResponseMessage response, int status, string text, Uri url)
        {
            TimeSpan? retryAfter = RetryAfter(response.Headers.RetryAfter);
            if (status >= 200 && status < 300)
            {
                JObject? json = null;
                if (!string.IsNullOrWhiteSpace(text) && !TryParse(text, out json))
                {
                    return new Attempt(AttemptProblem.Malformed, status, null, null, null, retryAfter, null);
                }

                Uri? asyncOperation = response.Headers.TryGetValues("Azure-AsyncOperation", out var values)
                    && Uri.TryCreate(values.FirstOrDefault(), UriKind.Absolute, out Uri? statusUrl) ? statusUrl : null;
                Uri? location = response.Headers.Location is Uri l ? (l.IsAbsoluteUri ? l : new Uri(url, l)) : null;
                return new Attempt(AttemptProblem.None, status, null, null, null, retryAfter, null)
                {
                    Reply = new ArmReply(status, json, retryAfter, asyncOperation, location),
                };
            }

            // An error body is read leniently: its code and message make the error clearer, but a torn or
            // missing one changes nothing about what happened.
            TryParse(text, out JObject? errorBody);
            JToken? error = errorBody?["error"];
            string? code = error?.Type == JTokenType.Object ? (string?)error["code"] : null;
            string? message = error?.Type == JTokenType.Object ? (string?)error["message"] : null;
            string? target = error?.Type == JTokenType.Object ? (string?)error["target"] : null;
            return new Attempt(AttemptProblem.HttpError, status, code, message, target, retryAfter, null);
        }

        /// <summary>One JSON object and nothing after it; false for anything else.</summary>
        internal static bool TryParse(string text, out JObject? json)
        {
            json = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            try
            {
                // Dates stay strings: a body read and written back must be byte-for-byte what ARM sent.
                using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
                if (JToken.ReadFrom(reader) is not JObject parsed)
                {
                    return false;
                }

                // Anything after the object means the body is not one JSON document.
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment)
                    {
                        return false;
                    }
                }

                json = parsed;
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
        {
            if (header?.Delta is TimeSpan delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (header?.Date is DateTimeOffset date)
            {
                TimeSpan wait = date - clock.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }
    }
}
