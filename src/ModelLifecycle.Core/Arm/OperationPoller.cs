using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// Follows a long-running ARM operation to its end: the Azure-AsyncOperation status URL when the
    /// write named one (ARM's choice for deployment PUTs), else the Location result URL, else the
    /// resource's own provisioningState. Waits Retry-After between polls (never less than
    /// MinimumPollInterval); without one it starts at MinimumPollInterval and doubles every four polls
    /// up to MaxDelay.
    /// </summary>
    internal sealed class OperationPoller
    {
        private readonly ArmTransport transport;
        private readonly ArmClientOptions options;
        private readonly ArmCall write;
        private readonly Uri resourceUrl;
        private readonly ArmCall poll;

        public OperationPoller(ArmTransport transport, ArmClientOptions options, ArmCall write, Uri resourceUrl)
        {
            this.transport = transport;
            this.options = options;
            this.write = write;
            this.resourceUrl = resourceUrl;
            poll = new ArmCall("Waiting for: " + write.Description, ArmSubject.Other, write.Target);
        }

        public async Task WaitAsync(ArmReply accepted, CancellationToken cancellationToken)
        {
            Stopwatch watch = Stopwatch.StartNew();
            Uri? statusUrl = accepted.AsyncOperation;
            Uri? resultUrl = statusUrl is null ? accepted.Location : null;
            if (statusUrl is null && resultUrl is null)
            {
                // No operation to follow: the answer itself says whether the write is done.
                string? state = ProvisioningState(accepted.Json);
                if (state is null || IsSucceeded(state))
                {
                    return;
                }

                ThrowIfFailed(state, null);
            }

            TimeSpan? retryAfter = accepted.RetryAfter;
            for (int polls = 0; ; polls++)
            {
                TimeSpan remaining = options.LroTimeout - watch.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    throw new ArmException(
                        ArmErrorIds.OperationTimeout,
                        ErrorKind.OperationTimeout,
                        $"{write.Description} did not finish within {Describe(options.LroTimeout)}. ARM may still complete it; look at the deployment's provisioningState before trying again.",
                        write.Target,
                        requestUrl: ArmUrls.Redact(statusUrl ?? resultUrl ?? resourceUrl))
                    {
                        RecommendedAction = "Check the deployment with Get-AzCognitiveServicesAccountDeployment; run the command again once it is no longer updating.",
                    };
                }

                TimeSpan wait = NextWait(retryAfter, polls);
                await transport.DelayAsync(wait < remaining ? wait : remaining, cancellationToken).ConfigureAwait(false);

                if (statusUrl is not null)
                {
                    ArmReply status = await transport.SendAsync(HttpMethod.Get, statusUrl, null, poll, cancellationToken).ConfigureAwait(false);
                    string? value = (string?)status.Json?["status"];
                    if (IsSucceeded(value))
                    {
                        return;
                    }

                    ThrowIfFailed(value, status.Json?["error"] as JObject);
                    retryAfter = status.RetryAfter;
                }
                else if (resultUrl is not null)
                {
                    ArmReply result;
                    try
                    {
                        result = await transport.SendAsync(HttpMethod.Get, resultUrl, null, ResultCall(), cancellationToken).ConfigureAwait(false);
                    }
                    catch (ArmException e) when (e.HttpStatus is int code && IsOperationVerdict(code))
                    {
                        // The Location URL answers a failed operation with the failure's status and error.
                        throw Failed("Failed", e.ArmCode, e.ArmMessage, e.RequestUrl);
                    }

                    if (result.Status == 202)
                    {
                        retryAfter = result.RetryAfter;
                        continue;
                    }

                    string? state = ProvisioningState(result.Json);
                    if (state is not null)
                    {
                        ThrowIfFailed(state, null);
                    }

                    return;
                }
                else
                {
                    ArmReply current = await transport.SendAsync(HttpMethod.Get, resourceUrl, null, poll, cancellationToken).ConfigureAwait(false);
                    string? state = ProvisioningState(current.Json);
                    if (state is null || IsSucceeded(state))
                    {
                        return;
                    }

                    ThrowIfFailed(state, null);
                    retryAfter = current.RetryAfter;
                }
            }
        }

        private ArmCall ResultCall() => new ArmCall(poll.Description, ArmSubject.Other, poll.Target) { RetryInternalServerError = false };

        private TimeSpan NextWait(TimeSpan? retryAfter, int polls)
        {
            TimeSpan floor = options.MinimumPollInterval;
            if (retryAfter is TimeSpan asked && asked > TimeSpan.Zero)
            {
                TimeSpan capped = asked > options.MaxRetryAfter ? options.MaxRetryAfter : asked;
                return capped > floor ? capped : floor;
            }

            double grown = floor.TotalMilliseconds * Math.Pow(2, Math.Min(polls / 4, 20));
            double ceiling = Math.Max(floor.TotalMilliseconds, options.MaxDelay.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(Math.Min(grown, ceiling));
        }

        private void ThrowIfFailed(string? status, JObject? error)
        {
            if (string.Equals(status, "Failed", StringComparison.OrdinalIgnoreCase) || string.Equals(status, "Canceled", StringComparison.OrdinalIgnoreCase))
            {
                throw Failed(status!, (string?)error?["code"], (string?)error?["message"], null);
            }
        }

        private ArmException Failed(string status, string? code, string? message, string? url)
        {
            string detail = code is null ? string.Empty : ": " + code + (string.IsNullOrEmpty(message) ? string.Empty : ": " + message);
            string text = $"{write.Description} failed: the operation ended {status}{detail}";
            return new ArmException(
                ArmErrorIds.OperationFailed,
                ErrorKind.InvalidOperation,
                text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".",
                write.Target,
                armCode: code ?? status,
                requestUrl: url,
                armMessage: message);
        }

        private static bool IsSucceeded(string? status) => string.Equals(status, "Succeeded", StringComparison.OrdinalIgnoreCase);

        /// <summary>Statuses with which a Location URL reports how the operation ended (not a transport problem).</summary>
        private static bool IsOperationVerdict(int status) =>
            status >= 400 && status <= 500 && status is not (401 or 403 or 404 or 408 or 429);

        private static string? ProvisioningState(JObject? body) =>
            body?["properties"]?["provisioningState"]?.Type == JTokenType.String ? (string?)body["properties"]!["provisioningState"] : null;

        private static string Describe(TimeSpan span) =>
            span.TotalMinutes >= 1 ? span.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " min" : ArmTransport.Seconds(span);
    }
}
