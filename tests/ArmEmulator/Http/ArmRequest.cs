using System;
using Microsoft.AspNetCore.Http;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>One ARM request as the handlers see it: method, decoded path segments, query and body.</summary>
    internal sealed class ArmRequest
    {
        public ArmRequest(HttpContext context, Uri baseUri, string? body)
        {
            Context = context;
            BaseUri = baseUri;
            Body = body;
            Method = context.Request.Method.ToUpperInvariant();
            Path = context.Request.Path.Value ?? "/";
            Segments = Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < Segments.Length; i++)
            {
                Segments[i] = Uri.UnescapeDataString(Segments[i]);
            }
        }

        public HttpContext Context { get; }

        public Uri BaseUri { get; }

        public string Method { get; }

        /// <summary>The path as received (still escaped), used to build nextLink.</summary>
        public string Path { get; }

        public string[] Segments { get; }

        public string? Body { get; }

        public string ApiVersion => Query("api-version") ?? "";

        /// <summary>Set by an LroFailed fault: the operation this request starts will end Failed.</summary>
        public FaultRule? FailOperation { get; set; }

        /// <summary>Query parameter by name; ARM treats names case-insensitively, and so does this.</summary>
        public string? Query(string name)
        {
            return Context.Request.Query.TryGetValue(name, out Microsoft.Extensions.Primitives.StringValues values) && values.Count > 0
                ? values[0]
                : null;
        }

        /// <summary>An absolute URL on this server for <paramref name="path"/> with the request's api-version.</summary>
        public string Url(string path) => new Uri(BaseUri, path.TrimStart('/')).AbsoluteUri + "?api-version=" + Uri.EscapeDataString(ApiVersion);
    }
}
