using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.Azure;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>
    /// Azure Resource Manager for Microsoft.CognitiveServices accounts, deployments, models and quota,
    /// over plain HttpClient. Results are the raw JSON (JObject), so properties this code has never
    /// heard of survive a read-modify-write. Paging, retries, throttling, token refresh and
    /// long-running operations are handled here for every caller; a failed call throws one
    /// <see cref="ArmException"/>, cancellation throws OperationCanceledException.
    /// </summary>
    /// <remarks>
    /// Thread-safe: one client serves a whole run, from many threads at once; <see cref="ArmClientOptions.ThrottleLimit"/>
    /// bounds the requests in flight across all of them. The sink is called from those threads, one call at
    /// a time (through <see cref="SerializedSink"/>), with a Debug line per request and a Verbose line per
    /// retry; the token never appears in either.
    /// </remarks>
    public sealed class ArmClient : IDisposable
    {
        private const string Provider = "Microsoft.CognitiveServices";

        private readonly ArmTransport transport;
        private readonly ArmClientOptions options;

        /// <param name="session">The sign-in; tokens are fetched through a <see cref="TokenCache"/> over it.</param>
        /// <param name="options">Copied when the client is made; later changes to it do not reach the client.</param>
        /// <param name="sink">Gets a Debug line per request and a Verbose line per retry; never the token.</param>
        /// <param name="handler">
        /// For tests and proxies: used as is and not disposed. Without one the client makes its own
        /// HttpClientHandler with MaxConnectionsPerServer = ThrottleLimit and redirects off.
        /// </param>
        public ArmClient(IAzureSession session, ArmClientOptions? options = null, IOperationSink? sink = null, HttpMessageHandler? handler = null)
        {
            if (session is null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            Context = session.Context;
            this.options = (options ?? new ArmClientOptions()).Validated();
            Tokens = new TokenCache(session, this.options.Clock);
            transport = new ArmTransport(ArmEndpoint.Validate(Context.ResourceManagerUrl), Tokens, this.options, SerializedSink.For(sink), handler);
        }

        /// <summary>The Az context this client works in (subscription, tenant, cloud).</summary>
        public AzureContextInfo Context { get; }

        /// <summary>The ARM endpoint; the only host that ever receives the token.</summary>
        public Uri Endpoint => transport.Endpoint;

        /// <summary>Requests in flight at once across the client.</summary>
        public int ThrottleLimit => options.ThrottleLimit;

        /// <summary>The token cache of this client (FetchCount says how many tokens it fetched).</summary>
        public TokenCache Tokens { get; }

        /// <summary>GET /subscriptions: every subscription the token can see.</summary>
        public Task<IReadOnlyList<JObject>> ListSubscriptionsAsync(CancellationToken cancellationToken) =>
            ListAsync(
                Url(ApiVersions.Subscriptions, "subscriptions"),
                new ArmCall("Listing the subscriptions the signed-in account can see", ArmSubject.Other, "/subscriptions"),
                cancellationToken);

        /// <summary>The Cognitive Services accounts of a subscription, or of one of its resource groups.</summary>
        public Task<IReadOnlyList<JObject>> ListAccountsAsync(string subscriptionId, string? resourceGroupName, CancellationToken cancellationToken)
        {
            RequireName(subscriptionId, nameof(subscriptionId));
            return resourceGroupName is null
                ? ListAsync(
                    Url(ApiVersions.CognitiveServices, "subscriptions", subscriptionId, "providers", Provider, "accounts"),
                    new ArmCall($"Listing the Cognitive Services accounts of subscription '{subscriptionId}'", ArmSubject.Subscription, subscriptionId),
                    cancellationToken)
                : ListAsync(
                    Url(ApiVersions.CognitiveServices, "subscriptions", subscriptionId, "resourceGroups", resourceGroupName, "providers", Provider, "accounts"),
                    new ArmCall($"Listing the Cognitive Services accounts of resource group '{resourceGroupName}' in subscription '{subscriptionId}'", ArmSubject.Subscription, subscriptionId),
                    cancellationToken);
        }

        public async Task<JObject> GetAccountAsync(AzureResourceId account, CancellationToken cancellationToken)
        {
            RequireAccount(account);
            ArmReply reply = await transport.SendAsync(
                HttpMethod.Get,
                ResourceUrl(account.AccountId),
                null,
                new ArmCall($"Reading account '{account.AccountName}'", ArmSubject.Account, account.AccountId),
                cancellationToken).ConfigureAwait(false);
            return Body(reply, account.AccountId);
        }

        public Task<IReadOnlyList<JObject>> ListDeploymentsAsync(AzureResourceId account, CancellationToken cancellationToken)
        {
            RequireAccount(account);
            return ListAsync(
                ResourceUrl(account.AccountId + "/deployments"),
                new ArmCall($"Reading deployments of account '{account.AccountName}'", ArmSubject.Account, account.AccountId),
                cancellationToken);
        }

        public async Task<JObject> GetDeploymentAsync(AzureResourceId deployment, CancellationToken cancellationToken)
        {
            RequireDeployment(deployment);
            ArmReply reply = await transport.SendAsync(
                HttpMethod.Get,
                ResourceUrl(deployment.DeploymentId!),
                null,
                ReadDeploymentCall(deployment),
                cancellationToken).ConfigureAwait(false);
            return Body(reply, deployment.DeploymentId!);
        }

        /// <summary>
        /// PUTs the whole <paramref name="body"/> (read with <see cref="GetDeploymentAsync"/> and changed where
        /// meant, so every other property goes back as it came), follows the long-running operation to its end and returns
        /// the deployment as ARM has it afterwards. A 409 RequestConflict (another operation on the account)
        /// is waited out and retried up to ConflictRetryLimit times. An operation that ends Failed or Canceled
        /// throws OperationFailed with the operation's error code; one still running after LroTimeout throws
        /// OperationTimeout.
        /// </summary>
        public async Task<JObject> PutDeploymentAsync(AzureResourceId deployment, JObject body, CancellationToken cancellationToken)
        {
            RequireDeployment(deployment);
            if (body is null)
            {
                throw new ArgumentNullException(nameof(body));
            }

            string id = deployment.DeploymentId!;
            var call = new ArmCall($"Updating deployment '{deployment.DeploymentName}' of account '{deployment.AccountName}'", ArmSubject.Deployment, id)
            {
                RetryConflicts = true,
                IsWrite = true,
            };
            Uri url = ResourceUrl(id);
            ArmReply accepted = await transport.SendAsync(HttpMethod.Put, url, body, call, cancellationToken).ConfigureAwait(false);
            await new OperationPoller(transport, options, call, url).WaitAsync(accepted, cancellationToken).ConfigureAwait(false);
            return await GetDeploymentAsync(deployment, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// DELETEs a deployment and follows the long-running operation (202 with a location URL) until it is
        /// gone. Returns true when this call deleted it and false when it was already absent (204, or 404
        /// DeploymentNotFound). Like <see cref="PutDeploymentAsync"/>, a 409 RequestConflict (another operation
        /// on the account) is waited out and retried up to ConflictRetryLimit times; an operation that ends
        /// Failed or Canceled throws OperationFailed with the operation's error code. A missing account is
        /// still AccountNotFound: that is a wrong target, not a finished delete.
        /// </summary>
        public async Task<bool> DeleteDeploymentAsync(AzureResourceId deployment, CancellationToken cancellationToken)
        {
            RequireDeployment(deployment);
            string id = deployment.DeploymentId!;
            var call = new ArmCall($"Deleting deployment '{deployment.DeploymentName}' of account '{deployment.AccountName}'", ArmSubject.Deployment, id)
            {
                RetryConflicts = true,
                IsWrite = true,
            };
            Uri url = ResourceUrl(id);
            ArmReply accepted;
            try
            {
                accepted = await transport.SendAsync(HttpMethod.Delete, url, null, call, cancellationToken).ConfigureAwait(false);
            }
            catch (ArmException e) when (e.ErrorId == ArmErrorIds.DeploymentNotFound)
            {
                return false;
            }

            if (accepted.Status == 204)
            {
                // "204: the deployment does not exist" (Deployments_Delete, 2026-05-01).
                return false;
            }

            try
            {
                await new OperationPoller(transport, options, call, url).WaitAsync(accepted, cancellationToken).ConfigureAwait(false);
            }
            catch (ArmException e) when (e.HttpStatus == 404 && string.Equals(e.ArmCode, "DeploymentNotFound", StringComparison.OrdinalIgnoreCase))
            {
                // Without an operation URL the poller watches the deployment itself, and for a delete its 404 is the end.
            }

            return true;
        }

        /// <summary>Models_List: the models (and their lifecycle) a subscription can deploy in a location.</summary>
        public Task<IReadOnlyList<JObject>> ListModelsAsync(string subscriptionId, string location, CancellationToken cancellationToken) =>
            ListInLocationAsync(subscriptionId, location, "models", "the models", cancellationToken);

        /// <summary>Usages_List: quota use and limits of a subscription in a location.</summary>
        public Task<IReadOnlyList<JObject>> ListUsagesAsync(string subscriptionId, string location, CancellationToken cancellationToken) =>
            ListInLocationAsync(subscriptionId, location, "usages", "the quota usages", cancellationToken);

        /// <summary>A list a subscription has per location (.../locations/{location}/{collection}); <paramref name="what"/> words it in messages.</summary>
        private Task<IReadOnlyList<JObject>> ListInLocationAsync(string subscriptionId, string location, string collection, string what, CancellationToken cancellationToken)
        {
            RequireName(subscriptionId, nameof(subscriptionId));
            RequireName(location, nameof(location));
            return ListAsync(
                Url(ApiVersions.CognitiveServices, "subscriptions", subscriptionId, "providers", Provider, "locations", location, collection),
                new ArmCall($"Reading {what} of location '{location}' in subscription '{subscriptionId}'", ArmSubject.Subscription, subscriptionId),
                cancellationToken);
        }

        /// <summary>
        /// Capacity available for one model version, per SKU: in <paramref name="location"/>, or in every
        /// location of the subscription when it is null.
        /// </summary>
        public Task<IReadOnlyList<JObject>> ListModelCapacitiesAsync(string subscriptionId, string? location, string format, string name, string version, CancellationToken cancellationToken)
        {
            RequireName(subscriptionId, nameof(subscriptionId));
            RequireName(format, nameof(format));
            RequireName(name, nameof(name));
            RequireName(version, nameof(version));
            var segments = new List<string> { "subscriptions", subscriptionId, "providers", Provider };
            if (location is not null)
            {
                segments.Add("locations");
                segments.Add(location);
            }

            segments.Add("modelCapacities");
            Uri url = ArmUrls.Build(
                Endpoint,
                ApiVersions.CognitiveServices,
                segments,
                new KeyValuePair<string, string?>("modelFormat", format),
                new KeyValuePair<string, string?>("modelName", name),
                new KeyValuePair<string, string?>("modelVersion", version));
            string where = location is null ? $"subscription '{subscriptionId}'" : $"location '{location}' in subscription '{subscriptionId}'";
            return ListAsync(url, new ArmCall($"Reading the capacity for {format} {name} {version} in {where}", ArmSubject.Subscription, subscriptionId), cancellationToken);
        }

        public void Dispose() => transport.Dispose();

        /// <summary>
        /// Lists every item of a pageable ARM list, following nextLink until it is absent. Internal callers
        /// that stream use <see cref="ForEachPageAsync"/> instead.
        /// </summary>
        internal async Task<IReadOnlyList<JObject>> ListAsync(Uri firstPage, ArmCall call, CancellationToken cancellationToken)
        {
            var items = new List<JObject>();
            await ForEachPageAsync(firstPage, call, page => items.AddRange(page), cancellationToken).ConfigureAwait(false);
            return items;
        }

        /// <summary>Hands each page's items to <paramref name="onPage"/> as it arrives.</summary>
        internal async Task ForEachPageAsync(Uri firstPage, ArmCall call, Action<List<JObject>> onPage, CancellationToken cancellationToken)
        {
            Uri? url = firstPage;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (url is not null)
            {
                if (!seen.Add(url.AbsoluteUri))
                {
                    throw new ArmException(
                        ArmErrorIds.ArmResponseInvalid,
                        ErrorKind.InvalidResult,
                        $"{call.Description} failed: ARM's nextLink points back to a page already read.",
                        call.Target,
                        requestUrl: ArmUrls.Redact(url));
                }

                ArmReply reply = await transport.SendAsync(HttpMethod.Get, url, null, call, cancellationToken).ConfigureAwait(false);
                var page = new List<JObject>();
                if (reply.Json?["value"] is JArray value)
                {
                    foreach (JToken item in value)
                    {
                        if (item is JObject o)
                        {
                            page.Add(o);
                        }
                    }
                }

                onPage(page);
                url = NextLink(reply.Json, url);
            }
        }

        internal ArmCall ReadDeploymentCall(AzureResourceId deployment) =>
            new ArmCall($"Reading deployment '{deployment.DeploymentName}' of account '{deployment.AccountName}'", ArmSubject.Deployment, deployment.DeploymentId!);

        internal Uri ResourceUrl(string resourcePath) => ArmUrls.Build(Endpoint, ApiVersions.CognitiveServices, ArmUrls.Segments(resourcePath));

        /// <summary>A nextLink, made absolute against the page's URL; null when the list is complete.</summary>
        private static Uri? NextLink(JObject? page, Uri current)
        {
            JToken? next = page?["nextLink"];
            string? text = next?.Type == JTokenType.String ? (string?)next : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            // The trust check happens when the link is requested (ArmTransport), for every URL alike.
            return Uri.TryCreate(current, text, out Uri? absolute) ? absolute : null;
        }

        private Uri Url(string apiVersion, params string[] segments) => ArmUrls.Build(Endpoint, apiVersion, segments);

        private static JObject Body(ArmReply reply, string target) =>
            reply.Json ?? throw new ArmException(
                ArmErrorIds.ArmResponseInvalid,
                ErrorKind.InvalidResult,
                $"Reading '{target}' failed: ARM answered {reply.Status} without a body.",
                target,
                reply.Status);

        private static void RequireName(string value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{name} must not be empty.", name);
            }
        }

        private static void RequireAccount(AzureResourceId account)
        {
            if (account is null)
            {
                throw new ArgumentNullException(nameof(account));
            }
        }

        private static void RequireDeployment(AzureResourceId deployment)
        {
            if (deployment?.DeploymentName is null)
            {
                throw new ArgumentException("A deployment id is needed (.../accounts/<account>/deployments/<name>).", nameof(deployment));
            }
        }
    }
}
