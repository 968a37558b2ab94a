using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Binding;
using ModelLifecycle.Commands;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Azure;

namespace ModelLifecycle.Azure
{
    /// <summary>
    /// The caller's Az session: Get-AzContext and Get-AzAccessToken, run in the caller's runspace on
    /// the pipeline thread, so Set-AzContext, -DefaultProfile and Connect-AzAccount -Identity in Azure
    /// Automation all just work. Az.Accounts is imported on first need, not referenced at build time.
    /// The token is handed to the Core and never written anywhere.
    /// </summary>
    internal sealed class PowerShellAzureSession : IAzureSession
    {
        private const string ImportScript = @"
if (-not (Get-Module -Name Az.Accounts)) { Import-Module -Name Az.Accounts -ErrorAction Stop -Verbose:$false 4>$null }
[bool](Get-Command -Name Get-AzAccessToken -ErrorAction Stop).Parameters.ContainsKey('AsSecureString')";

        private const string ContextScript = @"
param($AzProfile)
if ($null -ne $AzProfile) { Get-AzContext -DefaultProfile $AzProfile -ErrorAction Stop } else { Get-AzContext -ErrorAction Stop }";

        private const string TokenScript = @"
param($ResourceUrl, $AzProfile, $Secure)
$arguments = @{ ResourceUrl = $ResourceUrl; ErrorAction = 'Stop'; WarningAction = 'SilentlyContinue' }
if ($Secure) { $arguments.AsSecureString = $true }
if ($null -ne $AzProfile) { $arguments.DefaultProfile = $AzProfile }
Get-AzAccessToken @arguments";

        private readonly AsyncModelLifecycleCmdlet _cmdlet;
        private readonly object? _profile;
        private readonly bool _secure;

        private PowerShellAzureSession(AsyncModelLifecycleCmdlet cmdlet, object? profile, bool secure, AzureContextInfo context)
        {
            _cmdlet = cmdlet;
            _profile = profile;
            _secure = secure;
            Context = context;
        }

        public AzureContextInfo Context { get; }

        /// <summary>Reads the context; call on the pipeline thread. Missing Az.Accounts or no sign-in ends the command with one clear error.</summary>
        public static PowerShellAzureSession Connect(AsyncModelLifecycleCmdlet cmdlet, object? defaultProfile)
        {
            bool secure;
            try
            {
                secure = Invoke(cmdlet, ImportScript).Select(o => o.BaseObject).OfType<bool>().LastOrDefault();
            }
            catch (RuntimeException ex)
            {
                throw new ModelLifecycleException(
                    "AzAccountsNotInstalled",
                    ErrorKind.NotInstalled,
                    "This command talks to Azure through your Az PowerShell session, and the Az.Accounts module could not be loaded: " + ex.Message,
                    "Az.Accounts",
                    ex)
                {
                    RecommendedAction = "Install-Module Az.Accounts -Scope CurrentUser, then Connect-AzAccount.",
                };
            }

            // Az passes its IAzureContextContainer unwrapped; a [pscustomobject] keeps its wrapper, where its properties live.
            var profile = defaultProfile is PSObject { BaseObject: not PSCustomObject } wrapped ? wrapped.BaseObject : defaultProfile;
            PSObject? context;
            try
            {
                context = Invoke(cmdlet, ContextScript, profile).FirstOrDefault(o => o is not null);
            }
            catch (RuntimeException ex)
            {
                throw NotConnected(ex.Message, ex);
            }

            var bag = context is null ? null : CoreView.BagOf(context);
            if (bag is null || !bag.TryGetValue("Subscription", out var sub) || sub is null)
            {
                throw NotConnected("Get-AzContext returned no context with a subscription.", null);
            }

            return new PowerShellAzureSession(cmdlet, profile, secure, AzShapes.ReadContext(bag));
        }

        /// <summary>
        /// The cloud of the caller's context when Az.Accounts is already loaded and signed in; null
        /// otherwise. Never imports Az.Accounts: offline commands must not depend on it.
        /// </summary>
        public static AzureContextInfo? PeekContext(PSCmdlet cmdlet)
        {
            const string Peek = "if (Get-Module -Name Az.Accounts) { Get-AzContext -ErrorAction SilentlyContinue }";
            try
            {
                var context = Invoke(cmdlet, Peek).FirstOrDefault(o => o is not null);
                var bag = context is null ? null : CoreView.BagOf(context);
                return bag is null ? null : AzShapes.ReadContext(bag);
            }
            catch (Exception ex) when (ex is RuntimeException || ex is ModelLifecycleException)
            {
                return null;
            }
        }

        public Task<AccessTokenInfo> GetTokenAsync(CancellationToken cancellationToken) =>
            _cmdlet.OnPipelineAsync(() =>
            {
                PSObject? result;
                try
                {
                    result = Invoke(_cmdlet, TokenScript, Context.ResourceManagerUrl.AbsoluteUri, _profile, _secure).LastOrDefault(o => o is not null);
                }
                catch (RuntimeException ex)
                {
                    throw new ModelLifecycleException("AzAccessTokenFailed", ErrorKind.AuthenticationError, "Get-AzAccessToken failed: " + ex.Message, Context.ResourceManagerUrl.AbsoluteUri, ex)
                    {
                        RecommendedAction = "Sign in again with Connect-AzAccount (in Azure Automation: Connect-AzAccount -Identity).",
                    };
                }

                var bag = result is null ? null : CoreView.BagOf(result);
                return bag is null
                    ? throw new ModelLifecycleException("AzAccessTokenUnreadable", ErrorKind.InvalidResult, "Get-AzAccessToken returned nothing.", null)
                    : AzShapes.ReadToken(bag);
            });

        private static Collection<PSObject> Invoke(PSCmdlet cmdlet, string script, params object?[] args) =>
            cmdlet.InvokeCommand.InvokeScript(script, true, System.Management.Automation.Runspaces.PipelineResultTypes.None, null, args);

        private static ModelLifecycleException NotConnected(string detail, Exception? inner) =>
            new ModelLifecycleException(
                "AzNotConnected",
                ErrorKind.AuthenticationError,
                "You are not signed in to Azure in this session (" + detail + ")",
                null,
                inner)
            {
                RecommendedAction = "Run Connect-AzAccount (in Azure Automation: Connect-AzAccount -Identity), and Set-AzContext to choose the subscription.",
            };
    }
}
