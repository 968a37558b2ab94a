using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Security;
using ModelLifecycle.Core.Inventory;

namespace ModelLifecycle.Core.Azure
{
    /// <summary>
    /// Reads what Az.Accounts returns (property names as in Az PowerShell, github.com/Azure/azure-powershell): Get-AzContext's PSAzureContext and
    /// Get-AzAccessToken's token object, whose Token is a SecureString from Az.Accounts 5 and a plain
    /// string before. The PowerShell side only runs the commands and hands the objects over.
    /// </summary>
    public static class AzShapes
    {
        private static readonly Dictionary<string, string> KnownArmEndpoints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureCloud"] = "https://management.azure.com/",
            ["AzureUSGovernment"] = "https://management.usgovcloudapi.net/",
            ["AzureChinaCloud"] = "https://management.chinacloudapi.cn/",
        };

        public static AzureContextInfo ReadContext(IPropertyBag context)
        {
            var subscription = context.GetBag("Subscription");
            var tenant = context.GetBag("Tenant");
            var environment = context.GetBag("Environment");
            var account = context.GetBag("Account");
            var environmentName = environment?.GetString("Name") ?? "AzureCloud";
            var url = environment?.GetString("ResourceManagerUrl");
            if (string.IsNullOrEmpty(url) && !KnownArmEndpoints.TryGetValue(environmentName, out url))
            {
                throw new ModelLifecycleException(
                    "AzureEnvironmentUnknown",
                    ErrorKind.InvalidData,
                    $"The Az context's environment '{environmentName}' has no ResourceManagerUrl, so the ARM endpoint is unknown.",
                    environmentName)
                {
                    RecommendedAction = "Check (Get-AzContext).Environment, or connect with Connect-AzAccount -Environment <name>.",
                };
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                throw new ModelLifecycleException("InvalidResourceManagerUrl", ErrorKind.InvalidData, $"The Az context's ResourceManagerUrl '{url}' is not an absolute URL.", url);
            }

            return new AzureContextInfo(
                subscription?.GetString("Id"),
                tenant?.GetString("Id") ?? subscription?.GetString("TenantId"),
                environmentName,
                uri,
                account?.GetString("Id"),
                subscription?.GetString("Name"));
        }

        /// <summary>Get-AzAccessToken's output: Token (SecureString or string) and ExpiresOn.</summary>
        public static AccessTokenInfo ReadToken(IPropertyBag token)
        {
            token.TryGetValue("Token", out var raw);
            var text = raw switch
            {
                SecureString secure => new NetworkCredential(string.Empty, secure).Password,
                string s => s,
                _ => null,
            };
            if (string.IsNullOrEmpty(text))
            {
                // Never say what the value was: it may be a credential.
                throw new ModelLifecycleException("AzAccessTokenUnreadable", ErrorKind.InvalidResult, "Get-AzAccessToken returned no usable Token.", null)
                {
                    RecommendedAction = "Update Az.Accounts, then sign in again with Connect-AzAccount.",
                };
            }

            token.TryGetValue("ExpiresOn", out var expires);
            var expiresOn = expires switch
            {
                DateTimeOffset o => o,
                DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d),
                string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
                // Unknown expiry: assume a short life so the cache asks again soon rather than never.
                _ => DateTimeOffset.UtcNow.AddMinutes(10),
            };
            return new AccessTokenInfo(text!, expiresOn);
        }
    }
}
