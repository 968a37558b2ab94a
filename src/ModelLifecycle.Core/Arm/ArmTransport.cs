using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Azure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// The only place ARM requests leave the process. Every call goes through <see cref="SendAsync"/>,
    /// which handles, once for all callers: the bearer token (one refresh after a 401), the throttle
    /// (requests in flight), per-request timeouts, retries with Retry-After or capped exponential
    /// backoff with full jitter, 409 RequestConflict on writes, and turning what finally failed into
    /// one <see cref="ArmException"/>.
    /// </summary>
    internal sealed class ArmTransport : IDisposable
    {
        private static readonly MediaTypeWithQualityHeaderValue Json = new MediaTypeWithQualityHeaderValue("application/json");

        private readonly HttpClient http;
        private readonly SemaphoreSlim throttle;
        private readonly ArmClientOptions options;
        private readonly IOperationSink sink;
        private readonly Random random;
        private readonly IClock clock;

        public ArmTransport(Uri endpoint, TokenCache tokens, ArmClientOptions options, IOperationSink sink, object sinkGate, HttpMessageHandler? handler)
        {
            Endpoint = endpoint;
            Tokens = tokens;
            this.options = options;
            this.sink = sink;
            SinkGate = sinkGate;
            clock = options.Clock ?? SystemClock.Instance;
            random = options.JitterSeed is int seed ? new Random(seed) : new Random();
            throttle = new SemaphoreSlim(options.ThrottleLimit, options.ThrottleLimit);

            bool ownHandler = handler is null;
            handler ??= new HttpClientHandler
            {
                // .NET Framework allows 2 connections per server unless told otherwise; the throttle is the limit.
                MaxConnectionsPerServer = Math.Max(2, options.ThrottleLimit),
                // A redirect would carry the request (and perhaps the token) somewhere else: never follow one.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            http = new HttpClient(handler, ownHandler) { Timeout = Timeout.InfiniteTimeSpan };
        }

        public Uri Endpoint { get; }

        public TokenCache Tokens { get; }

        /// <summary>Every sink call of the client (and of services built on it) is made under this lock.</summary>
        public object SinkGate { get; }

        public void Dispose()
        {
            http.Dispose();
            throttle.Dispose();
        }

        /// <summary>
        /// Sends one request, retrying what is worth retrying, and returns the 2xx answer or throws one
        /// ArmException for the call. Cancellation throws OperationCanceledException.
        /// </summary>
        public async Task<ArmReply> SendAsync(HttpMethod method, Uri url, JObject? body, ArmCall call, CancellationToken cancellationToken)
        {
            string shownUrl = ArmUrls.Redact(url);
            if (!ArmUrls.IsTrusted(Endpoint, url))
            {
                throw new ArmException(
                    ArmErrorIds.UntrustedLink,
                    ErrorKind.SecurityError,
                    $"{call.Description} failed: ARM pointed to '{ArmUrls.Authority(url)}', which is not the ARM endpoint '{ArmUrls.Authority(Endpoint)}'. Nothing was sent there, so the access token stayed with ARM.",
                    call.Target,
                    requestUrl: shownUrl);
            }

            string? payload = body?.ToString(Formatting.None);
            int attempt = 0;
            int conflicts = 0;
            bool refreshed = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                attempt++;
                AccessTokenInfo token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
                Attempt result = await SendOnceAsync(method, url, shownUrl, payload, token, cancellationToken).ConfigureAwait(false);
                if (result.Reply is not null)
                {
                    return result.Reply;
                }

                if (result.Status == 401 && !refreshed)
                {
                    // The token expired or was revoked mid-run: one fresh token, then the same request again.
                    refreshed = true;
                    attempt--;
                    Verbose($"{call.Description}: 401 {result.Code ?? "Unauthorized"}; getting a new access token and retrying");
                    await RefreshTokenAsync(token, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (result.Status == 409 && call.RetryConflicts && string.Equals(result.Code, "RequestConflict", StringComparison.OrdinalIgnoreCase)
                    && conflicts < options.ConflictRetryLimit)
                {
                    // ARM runs one operation per account at a time: wait for the other one to finish.
                    conflicts++;
                    attempt--;
                    TimeSpan wait = WaitFor(result, conflicts);
                    Verbose($"{call.Description}: 409 RequestConflict (another operation is running on the account); retrying in {Seconds(wait)} (conflict {conflicts} of {options.ConflictRetryLimit})");
                    await DelayAsync(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (IsTransient(result, call) && attempt < options.MaxAttempts)
                {
                    TimeSpan wait = WaitFor(result, attempt);
                    Verbose($"{call.Description}: {result.Reason(options.RequestTimeout)}; retrying in {Seconds(wait)} (attempt {attempt + 1} of {options.MaxAttempts})");
                    await DelayAsync(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw ArmErrorMapper.Map(result, call, shownUrl, attempt, conflicts, options);
            }
        }

        public Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken)
        {
            if (options.Delay is not null)
            {
                return options.Delay(wait, cancellationToken);
            }

            return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : CompletedUnlessCanceled(cancellationToken);
        }

        public void Verbose(string message)
        {
            lock (SinkGate)
            {
                sink.WriteVerbose(message);
            }
        }

        public void Debug(string message)
        {
            lock (SinkGate)
            {
                sink.WriteDebug(message);
            }
        }

        internal static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

        private static Task CompletedUnlessCanceled(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }

        private static bool IsTransient(Attempt result, ArmCall call)
        {
            switch (result.Problem)
            {
                case AttemptProblem.TimedOut:
                case AttemptProblem.ConnectionFailed:
                case AttemptProblem.Malformed:
                    return true;
                case AttemptProblem.HttpError:
                    return result.Status is 429 or 502 or 503 or 504 || (result.Status == 500 && call.RetryInternalServerError);
                default:
                    return false;
            }
        }

        /// <summary>Retry-After when ARM names one (capped), else capped exponential backoff with full jitter.</summary>
        private TimeSpan WaitFor(Attempt result, int failures)
        {
            if (result.RetryAfter is TimeSpan retryAfter && retryAfter > TimeSpan.Zero)
            {
                return retryAfter > options.MaxRetryAfter ? options.MaxRetryAfter : retryAfter;
            }

            double ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30)));
            double share;
            lock (random)
            {
                share = random.NextDouble();
            }

            return TimeSpan.FromMilliseconds(ceiling * share);
        }

        private async Task<AccessTokenInfo> GetTokenAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await Tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not ModelLifecycleException)
            {
                throw TokenFailure(ex);
            }
        }

        private async Task RefreshTokenAsync(AccessTokenInfo rejected, CancellationToken cancellationToken)
        {
            try
            {
                await Tokens.RefreshAsync(rejected, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not ModelLifecycleException)
            {
                throw TokenFailure(ex);
            }
        }

        private static ModelLifecycleException TokenFailure(Exception ex) =>
            new ModelLifecycleException(
                ArmErrorIds.AuthenticationFailed,
                ErrorKind.AuthenticationError,
                "Getting an access token for Azure Resource Manager failed: " + ex.Message,
                null,
                ex)
            {
                RecommendedAction = "Sign in with Connect-AzAccount (and choose the subscription with Set-AzContext), then run the command again.",
            };

        private async Task<Attempt> SendOnceAsync(HttpMethod method, Uri url, string shownUrl, string? payload, AccessTokenInfo token, CancellationToken cancellationToken)
        {
            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            Stopwatch watch = Stopwatch.StartNew();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.RequestTimeout);
                using var request = new HttpRequestMessage(method, url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
                request.Headers.Accept.Add(Json);
                request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
                request.Headers.TryAddWithoutValidation("x-ms-client-request-id", Guid.NewGuid().ToString());

                // .NET Framework would otherwise wait for "100 Continue" before sending a PUT body.
                request.Headers.ExpectContinue = false;
                if (payload is not null)
                {
                    request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                }

                HttpResponseMessage response;
                string text;
                try
                {
                    // ResponseContentRead: the body is read under the same timeout and cancellation.
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                    try
                    {
                        text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    }
                    catch
                    {
                        response.Dispose();
                        throw;
                    }
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    Debug($"{method.Method} {shownUrl} -> no answer within {(long)watch.Elapsed.TotalMilliseconds} ms");
                    return Attempt.Failed(AttemptProblem.TimedOut, null);
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is WebException)
                {
                    Debug($"{method.Method} {shownUrl} -> connection failed after {(long)watch.Elapsed.TotalMilliseconds} ms ({Describe(ex)})");
                    return Attempt.Failed(AttemptProblem.ConnectionFailed, ex);
                }

                using (response)
                {
                    int status = (int)response.StatusCode;
                    Debug($"{method.Method} {shownUrl} -> {status} in {(long)watch.Elapsed.TotalMilliseconds} ms");
                    return Read(response, status, text, url);
                }
            }
            finally
            {
                throttle.Release();
            }
        }

        private Attempt Read(HttpResponseMessage response, int status, string text, Uri url)
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

        private static string Describe(Exception ex)
        {
            // The innermost message says what happened ("Connection reset by peer"); the outer one rarely does.
            Exception inner = ex;
            while (inner.InnerException is not null)
            {
                inner = inner.InnerException;
            }

            return ReferenceEquals(inner, ex) ? ex.Message : ex.Message + " " + inner.Message;
        }
    }

    internal enum AttemptProblem
    {
        None,
        TimedOut,
        ConnectionFailed,
        Malformed,
        HttpError,
    }

    /// <summary>What one attempt came back with: a reply, or why not.</summary>
    internal sealed class Attempt
    {
        public Attempt(AttemptProblem problem, int? status, string? code, string? message, string? target, TimeSpan? retryAfter, Exception? error)
        {
            Problem = problem;
            Status = status;
            Code = code;
            Message = message;
            Target = target;
            RetryAfter = retryAfter;
            Error = error;
        }

        public AttemptProblem Problem { get; }

        public int? Status { get; }

        /// <summary>ARM's error.code.</summary>
        public string? Code { get; }

        /// <summary>ARM's error.message.</summary>
        public string? Message { get; }

        public string? Target { get; }

        public TimeSpan? RetryAfter { get; }

        public Exception? Error { get; }

        public ArmReply? Reply { get; init; }

        public static Attempt Failed(AttemptProblem problem, Exception? error) => new Attempt(problem, null, null, null, null, null, error);

        /// <summary>"429 throttled", "request timed out after 60.0 s": the start of a retry message.</summary>
        public string Reason(TimeSpan requestTimeout)
        {
            switch (Problem)
            {
                case AttemptProblem.TimedOut:
                    return $"no answer within {ArmTransport.Seconds(requestTimeout)}";
                case AttemptProblem.ConnectionFailed:
                    return "the connection failed";
                case AttemptProblem.Malformed:
                    return $"{Status} with a body that is not valid JSON";
                default:
                    return Status switch
                    {
                        429 => "429 throttled",
                        500 => "500 internal server error",
                        502 => "502 bad gateway",
                        503 => "503 service unavailable",
                        504 => "504 gateway timeout",
                        _ => $"{Status} {Code}",
                    };
            }
        }
    }
}
