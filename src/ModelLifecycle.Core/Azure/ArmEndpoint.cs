using System;
using System.Net;

namespace ModelLifecycle.Core.Azure
{
    /// <summary>
    /// Where bearer tokens may be sent: https only, except loopback hosts (127.0.0.0/8, localhost, [::1]),
    /// which is how tests reach the local ARM emulator.
    /// </summary>
    public static class ArmEndpoint
    {
        public static Uri Validate(Uri url)
        {
            if (url is null || !url.IsAbsoluteUri)
            {
                throw new ModelLifecycleException("InvalidResourceManagerUrl", ErrorKind.InvalidArgument, "The Azure context has no absolute ResourceManagerUrl.", url?.ToString());
            }

            if (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)))
            {
                // Paths are appended to the endpoint, so it must end with a slash.
                return url.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? url : new Uri(url.AbsoluteUri + "/");
            }

            throw new ModelLifecycleException(
                "InsecureResourceManagerUrl",
                ErrorKind.SecurityError,
                $"The ARM endpoint '{url.GetLeftPart(UriPartial.Authority)}' is not https; tokens are only sent over https (or to a loopback address).",
                url.GetLeftPart(UriPartial.Authority));
        }

        public static bool IsLoopback(Uri url)
        {
            if (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
        }
    }
}
