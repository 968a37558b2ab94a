using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ModelLifecycle.Core.Catalog;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>
    /// What calling code must change when a deployment moves from one model to another, and which
    /// models need a limited-access registration: data with a public source per row
    /// (catalog/parameter-changes.json, embedded; format in docs/parameter-changes-format.md).
    /// </summary>
    public sealed class ParameterChangeCatalog
    {
        public const string FormatName = "ModelLifecycle.ParameterChanges";
        public const int FormatVersion = 1;
        public const string ResourceName = "ModelLifecycle.Core.Migration.parameter-changes.json";

        private static readonly Lazy<ParameterChangeCatalog> EmbeddedInstance = new Lazy<ParameterChangeCatalog>(LoadEmbedded, isThreadSafe: true);

        private readonly IReadOnlyList<Rule> _rules;
        private readonly IReadOnlyList<LimitedAccessModel> _limitedAccess;

        private ParameterChangeCatalog(IReadOnlyList<Rule> rules, IReadOnlyList<LimitedAccessModel> limitedAccess)
        {
            _rules = rules;
            _limitedAccess = limitedAccess;
        }

        /// <summary>The file compiled into this assembly.</summary>
        public static ParameterChangeCatalog Embedded => EmbeddedInstance.Value;

        /// <summary>
        /// The changes for moving calls from <paramref name="sourceModel"/> to <paramref name="targetModel"/>:
        /// every matching rule's rows, in file order. Empty for a pair no rule covers (and for the same model).
        /// </summary>
        public IReadOnlyList<ParameterChange> Lookup(string sourceModel, string targetModel)
        {
            if (string.IsNullOrWhiteSpace(sourceModel) || string.IsNullOrWhiteSpace(targetModel))
            {
                return Array.Empty<ParameterChange>();
            }

            var from = ModelNames.NormalizeModel(sourceModel);
            var to = ModelNames.NormalizeModel(targetModel);
            if (ModelNames.SameModel(from, to))
            {
                return Array.Empty<ParameterChange>();
            }

            return _rules.Where(r => r.Matches(from, to)).SelectMany(r => r.Changes).ToList();
        }

        /// <summary>True when some rule speaks for the pair (even with no rows).</summary>
        public bool Covers(string sourceModel, string targetModel) =>
            !string.IsNullOrWhiteSpace(sourceModel) && !string.IsNullOrWhiteSpace(targetModel)
            && _rules.Any(r => r.Matches(ModelNames.NormalizeModel(sourceModel), ModelNames.NormalizeModel(targetModel)));

        /// <summary>The limited-access record for a model, or null when none is recorded.</summary>
        public LimitedAccessModel? LimitedAccess(string model) =>
            string.IsNullOrWhiteSpace(model) ? null : _limitedAccess.FirstOrDefault(l => l.Pattern.IsMatch(ModelNames.NormalizeModel(model)));

        public static ParameterChangeCatalog ReadFile(string path)
        {
            if (System.IO.Directory.Exists(path))
            {
                throw new ModelLifecycleException(
                    "ParameterChangeFileIsDirectory",
                    ErrorKind.InvalidArgument,
                    $"'{path}' is a directory, not a parameter-changes file.",
                    path)
                {
                    RecommendedAction = "Name the JSON file itself.",
                };
            }

            string text;
            try
            {
                text = System.IO.File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                var notFound = ex is FileNotFoundException || ex is DirectoryNotFoundException;
                throw new ModelLifecycleException(
                    notFound ? "ParameterChangeFileNotFound" : "ParameterChangeFileUnreadable",
                    notFound ? ErrorKind.ObjectNotFound : ErrorKind.ReadError,
                    $"The parameter-changes file '{path}' could not be read: {ex.Message}",
                    path,
                    ex);
            }

            return Read(text, path);
        }

        /// <summary>Reads the format strictly: a typo in a change kind or a missing source is an error naming line and position.</summary>
        public static ParameterChangeCatalog Read(string json, string fileLabel)
        {
            JObject root;
            try
            {
                using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
                var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
                root = token as JObject ?? throw Fail(fileLabel, token, "the file must hold one JSON object with 'format', 'formatVersion' and 'rules'.");
            }
            catch (JsonReaderException ex)
            {
                var (line, position, problem) = JsonSyntax.Describe(json, ex);
                throw new ParameterChangeFormatException(fileLabel, line, position, problem, ex);
            }

            return new Parser(fileLabel).ParseRoot(root);
        }

        private static ParameterChangeCatalog LoadEmbedded()
        {
            using var stream = typeof(ParameterChangeCatalog).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The embedded resource '" + ResourceName + "' is missing from the assembly; the build is broken.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return Read(reader.ReadToEnd(), "embedded parameter-changes.json");
        }

        private static ParameterChangeFormatException Fail(string file, JToken token, string problem)
        {
            var li = (IJsonLineInfo)token;
            return new ParameterChangeFormatException(file, li.HasLineInfo() ? li.LineNumber : 0, li.HasLineInfo() ? li.LinePosition : 0, problem);
        }

        private sealed class Rule
        {
            public Rule(IReadOnlyList<Wildcard> from, IReadOnlyList<Wildcard> to, IReadOnlyList<Wildcard> except, IReadOnlyList<ParameterChange> changes)
            {
                From = from;
                To = to;
                Except = except;
                Changes = changes;
            }

            public IReadOnlyList<Wildcard> From { get; }

            public IReadOnlyList<Wildcard> To { get; }

            public IReadOnlyList<Wildcard> Except { get; }

            public IReadOnlyList<ParameterChange> Changes { get; }

            public bool Matches(string source, string target) =>
                From.Any(p => p.IsMatch(source)) && To.Any(p => p.IsMatch(target)) && !Except.Any(p => p.IsMatch(target));
        }

        private sealed class Parser
        {
            private static readonly HashSet<string> TopLevel = new HashSet<string>(StringComparer.Ordinal) { "$schema", "format", "formatVersion", "description", "rules", "limitedAccess" };
            private static readonly HashSet<string> RuleProperties = new HashSet<string>(StringComparer.Ordinal) { "name", "from", "to", "except", "changes" };
            private static readonly HashSet<string> ChangeProperties = new HashSet<string>(StringComparer.Ordinal) { "api", "parameter", "change", "from", "to", "detail", "source" };
            private static readonly HashSet<string> LimitedProperties = new HashSet<string>(StringComparer.Ordinal) { "model", "detail", "source" };

            private readonly string _file;

            public Parser(string file) => _file = file;

            public ParameterChangeCatalog ParseRoot(JObject root)
            {
                CheckProperties(root, TopLevel, "the file");
                var format = root["format"];
                if (format is null || format.Type != JTokenType.String || (string?)format != FormatName)
                {
                    throw Fail(_file, format ?? root, $"'format' must be '{FormatName}'.");
                }

                var version = root["formatVersion"];
                if (version is null || version.Type != JTokenType.Integer || version.Value<int>() != FormatVersion)
                {
                    throw Fail(_file, version ?? root, $"'formatVersion' must be {FormatVersion}; this module reads version {FormatVersion} of the format.");
                }

                var rules = Array(root, "rules", required: true).Select(ParseRule).ToList();
                var limited = Array(root, "limitedAccess", required: false).Select(ParseLimited).ToList();
                return new ParameterChangeCatalog(rules, limited);
            }

            private Rule ParseRule(JToken token)
            {
                var o = Object(token, "a rule");
                CheckProperties(o, RuleProperties, "a rule");
                var from = Patterns(o, "from", required: true);
                var to = Patterns(o, "to", required: true);
                var except = Patterns(o, "except", required: false);
                var changes = Array(o, "changes", required: true).Select(ParseChange).ToList();
                return new Rule(from, to, except, changes);
            }

            private ParameterChange ParseChange(JToken token)
            {
                var o = Object(token, "a change");
                CheckProperties(o, ChangeProperties, "a change");
                var api = RequiredString(o, "api");
                var parameter = RequiredString(o, "parameter");
                var changeToken = o["change"] ?? throw Fail(_file, o, "a change needs 'change' (Remove, Rename, MapValues, Check or New).");
                if (changeToken.Type != JTokenType.String || !Enum.TryParse<ParameterChangeKind>((string?)changeToken, ignoreCase: false, out var kind)
                    || !Enum.IsDefined(typeof(ParameterChangeKind), kind) || char.IsDigit(((string?)changeToken)![0]))
                {
                    throw Fail(_file, changeToken, $"'change' must be Remove, Rename, MapValues, Check or New, not '{changeToken}'.");
                }

                var from = OptionalString(o, "from");
                var to = OptionalString(o, "to");
                if ((kind == ParameterChangeKind.Rename || kind == ParameterChangeKind.MapValues) && (from is null || to is null))
                {
                    throw Fail(_file, o, $"a {kind} change needs both 'from' and 'to'.");
                }

                var detail = RequiredString(o, "detail");
                var source = Source(o);
                return new ParameterChange(api, parameter, kind, from, to, detail, source);
            }

            private LimitedAccessModel ParseLimited(JToken token)
            {
                var o = Object(token, "a limitedAccess row");
                CheckProperties(o, LimitedProperties, "a limitedAccess row");
                var model = RequiredString(o, "model");
                return new LimitedAccessModel(new Wildcard(ModelNames.NormalizeModel(model)), RequiredString(o, "detail"), Source(o));
            }

            private string Source(JObject o)
            {
                var source = RequiredString(o, "source");
                if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme != "https")
                {
                    throw Fail(_file, o["source"]!, $"'source' must be a public https URL, not '{source}'.");
                }

                return source;
            }

            private IReadOnlyList<Wildcard> Patterns(JObject o, string name, bool required)
            {
                var items = Array(o, name, required).ToList();
                if (required && items.Count == 0)
                {
                    throw Fail(_file, o[name]!, $"'{name}' must name at least one model (wildcards allowed).");
                }

                return items.Select(t => t.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)t)
                        ? new Wildcard(ModelNames.NormalizeModel((string)t!))
                        : throw Fail(_file, t, $"'{name}' must hold model names (strings)."))
                    .ToList();
            }

            private IEnumerable<JToken> Array(JObject o, string name, bool required)
            {
                var token = o[name];
                if (token is null)
                {
                    if (required)
                    {
                        throw Fail(_file, o, $"'{name}' is required.");
                    }

                    return Enumerable.Empty<JToken>();
                }

                return token as JArray ?? throw Fail(_file, token, $"'{name}' must be an array.");
            }

            private JObject Object(JToken token, string what) =>
                token as JObject ?? throw Fail(_file, token, what + " must be a JSON object.");

            private string RequiredString(JObject o, string name)
            {
                var s = OptionalString(o, name);
                return s ?? throw Fail(_file, o, $"'{name}' is required and must be a non-empty string.");
            }

            private string? OptionalString(JObject o, string name)
            {
                var token = o[name];
                if (token is null || token.Type == JTokenType.Null)
                {
                    return null;
                }

                if (token.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)token))
                {
                    throw Fail(_file, token, $"'{name}' must be a non-empty string.");
                }

                return ((string)token!).Trim();
            }

            private void CheckProperties(JObject o, HashSet<string> known, string what)
            {
                foreach (var p in o.Properties())
                {
                    if (!known.Contains(p.Name))
                    {
                        throw Fail(_file, p, $"'{p.Name}' is not a property of {what} (known: {string.Join(", ", known.Where(k => k != "$schema"))}).");
                    }
                }
            }
        }
    }

    /// <summary>A model that needs a limited-access registration on Azure before it can be deployed.</summary>
    public sealed class LimitedAccessModel
    {
        internal LimitedAccessModel(Wildcard pattern, string detail, string source)
        {
            Pattern = pattern;
            Detail = detail;
            Source = source;
        }

        public Wildcard Pattern { get; }

        public string Detail { get; }

        public string Source { get; }
    }
}
