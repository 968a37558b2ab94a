using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Splits a list response into pages. nextLink is absolute and carries api-version, the other
    /// query parameters and an opaque $skipToken, as ARM's does; clients must follow it verbatim.
    /// </summary>
    internal static class Paging
    {
        private const string SkipTokenName = "$skipToken";

        public static ArmResponse Page(ArmRequest request, IReadOnlyList<JToken> items, int pageSize, JObject? extra = null)
        {
            int offset = 0;
            string? token = request.Query(SkipTokenName);
            if (token != null && !TryDecode(token, out offset))
            {
                return ArmErrors.BadRequest("InvalidSkipToken", "The skip token is not valid.");
            }

            int count = pageSize > 0 ? Math.Min(pageSize, Math.Max(0, items.Count - offset)) : Math.Max(0, items.Count - offset);
            var value = new JArray();
            for (int i = offset; i < offset + count; i++)
            {
                value.Add(items[i]);
            }

            var page = new JObject { ["value"] = value };
            if (offset + count < items.Count)
            {
                page["nextLink"] = NextLink(request, offset + count);
            }

            if (extra != null)
            {
                foreach (KeyValuePair<string, JToken?> member in extra)
                {
                    page[member.Key] = member.Value;
                }
            }

            return ArmResponse.Ok(page);
        }

        private static string NextLink(ArmRequest request, int offset)
        {
            var url = new StringBuilder(new Uri(request.BaseUri, request.Path.TrimStart('/')).AbsoluteUri);
            char separator = '?';
            foreach (KeyValuePair<string, StringValues> parameter in request.Context.Request.Query)
            {
                if (string.Equals(parameter.Key, SkipTokenName, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (string? value in parameter.Value)
                {
                    url.Append(separator).Append(EscapeKey(parameter.Key)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
                    separator = '&';
                }
            }

            url.Append(separator).Append(SkipTokenName).Append('=').Append(Encode(offset));
            return url.ToString();
        }

        // "$filter" and "$skipToken" read better with a literal '$', and ARM accepts both spellings.
        private static string EscapeKey(string key) => Uri.EscapeDataString(key).Replace("%24", "$", StringComparison.Ordinal);

        // Opaque on purpose: a client must not compute skip tokens itself.
        private static string Encode(int offset) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static bool TryDecode(string token, out int offset)
        {
            offset = 0;
            try
            {
                string padded = token.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - (padded.Length % 4)) % 4);
                string text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
                return text.StartsWith("offset:", StringComparison.Ordinal)
                    && int.TryParse(text.Substring(7), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
