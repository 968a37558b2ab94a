using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Azure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// The only place ARM requests leave the process. Every call goes through <see cref="SendAsync"/>,
    /// which decides, once for all callers, what to do after each attempt: return the reply, get a new
    /// token after a 401 (<see cref="ArmTokenAccess"/>), wait out a 409 RequestConflict on a write, retry
    /// what is transient (<see cref="ArmRetryPolicy"/>), or turn what finally failed into one
    /// <see cref="ArmException"/>. One attempt is one <see cref="ArmRequestSender"/> exchange.
    /// </summary>
    internal sealed class ArmTransport : IDisposable
    {
        private readonly ArmClientOptions options;
        private readonly SerializedSink sink;
        private readonly ArmTokenAccess tokens;
        private readonly ArmRetryPolicy retries;
        private readonly ArmRequestSender sender;

        public ArmTransport(Uri endpoint, TokenCache tokens, ArmClientOptions options, SerializedSink sink, HttpMessageHandler? handler)
        {
            Endpoint = endpoint;
            this.tokens = new ArmTokenAccess(tokens);
            this.options = options;
            this.sink = sink;
            retries = new ArmRetryPolicy(options);
            sender = new ArmRequestSender(options, handler, Debug);
        }

        public Uri Endpoint { get; }

        public void Dispose() => sender.Dispose();

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
                AccessTokenInfo token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
                Attempt result = await sender.SendOnceAsync(method, url, shownUrl, payload, token, cancellationToken).ConfigureAwait(false);
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
                    await tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (retries.IsRetryableConflict(result, call, conflicts))
                {
                    // ARM runs one operation per account at a time: wait for the other one to finish.
                    conflicts++;
                    attempt--;
                    TimeSpan wait = retries.WaitFor(result, conflicts);
                    Verbose($"{call.Description}: 409 RequestConflict (another operation is running on the account); retrying in {Seconds(wait)} (conflict {conflicts} of {options.ConflictRetryLimit})");
                    await DelayAsync(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (ArmRetryPolicy.IsTransient(result, call) && attempt < options.MaxAttempts)
                {
                    TimeSpan wait = retries.WaitFor(result, attempt);
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

        public void Verbose(string message) => sink.WriteVerbose(message);

        public void Debug(string message) => sink.WriteDebug(message);

        internal static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

        private static Task CompletedUnlessCanceled(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
    }
}
