using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// The path of one ARM request: count → latency → token → faults → api-version → handler.
    /// Faults come after the token check so a test's bad token still gets its 401, and before the
    /// handler so an injected 429 changes nothing in the state.
    /// </summary>
    internal sealed class ArmPipeline
    {
        private readonly ArmEmulatorServer server;
        private readonly RouteTable routes;

        public ArmPipeline(ArmEmulatorServer server, RouteTable routes)
        {
            this.server = server;
            this.routes = routes;
        }

        public async Task InvokeAsync(HttpContext http)
        {
            string method = http.Request.Method.ToUpperInvariant();
            string path = http.Request.Path.Value ?? "/";
            server.Counters.Begin(method, path);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, server.Stopping);
            try
            {
                await HandleAsync(http, method, path, cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // The client gave up (or the server is stopping) during latency or a hang.
                http.Abort();
            }
            catch (Exception ex) when (!http.Response.HasStarted)
            {
                // An emulator bug: say so in an ARM-shaped 500 rather than dropping the connection.
                await ResponseWriter.WriteAsync(http, ArmErrors.Error(500, "EmulatorError", ex.GetType().Name + ": " + ex.Message)).ConfigureAwait(false);
            }
            finally
            {
                server.Counters.End();
            }
        }

        private async Task HandleAsync(HttpContext http, string method, string path, CancellationToken cancel)
        {
            TimeSpan latency = server.Settings.Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, cancel).ConfigureAwait(false);
            }

            ArmResponse? denied = TokenCheck.Verify(http.Request, server.Settings.AcceptedTokens);
            if (denied != null)
            {
                await ResponseWriter.WriteAsync(http, denied).ConfigureAwait(false);
                return;
            }

            bool malformed = false;
            FaultRule? failOperation = null;
            List<FaultRule> faults = server.Faults.Evaluate(method, path + http.Request.QueryString.Value);
            foreach (FaultRule fault in faults)
            {
                switch (fault.Kind)
                {
                    case FaultKind.Latency:
                        await Task.Delay(fault.LatencyMs ?? 0, cancel).ConfigureAwait(false);
                        break;
                    case FaultKind.DeleteAccount:
                        server.State.RemoveAccount(fault.Account!);
                        break;
                    case FaultKind.MalformedJson:
                        malformed = true;
                        break;
                    case FaultKind.LroFailed:
                        failOperation ??= fault;
                        break;
                    case FaultKind.Hang:
                        await Task.Delay(Timeout.InfiniteTimeSpan, cancel).ConfigureAwait(false);
                        return;
                    case FaultKind.ConnectionReset:
                        http.Abort();
                        return;
                    default:
                        await ResponseWriter.WriteAsync(http, FaultResponses.For(fault, http.Request.Path.Value ?? "")).ConfigureAwait(false);
                        return;
                }
            }

            string? body = null;
            if (method is "PUT" or "PATCH" or "POST")
            {
                using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
                body = await reader.ReadToEndAsync(cancel).ConfigureAwait(false);
            }

            var request = new ArmRequest(http, server.BaseUri, body) { FailOperation = failOperation };
            ArmResponse response = ApiVersionGate.Check(request) ?? routes.Dispatch(request);
            await ResponseWriter.WriteAsync(http, response, malformed).ConfigureAwait(false);
        }
    }
}
