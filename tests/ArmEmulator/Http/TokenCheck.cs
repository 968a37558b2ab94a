using System;
using Microsoft.AspNetCore.Http;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Bearer-token check. The token is compared and forgotten: it is never logged, stored, or put in
    /// an error message, because tests sometimes pass real-looking tokens through here.
    /// </summary>
    internal static class TokenCheck
    {
        private const string Authority = "https://login.windows.net/";

        public static ArmResponse? Verify(HttpRequest request, Func<string, bool>? acceptedTokens)
        {
            string header = request.Headers.Authorization.ToString();
            const string scheme = "Bearer ";
            if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length <= scheme.Length || string.IsNullOrWhiteSpace(header.Substring(scheme.Length)))
            {
                return Unauthorized("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.", "The authentication failed because of missing 'Authorization' header.");
            }

            string token = header.Substring(scheme.Length).Trim();
            if (acceptedTokens != null && !acceptedTokens(token))
            {
                return Unauthorized("InvalidAuthenticationToken", "The access token is invalid.", "The access token is invalid.");
            }

            return null;
        }

        /// <summary>What the Unauthorized fault answers: an expired token, as a long scan would meet.</summary>
        public static ArmResponse Expired() =>
            Unauthorized("ExpiredAuthenticationToken", "The access token expiry UTC time is earlier than current UTC time.", "The access token has expired.");

        private static ArmResponse Unauthorized(string code, string message, string description) =>
            ArmErrors.Error(401, code, message)
                .WithHeader("WWW-Authenticate", $"Bearer authorization_uri=\"{Authority}\", error=\"invalid_token\", error_description=\"{description}\"");
    }
}
