using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// The test-harness surface under /_emulator/, for callers that run the emulator as a process
    /// (Pester, benchmarks). Not ARM: no token, no latency, no faults, not counted.
    /// </summary>
    internal sealed class AdminEndpoints
    {
        public static readonly PathString Root = new PathString("/_emulator");

        private readonly ArmEmulatorServer server;

        public AdminEndpoints(ArmEmulatorServer server) => this.server = server;

        public async Task InvokeAsync(HttpContext http)
        {
            string method = http.Request.Method.ToUpperInvariant();
            string path = (http.Request.Path.Value ?? "").TrimEnd('/').ToLowerInvariant();
            try
            {
                ArmResponse response = (method, path) switch
                {
                    ("GET", "/_emulator/counters") => ArmResponse.Ok(Counters()),
                    ("POST", "/_emulator/reset-counters") => Do(server.Counters.Reset),
                    ("GET", "/_emulator/faults") => ArmResponse.Ok(Faults()),
                    ("POST", "/_emulator/faults") => AddFault(await ReadAsync(http).ConfigureAwait(false)),
                    ("DELETE", "/_emulator/faults") => Do(server.Faults.Clear),
                    ("GET", "/_emulator/fleet") => ArmResponse.Ok(JToken.FromObject(server.State.Snapshot(), JsonSerializer.Create(JsonText.Settings))),
                    ("GET", "/_emulator/settings") => ArmResponse.Ok(Settings()),
                    ("PUT", "/_emulator/settings") => ChangeSettings(await ReadAsync(http).ConfigureAwait(false)),
                    ("GET", "/_emulator/quotas") => ArmResponse.Ok(Quotas()),
                    ("PUT", "/_emulator/quotas") => SetQuota(await ReadAsync(http).ConfigureAwait(false)),
                    ("PUT", "/_emulator/models") => SetModel(await ReadAsync(http).ConfigureAwait(false)),
                    ("GET", "/_emulator/limited-access") => ArmResponse.Ok(LimitedAccess()),
                    ("PUT", "/_emulator/limited-access") => SetLimitedAccess(await ReadAsync(http).ConfigureAwait(false)),
                    ("PUT", "/_emulator/tokens") => ChangeTokens(await ReadAsync(http).ConfigureAwait(false)),
                    ("POST", "/_emulator/shutdown") => Shutdown(),
                    _ when method == "DELETE" && path.StartsWith("/_emulator/faults/", StringComparison.Ordinal) =>
                        server.Faults.Remove(http.Request.Path.Value!.TrimEnd('/').Split('/').Last()) ? ArmResponse.NoContent() : ArmErrors.Error(404, "NotFound", "No such fault rule."),
                    _ => ArmErrors.Error(404, "NotFound", "Unknown emulator admin endpoint."),
                };
                await ResponseWriter.WriteAsync(http, response).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidDataException)
            {
                await ResponseWriter.WriteAsync(http, ArmErrors.BadRequest("InvalidRequestContent", ex.Message)).ConfigureAwait(false);
            }
        }

        private static ArmResponse Do(Action action)
        {
            action();
            return ArmResponse.NoContent();
        }

        private static async Task<JObject> ReadAsync(HttpContext http)
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            string text = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
            return JsonText.ParseObject(string.IsNullOrWhiteSpace(text) ? "{}" : text);
        }

        private JObject Counters()
        {
            RequestCountsSnapshot counts = server.Counters.Snapshot();
            return new JObject
            {
                ["total"] = counts.Total,
                ["writes"] = counts.Writes,
                ["inFlight"] = counts.InFlight,
                ["maxInFlight"] = counts.MaxInFlight,
                ["byMethod"] = JObject.FromObject(counts.ByMethod),
                ["byPath"] = JObject.FromObject(counts.ByPath),
            };
        }

        private JArray Faults()
        {
            var serializer = JsonSerializer.Create(JsonText.Settings);
            var rules = new JArray();
            foreach (FaultRuleStatus status in server.Faults.Rules)
            {
                var rule = JObject.FromObject(status.Rule, serializer);
                rule["matched"] = status.Matched;
                rule["fired"] = status.Fired;
                rules.Add(rule);
            }

            return rules;
        }

        private ArmResponse AddFault(JObject body)
        {
            FaultRule rule = body.ToObject<FaultRule>(JsonSerializer.Create(JsonText.Settings))
                ?? throw new InvalidDataException("The fault rule is empty.");
            string id = server.Faults.Add(rule);
            return new ArmResponse(201, new JObject { ["id"] = id });
        }

        private JObject Settings() => new JObject
        {
            ["latencyMs"] = (long)server.Latency.TotalMilliseconds,
            ["pageSize"] = server.PageSize,
            ["lroInProgressPolls"] = server.LroInProgressPolls,
            ["lroDurationMs"] = server.LroDuration == null ? JValue.CreateNull() : (long)server.LroDuration.Value.TotalMilliseconds,
            ["retryAfterSeconds"] = server.RetryAfterSeconds,
            ["tokenCheck"] = server.AcceptedTokens == null ? "any" : "restricted",
        };

        /// <summary>Changes only the members present: latencyMs, pageSize, lroInProgressPolls, lroDurationMs (null clears), retryAfterSeconds.</summary>
        private ArmResponse ChangeSettings(JObject body)
        {
            if (body["latencyMs"] is JToken latency)
            {
                server.Latency = TimeSpan.FromMilliseconds((double)latency);
            }

            if (body["pageSize"] is JToken pageSize)
            {
                server.PageSize = (int)pageSize;
            }

            if (body["lroInProgressPolls"] is JToken polls)
            {
                server.LroInProgressPolls = (int)polls;
            }

            if (body.TryGetValue("lroDurationMs", out JToken? duration))
            {
                server.LroDuration = duration.Type == JTokenType.Null ? null : TimeSpan.FromMilliseconds((double)duration);
            }

            if (body["retryAfterSeconds"] is JToken retryAfter)
            {
                server.RetryAfterSeconds = (int)retryAfter;
            }

            return ArmResponse.NoContent();
        }

        private JArray Quotas()
        {
            var serializer = JsonSerializer.Create(JsonText.Settings);
            var list = new JArray();
            foreach (KeyValuePair<string, FleetQuota> entry in server.State.QuotaLimits())
            {
                var quota = JObject.FromObject(entry.Value, serializer);
                quota.AddFirst(new JProperty("location", entry.Key));
                list.Add(quota);
            }

            return list;
        }

        /// <summary><c>{"location":"eastus","usageName":"OpenAI.GlobalStandard.gpt-4o","limit":450}</c> (+ localizedName, unit, subscriptionId).</summary>
        private ArmResponse SetQuota(JObject body)
        {
            string location = (string?)body["location"] ?? throw new InvalidDataException("Give \"location\".");
            body.Remove("location");
            FleetQuota quota = body.ToObject<FleetQuota>(JsonSerializer.Create(JsonText.Settings))
                ?? throw new InvalidDataException("The quota is empty.");
            if (body["limit"] == null)
            {
                throw new InvalidDataException("Give \"limit\".");
            }

            server.State.SetQuota(location, quota);
            return ArmResponse.NoContent();
        }

        /// <summary><c>{"location":"eastus","item":{"kind":"OpenAI","skuName":"S0","model":{...}}}</c>: adds or replaces that model version.</summary>
        private ArmResponse SetModel(JObject body)
        {
            string location = (string?)body["location"] ?? throw new InvalidDataException("Give \"location\".");
            JObject item = body["item"] as JObject ?? throw new InvalidDataException("Give \"item\", a Models_List item.");
            server.State.SetModel(location, item);
            return ArmResponse.NoContent();
        }

        private JObject LimitedAccess()
        {
            lock (server.State.Sync)
            {
                var granted = new JObject();
                foreach (SubscriptionState subscription in server.State.Subscriptions.Values)
                {
                    if (subscription.LimitedAccessGranted.Count > 0)
                    {
                        granted[subscription.SubscriptionId] = new JArray(subscription.LimitedAccessGranted.OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
                    }
                }

                return new JObject
                {
                    ["models"] = new JArray(server.State.LimitedAccessModels.OrderBy(n => n, StringComparer.OrdinalIgnoreCase)),
                    ["granted"] = granted,
                };
            }
        }

        /// <summary>
        /// <c>{"models":["gpt-5"],"granted":{"&lt;subscriptionId&gt;":["gpt-5"]}}</c>: each member given replaces
        /// what was there (models: the whole list; granted: the lists of the subscriptions named).
        /// </summary>
        private ArmResponse SetLimitedAccess(JObject body)
        {
            if (body["models"] is JArray models)
            {
                server.State.SetLimitedAccessModels(models.Select(m => (string?)m ?? "").Where(m => m.Length > 0));
            }

            if (body["granted"] is JObject granted)
            {
                foreach (JProperty subscription in granted.Properties())
                {
                    IEnumerable<string> names = (subscription.Value as JArray ?? new JArray()).Select(m => (string?)m ?? "").Where(m => m.Length > 0);
                    if (!server.State.SetLimitedAccessGranted(subscription.Name, names))
                    {
                        return ArmErrors.Error(404, "SubscriptionNotFound", $"The subscription '{subscription.Name}' could not be found.");
                    }
                }
            }

            return ArmResponse.NoContent();
        }

        /// <summary>
        /// <c>{"accept":["t1","t2"]}</c> accepts exactly those tokens; <c>{"acceptAny":true}</c> any.
        /// The answer never repeats them.
        /// </summary>
        private ArmResponse ChangeTokens(JObject body)
        {
            if ((bool?)body["acceptAny"] == true)
            {
                server.AcceptedTokens = null;
                return ArmResponse.NoContent();
            }

            if (body["accept"] is not JArray accept)
            {
                throw new InvalidDataException("Give \"accept\": [tokens] or \"acceptAny\": true.");
            }

            var tokens = new HashSet<string>(accept.Select(t => (string?)t ?? "").Where(t => t.Length > 0), StringComparer.Ordinal);
            server.AcceptedTokens = tokens.Contains;
            return ArmResponse.NoContent();
        }

        private ArmResponse Shutdown()
        {
            server.RequestShutdown();
            return new ArmResponse(202);
        }
    }
}
