using System;

namespace ModelLifecycle.Core.Azure
{
    /// <summary>
    /// A bearer token and when it expires. The token text never appears in ToString, messages or
    /// logs: the only place it goes is the Authorization header.
    /// </summary>
    public sealed class AccessTokenInfo
    {
        public AccessTokenInfo(string token, DateTimeOffset expiresOn)
        {
            if (string.IsNullOrEmpty(token))
            {
                throw new ArgumentException("An access token cannot be empty.", nameof(token));
            }

            Token = token;
            ExpiresOn = expiresOn;
        }

        public string Token { get; }

        public DateTimeOffset ExpiresOn { get; }

        public override string ToString() => $"Bearer token (expires {ExpiresOn:u})";
    }
}
