using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Azure;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// One HTTP exchange with ARM: waits for a slot under the throttle (requests in flight), sends the
    /// request with the token under the per-request timeout, reads the whole body, and says what came
    /// back as an <see cref="Attempt"/>. It never retries; <see cref="ArmTransport"/> decides that.
    /// </summary>
    internal sealed class ArmRequestSender : IDisposable
    {
        private static readonly MediaTypeWithQualityHeaderValue Json = new MediaTypeWithQualityHeaderValue("application/json");

        private readonly HttpClient http;
        private readonly SemaphoreSlim throttle;
        private readonly ArmClientOptions options;
        private readonly ArmResponseReader reader;
        private readonly Action<string> debug;

        /// <param name="handler">Used as is and not disposed; without one a handler is made that follows no redirect.</param>
        /// <param name="debug">Gets one line per exchange: method, URL without its query, status, milliseconds.</param>
        public ArmRequestSender(ArmClientOptions options, HttpMessageHandler? handler, Action<string> debug)
        {
            this.options = options;
            this.debug = debug;
            reader = new ArmResponseReader(options.Clock ?? SystemClock.Instance);
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

        public void Dispose()
        {
            http.Dispose();
            throttle.Dispose();
        }

        public async Task<Attempt> SendOnceAsync(HttpMethod method, Uri url, string shownUrl, string? payload, AccessTokenInfo token, CancellationToken cancellationToken)
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
                    debug($"{method.Method} {shownUrl} -> no answer within {(long)watch.Elapsed.TotalMilliseconds} ms");
                    return Attempt.Failed(AttemptProblem.TimedOut, null);
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is WebException)
                {
                    debug($"{method.Method} {shownUrl} -> connection failed after {(long)watch.Elapsed.TotalMilliseconds} ms ({Describe(ex)})");
                    return Attempt.Failed(AttemptProblem.ConnectionFailed, ex);
                }

                using (response)
                {
                    int status = (int)response.StatusCode;
                    debug($"{method.Method} {shownUrl} -> {status} in {(long)watch.Elapsed.TotalMilliseconds} ms");
                    return reader.Read(response, status, text, url);
                }
            }
            finally
            {
                throttle.Release();
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
}
