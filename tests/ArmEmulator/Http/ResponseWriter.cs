using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>Writes an <see cref="ArmResponse"/> the way ARM does (compact JSON, x-ms-request-id).</summary>
    internal static class ResponseWriter
    {
        public static async Task WriteAsync(HttpContext http, ArmResponse response, bool malformed = false)
        {
            string? json = response.Body == null ? null : JsonText.Serialize(response.Body);
            int status = response.Status;
            if (malformed)
            {
                // Half of the real body is never valid JSON; a response without a body gets a torn
                // list instead (and 200, since 204 must not carry one).
                json = json == null ? "{\"value\":[" : json.Substring(0, Math.Max(1, json.Length / 2));
                if (status == 204)
                {
                    status = 200;
                }
            }

            http.Response.StatusCode = status;
            http.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
            foreach (KeyValuePair<string, string> header in response.Headers)
            {
                http.Response.Headers.Append(header.Key, header.Value);
            }

            if (json != null)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(json);
                http.Response.ContentType = "application/json; charset=utf-8";
                http.Response.ContentLength = bytes.Length;
                await http.Response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}
