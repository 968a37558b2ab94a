using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Inventory
{
    /// <summary>One piece of input after reading: a deployment, an account whose deployments must be read, or an error.</summary>
    public sealed class InputItem
    {
        private InputItem(Deployment? deployment, AzureResourceId? account, ModelLifecycleException? error)
        {
            Deployment = deployment;
            Account = account;
            Error = error;
        }

        public Deployment? Deployment { get; }

        /// <summary>An account (from Get-AzCognitiveServicesAccount or an account id): its deployments are read from ARM.</summary>
        public AzureResourceId? Account { get; }

        public ModelLifecycleException? Error { get; }

        public static InputItem ForDeployment(Deployment d) => new InputItem(d, null, null);

        public static InputItem ForAccount(AzureResourceId a) => new InputItem(null, a, null);

        public static InputItem ForError(ModelLifecycleException e) => new InputItem(null, null, e);

        /// <summary>The error for an account given where its deployments cannot be read from Azure.</summary>
        public static ModelLifecycleException AccountNeedsAzure(AzureResourceId account, string command) =>
            new ModelLifecycleException(
                "AzureConnectionRequired",
                ErrorKind.InvalidOperation,
                $"Account '{account.AccountName}' was given without its deployments; reading them from Azure is not available here.",
                account.AccountId)
            {
                RecommendedAction = $"Pipe its deployments instead: Get-AzCognitiveServicesAccountDeployment -ResourceGroupName <group> -AccountName <account> | {command}.",
            };

        /// <summary>The error for an account given to a command that takes only deployments (Get-ModelRetirement).</summary>
        public static ModelLifecycleException AccountNotADeployment(AzureResourceId account) =>
            new ModelLifecycleException(
                "InputNotADeployment",
                ErrorKind.InvalidArgument,
                $"'{account}' is an account, not a deployment; pipe its deployments instead.",
                account.AccountId);
    }

    /// <summary>
    /// Turns whatever arrives as a "deployment" (the input forms in the cmdlets' help, docs/en-US) into <see cref="Deployment"/>s:
    /// Az SDK deployments (and the one List per account that Get-AzCognitiveServicesAccountDeployment
    /// writes), Az accounts, ARM JSON (single, arrays, list responses with "value"), ConvertTo-Json of
    /// Az objects, and this module's own output objects. Host objects (PowerShell's PSObjects) arrive
    /// already turned into the Core's views (<see cref="IPropertyBag"/>, <see cref="IInputView"/>).
    /// </summary>
    public static class DeploymentReader
    {
        public static IEnumerable<InputItem> Read(object? value)
        {
            switch (value)
            {
                case null:
                    yield break;
                case JArray array:
                    foreach (var item in array.SelectMany(x => Read(x)))
                    {
                        yield return item;
                    }

                    yield break;
                case string s:
                    yield return FromString(s);
                    yield break;
                case IEnumerable sequence when value is not IDictionary && value is not JToken:
                    foreach (var element in sequence)
                    {
                        foreach (var item in Read(element))
                        {
                            yield return item;
                        }
                    }

                    yield break;
            }

            var bag = PropertyBags.From(value);
            if (bag is null)
            {
                yield return InputItem.ForError(NotADeployment(value));
                yield break;
            }

            // An ARM list response: { "value": [ ... ], "nextLink": ... }
            if (bag.TryGetValue("value", out var list) && !bag.Has("properties") && !bag.Has("name") && list is not string && list is IEnumerable)
            {
                foreach (var item in Read(list))
                {
                    yield return item;
                }

                yield break;
            }

            yield return FromBag(bag, value);
        }

        /// <summary>
        /// Reads input for the commands that act on deployments (assess, change the upgrade option, migrate).
        /// A lifecycle record from Get-ModelRetirement names a model, not a deployment: <see cref="Read"/> takes its
        /// model for a search, but here it is refused, since it would be judged or planned as a deployment with no
        /// name, account or type.
        /// </summary>
        public static IEnumerable<InputItem> ReadDeployments(object? value) =>
            value is ModelRetirement record ? new[] { InputItem.ForError(RecordNotADeployment(record)) } : Read(value);

        /// <summary>Reads an inventory file: an ARM list response, an array of deployments, or ConvertTo-Json of Az objects.</summary>
        public static IEnumerable<InputItem> ReadFile(string path)
        {
            if (Directory.Exists(path))
            {
                throw new ModelLifecycleException(
                    "InventoryFileIsDirectory",
                    ErrorKind.InvalidArgument,
                    $"'{path}' is a directory, not an inventory file.",
                    path)
                {
                    RecommendedAction = "Name the JSON files in it, for example -Path <directory>/*.json.",
                };
            }

            JToken root;
            try
            {
                using var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None };
                root = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            }
            catch (JsonReaderException ex) when (IsEmpty(path))
            {
                throw new ModelLifecycleException(
                    "InventoryFileInvalid",
                    ErrorKind.InvalidData,
                    $"The inventory file '{path}' is empty.",
                    path,
                    ex);
            }
            catch (JsonReaderException ex)
            {
                throw new ModelLifecycleException(
                    "InventoryFileInvalid",
                    ErrorKind.InvalidData,
                    $"The inventory file '{path}' is not valid JSON at line {ex.LineNumber}, position {ex.LinePosition}.",
                    path,
                    ex);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw FileUnreadable(path, ex, notFound: ex is FileNotFoundException || ex is DirectoryNotFoundException);
            }

            return ReadEntries(root, path);
        }

        /// <summary>
        /// The error for an inventory file that is not there (<paramref name="notFound"/>) or cannot be read;
        /// also for a path the host could not resolve to a file.
        /// </summary>
        public static ModelLifecycleException FileUnreadable(string path, Exception cause, bool notFound) =>
            new ModelLifecycleException(
                notFound ? "InventoryFileNotFound" : "InventoryFileUnreadable",
                notFound ? ErrorKind.ObjectNotFound : ErrorKind.ReadError,
                $"The inventory file '{path}' could not be read: {cause.Message}",
                path,
                cause);

        /// <summary>
        /// The entries of an inventory file, each read on its own so that anything wrong with one names
        /// the file and where in it (value[3], [3]) the entry is.
        /// </summary>
        private static IEnumerable<InputItem> ReadEntries(JToken root, string path)
        {
            IEnumerable<(JToken Entry, string Where)> entries = root switch
            {
                JArray array => array.Select((e, i) => (e, "Entry [" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]")),
                JObject o when o["value"] is JArray list && o.Property("properties", StringComparison.OrdinalIgnoreCase) is null
                               && o.Property("name", StringComparison.OrdinalIgnoreCase) is null
                    => list.Select((e, i) => (e, "Entry value[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]")),
                _ => new[] { (root, "The top-level object") },
            };

            foreach (var (entry, where) in entries)
            {
                var truncated = entry is JObject o ? TruncatedField(o) : null;
                foreach (var item in Read(entry))
                {
                    if (item.Error is not null)
                    {
                        yield return InputItem.ForError(InEntry(item.Error, path, where));
                    }
                    else if (item.Deployment is Deployment d && string.IsNullOrWhiteSpace(d.Model) && truncated is not null)
                    {
                        yield return InputItem.ForError(TruncatedEntry(d, path, where, truncated));
                    }
                    else if (item.Deployment is Deployment bare && string.IsNullOrWhiteSpace(bare.Model) && !HasDeploymentId(bare))
                    {
                        yield return InputItem.ForError(new ModelLifecycleException(
                            "DeploymentDetailsMissing",
                            ErrorKind.InvalidData,
                            $"{where} of the inventory file '{path}' (deployment '{bare}') has no model and no deployment resource id, so it cannot be assessed.",
                            path)
                        {
                            RecommendedAction = "Write the inventory again with its model details: Get-AzCognitiveServicesAccountDeployment ... | ConvertTo-Json -Depth 10 | Set-Content <file>.",
                        });
                    }
                    else
                    {
                        yield return item;
                    }
                }
            }
        }

        private static bool IsEmpty(string path)
        {
            try
            {
                return File.ReadAllText(path).Trim().TrimStart('\uFEFF').Length == 0;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static bool HasDeploymentId(Deployment d) => AzureResourceId.TryParse(d.ResourceId, out var id) && id!.DeploymentName is not null;

        /// <summary>
        /// Beyond its depth (2 by default) ConvertTo-Json writes nested objects as text ("@{format=...}" or a
        /// type name): properties or properties.model arriving as a string is the sign of that.
        /// </summary>
        private static string? TruncatedField(JObject entry)
        {
            var properties = entry.Property("properties", StringComparison.OrdinalIgnoreCase)?.Value;
            if (properties is JValue { Type: JTokenType.String })
            {
                return "properties";
            }

            var model = (properties as JObject)?.Property("model", StringComparison.OrdinalIgnoreCase)?.Value;
            return model is JValue { Type: JTokenType.String } ? "properties.model" : null;
        }

        private static ModelLifecycleException TruncatedEntry(Deployment d, string path, string where, string field) =>
            new ModelLifecycleException(
                "InventoryEntryTruncated",
                ErrorKind.InvalidData,
                $"{where} of the inventory file '{path}' (deployment '{d}') lacks model details: its {field} was written as text, which is what ConvertTo-Json does below its default depth of 2.",
                path)
            {
                RecommendedAction = "Write the inventory again with a greater depth: ... | ConvertTo-Json -Depth 10 | Set-Content <file>.",
            };

        private static ModelLifecycleException InEntry(ModelLifecycleException error, string path, string where) =>
            new ModelLifecycleException(error.ErrorId, error.Kind, $"{where} of the inventory file '{path}': {error.Summary}", path, error)
            {
                RecommendedAction = error.RecommendedAction,
            };

        private static InputItem FromString(string s)
        {
            if (AzureResourceId.TryParse(s, out var id))
            {
                return id!.DeploymentName is null
                    ? InputItem.ForAccount(id)
                    : InputItem.ForDeployment(new Deployment
                    {
                        Name = id.DeploymentName,
                        ResourceId = id.DeploymentId,
                        SubscriptionId = id.SubscriptionId,
                        ResourceGroupName = id.ResourceGroupName,
                        AccountName = id.AccountName,
                    });
            }

            return InputItem.ForError(NotADeployment(s));
        }

        private static InputItem FromBag(IPropertyBag bag, object original)
        {
            var idText = bag.GetString("ResourceId", "Id");
            AzureResourceId.TryParse(idText, out var id);

            var properties = bag.GetBag("Properties");
            var modelBag = properties?.GetBag("Model");
            var sku = bag.GetBag("Sku");

            // Legacy deployments carry no sku, only properties.scaleSettings (scaleType, capacity).
            var scale = sku is null ? properties?.GetBag("ScaleSettings") : null;

            // This module's own objects carry the model as a plain string.
            var ownModel = modelBag is null ? bag.GetString("Model") : null;
            var isDeployment = modelBag is not null || ownModel is not null || bag.Has("DeploymentName") || id?.DeploymentName is not null;

            if (!isDeployment)
            {
                // An account: Get-AzCognitiveServicesAccount output, or ARM account JSON.
                var accountName = bag.GetString("AccountName") ?? (id?.DeploymentName is null ? id?.AccountName : null);
                var group = bag.GetString("ResourceGroupName") ?? id?.ResourceGroupName;
                var subscription = id?.SubscriptionId ?? bag.GetString("SubscriptionId");
                if (accountName is not null && group is not null && subscription is not null && (bag.Has("Endpoint") || bag.Has("AccountType") || bag.Has("Kind") || id is not null))
                {
                    return InputItem.ForAccount(AzureResourceId.ForAccount(subscription, group, accountName));
                }

                return InputItem.ForError(NotADeployment(original));
            }

            var d = new Deployment
            {
                Name = bag.GetString("DeploymentName") ?? id?.DeploymentName ?? bag.GetString("Name") ?? string.Empty,
                ResourceId = id?.DeploymentId ?? idText,
                SubscriptionId = id?.SubscriptionId ?? bag.GetString("SubscriptionId"),
                ResourceGroupName = id?.ResourceGroupName ?? bag.GetString("ResourceGroupName"),
                AccountName = id?.AccountName ?? bag.GetString("AccountName"),
                Location = bag.GetString("Location"),
                DeploymentType = sku?.GetString("Name") ?? bag.GetString("DeploymentType", "SkuName") ?? scale?.GetString("ScaleType"),
                Capacity = sku?.GetInt("Capacity") ?? bag.GetInt("Capacity") ?? scale?.GetInt("Capacity"),
                Model = modelBag?.GetString("Name") ?? ownModel,
                Version = modelBag?.GetString("Version") ?? bag.GetString("Version"),
                ModelFormat = modelBag?.GetString("Format") ?? bag.GetString("ModelFormat"),
                UpgradeOption = properties is not null ? properties.GetString("VersionUpgradeOption") : bag.GetString("UpgradeOption"),
                ProvisioningState = properties?.GetString("ProvisioningState") ?? bag.GetString("ProvisioningState"),
                RawBody = original as JObject,
            };

            if (d.ResourceId is null && d.SubscriptionId is not null && d.ResourceGroupName is not null && d.AccountName is not null && d.Name.Length > 0)
            {
                d.ResourceId = AzureResourceId.ForDeployment(d.SubscriptionId, d.ResourceGroupName, d.AccountName, d.Name).DeploymentId;
            }

            return InputItem.ForDeployment(d);
        }

        private static ModelLifecycleException RecordNotADeployment(ModelRetirement record)
        {
            var what = record.Version is null ? record.Model : record.Model + " " + record.Version;
            return new ModelLifecycleException(
                "InputNotADeployment",
                ErrorKind.InvalidArgument,
                $"The input is the lifecycle record of {what} from Get-ModelRetirement, not a deployment.",
                what)
            {
                RecommendedAction = "Pipe deployments (Get-AzCognitiveServicesAccountDeployment, an inventory file or ARM JSON); to find the code that uses this model, pipe the record to Find-ModelReference.",
            };
        }

        private static ModelLifecycleException NotADeployment(object value) =>
            new ModelLifecycleException(
                "InputNotADeployment",
                ErrorKind.InvalidArgument,
                $"The input ({Describe(value)}) is neither a model deployment nor a Cognitive Services account. Pass objects from Get-AzCognitiveServicesAccountDeployment or Get-AzCognitiveServicesAccount, ARM JSON of deployments, or a deployment resource id.",
                value is IInputView view ? view.Source : value);

        private static string Describe(object value)
        {
            var text = value is JToken j ? j.ToString(Formatting.None) : value.ToString() ?? value.GetType().Name;
            return text.Length > 80 ? text.Substring(0, 77) + "..." : text;
        }
    }
}
