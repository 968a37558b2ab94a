using System.Threading;
using System.Threading.Tasks;

namespace ModelLifecycle.Core.Azure
{
    /// <summary>
    /// The caller's Azure sign-in, as the Core sees it. The PowerShell implementation asks Az.Accounts
    /// (Get-AzContext, Get-AzAccessToken) in the caller's runspace; tests use a fake.
    /// </summary>
    public interface IAzureSession
    {
        AzureContextInfo Context { get; }

        /// <summary>
        /// A fresh token for <see cref="AzureContextInfo.ResourceManagerUrl"/>. Implementations need not
        /// cache; <see cref="TokenCache"/> does that for every caller.
        /// </summary>
        Task<AccessTokenInfo> GetTokenAsync(CancellationToken cancellationToken);
    }
}
