using System;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Azure;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// The bearer token as the transport sees it: the cached one, or a fresh one after ARM rejected it.
    /// Whatever goes wrong getting it becomes one AuthenticationFailed error that says how to sign in.
    /// </summary>
    internal sealed class ArmTokenAccess
    {
        private readonly TokenCache tokens;

        public ArmTokenAccess(TokenCache tokens) => this.tokens = tokens;

        public async Task<AccessTokenInfo> GetAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not ModelLifecycleException)
            {
                throw Failure(ex);
            }
        }

        /// <summary>After a 401: replaces <paramref name="rejected"/> (once for all callers that saw it rejected).</summary>
        public async Task RefreshAsync(AccessTokenInfo rejected, CancellationToken cancellationToken)
        {
            try
            {
                await tokens.RefreshAsync(rejected, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not ModelLifecycleException)
            {
                throw Failure(ex);
            }
        }

        private static ModelLifecycleException Failure(Exception ex) =>
            new ModelLifecycleException(
                ArmErrorIds.AuthenticationFailed,
                ErrorKind.AuthenticationError,
                "Getting an access token for Azure Resource Manager failed: " + ex.Message,
                null,
                ex)
            {
                RecommendedAction = "Sign in with Connect-AzAccount (and choose the subscription with Set-AzContext), then run the command again.",
            };
    }
}
