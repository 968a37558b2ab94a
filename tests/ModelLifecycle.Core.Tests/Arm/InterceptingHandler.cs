using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ModelLifecycle.Core.Tests.Arm
{
    /// <summary>
    /// Sits between the ArmClient and the network: records every request (method, URL, whether it carried a
    /// token, body) and lets a test rewrite responses (to plant a foreign nextLink, drop a header ...).
    /// </summary>
    internal sealed class InterceptingHandler : DelegatingHandler
    {
        private readonly ConcurrentQueue<SentRequest> sent = new ConcurrentQueue<SentRequest>();

        public InterceptingHandler()
            : base(new HttpClientHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64, UseCookies = false })
        {
        }

        /// <summary>Called with each response; returns the response the client sees.</summary>
        public Func<HttpRequestMessage, HttpResponseMessage, Task<HttpResponseMessage>>? OnResponse { get; set; }

        public IReadOnlyList<SentRequest> Sent => sent.ToList();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            sent.Enqueue(new SentRequest(request.Method.Method, request.RequestUri!, request.Headers.Authorization?.Parameter, body));
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            return OnResponse is null ? response : await OnResponse(request, response);
        }
    }

    internal sealed record SentRequest(string Method, Uri Url, string? Token, string? Body);
}
