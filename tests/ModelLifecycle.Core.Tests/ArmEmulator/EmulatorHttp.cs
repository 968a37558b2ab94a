using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using ModelLifecycle.ArmEmulator;
using Newtonsoft.Json.Linq;
using Xunit;

namespace ModelLifecycle.Core.Tests.ArmEmulator
{
    /// <summary>A plain HttpClient pointed at an emulator, with a bearer token, for the emulator's own tests.</summary>
    internal sealed class EmulatorHttp : IDisposable
    {
        public const string Token = "test-token";

        public EmulatorHttp(Uri baseUri, string? token = Token, TimeSpan? timeout = null)
        {
            Client = new HttpClient { BaseAddress = baseUri, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
            if (token != null)
            {
                Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }

        public HttpClient Client { get; }

        public static EmulatorHttp For(ArmEmulatorServer server, string? token = Token) => new EmulatorHttp(server.BaseUri, token);

        public Task<Reply> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

        public async Task<Reply> SendAsync(HttpMethod method, string pathAndQuery, JToken? body = null)
        {
            using var request = new HttpRequestMessage(method, pathAndQuery);
            if (body != null)
            {
                request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
            }

            using HttpResponseMessage response = await Client.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            return new Reply(response, text);
        }

        /// <summary>Follows an Azure-AsyncOperation URL until the status is terminal (at most 20 polls).</summary>
        public async Task<JObject> WaitForStatusAsync(Reply accepted)
        {
            Uri status = accepted.Header("Azure-AsyncOperation") is string url ? new Uri(url) : throw new Xunit.Sdk.XunitException("No Azure-AsyncOperation header.");
            for (int i = 0; i < 20; i++)
            {
                Reply poll = await GetAsync(status.PathAndQuery);
                Assert.Equal(HttpStatusCode.OK, poll.Status);
                if ((string?)poll.Json["status"] != "InProgress")
                {
                    return poll.Json;
                }
            }

            throw new Xunit.Sdk.XunitException("The operation did not finish in 20 polls.");
        }

        public void Dispose() => Client.Dispose();

        /// <summary>Status, headers and body of one response (read fully, so the response can be disposed).</summary>
        internal sealed class Reply
        {
            public Reply(HttpResponseMessage response, string text)
            {
                Status = response.StatusCode;
                Headers = response.Headers;
                ContentHeaders = response.Content.Headers;
                Text = text;
            }

            public HttpStatusCode Status { get; }

            public HttpResponseHeaders Headers { get; }

            public HttpContentHeaders ContentHeaders { get; }

            public string Text { get; }

            public JObject Json => JsonText.ParseObject(Text);

            public string? Header(string name) =>
                Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

            public string ErrorCode => (string?)Json["error"]?["code"] ?? "";
        }
    }
}
