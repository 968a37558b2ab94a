using System;
using System.Collections.Generic;
using System.Text;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>Building request URLs, deciding which URLs may receive the token, and showing URLs safely.</summary>
    internal static class ArmUrls
    {
        /// <summary>Query parameters whose values are shown in messages; others (skip tokens and the like) are masked.</summary>
        private static readonly HashSet<string> ShownParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "api-version", "$filter", "$top", "modelFormat", "modelName", "modelVersion",
        };

        /// <summary>
        /// endpoint + the path made of <paramref name="segments"/> (each escaped) + ?api-version=... and
        /// the other parameters (values escaped; null values left out).
        /// </summary>
        public static Uri Build(Uri endpoint, string apiVersion, IEnumerable<string> segments, params KeyValuePair<string, string?>[] query)
        {
            var url = new StringBuilder(endpoint.AbsoluteUri.TrimEnd('/'));
            foreach (string segment in segments)
            {
                url.Append('/').Append(Uri.EscapeDataString(segment));
            }

            url.Append("?api-version=").Append(Uri.EscapeDataString(apiVersion));
            foreach (KeyValuePair<string, string?> parameter in query)
            {
                if (parameter.Value is not null)
                {
                    url.Append('&').Append(parameter.Key).Append('=').Append(Uri.EscapeDataString(parameter.Value));
                }
            }

            return new Uri(url.ToString());
        }

        /// <summary>The segments of an ARM resource path ("/subscriptions/x/..."), unescaped.</summary>
        public static IEnumerable<string> Segments(string resourcePath)
        {
            foreach (string part in resourcePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return part;
            }
        }

        /// <summary>
        /// True when <paramref name="url"/> goes to the ARM endpoint itself: same scheme, host and port.
        /// Only such URLs get the bearer token.
        /// </summary>
        public static bool IsTrusted(Uri endpoint, Uri url) =>
            url.IsAbsoluteUri
            && string.Equals(url.Scheme, endpoint.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(url.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase)
            && url.Port == endpoint.Port;

        /// <summary>scheme://host[:port] of a URL, for messages.</summary>
        public static string Authority(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Authority) : "(relative URL)";

        /// <summary>The URL for messages: the path as it is, and query values shown only for harmless parameters.</summary>
        public static string Redact(Uri url)
        {
            if (!url.IsAbsoluteUri)
            {
                return "(relative URL)";
            }

            var text = new StringBuilder(url.GetLeftPart(UriPartial.Path));
            string query = url.Query;
            if (query.Length > 1)
            {
                char separator = '?';
                foreach (string pair in query.Substring(1).Split('&'))
                {
                    if (pair.Length == 0)
                    {
                        continue;
                    }

                    int equals = pair.IndexOf('=');
                    string name = equals < 0 ? pair : pair.Substring(0, equals);
                    string decodedName = Uri.UnescapeDataString(name);
                    text.Append(separator).Append(name);
                    if (equals >= 0)
                    {
                        text.Append('=').Append(ShownParameters.Contains(decodedName) ? pair.Substring(equals + 1) : "***");
                    }

                    separator = '&';
                }
            }

            return text.ToString();
        }
    }
}
