using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.Core.Catalog
{
    /// <summary>
    /// Reads the project's catalog format (docs/catalog-format.md). Strict: an unknown enum value, a
    /// date that is not yyyy-MM-dd, a missing model name or an unknown property is an error that names
    /// the file, line and position, because a silently ignored typo in a date would give wrong verdicts.
    /// </summary>
    public static class CatalogReader
    {
        public const string FormatName = "ModelLifecycle.Catalog";
        public const int FormatVersion = 1;

        private static readonly HashSet<string> TopLevelProperties = new HashSet<string>(StringComparer.Ordinal)
        {
            "$schema", "format", "formatVersion", "snapshotDate", "description", "sources", "entries",
        };

        private static readonly HashSet<string> EntryProperties = new HashSet<string>(StringComparer.Ordinal)
        {
            "model", "version", "kind", "cloud", "category", "stage", "deprecationDate", "retirementDate",
            "retirementQualifier", "retirementText", "retirementByDeploymentType", "replacements", "autoUpgrade",
            "noAutoUpgrade", "isDefaultVersion", "trainingRetirementDate", "notes", "sources",
        };

        public static LifecycleCatalog ReadFile(string path, CatalogOrigin origin)
        {
            if (Directory.Exists(path))
            {
                // File.ReadAllText calls a directory "access denied", which sends the user after permissions.
                throw new ModelLifecycleException(
                    "CatalogFileIsDirectory",
                    ErrorKind.InvalidArgument,
                    $"'{path}' is a directory, not a catalog file.",
                    path)
                {
                    RecommendedAction = "Give -CatalogPath the JSON file itself, for example -CatalogPath <directory>/catalog.json.",
                };
            }

            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                var notFound = ex is FileNotFoundException || ex is DirectoryNotFoundException;
                throw new ModelLifecycleException(
                    notFound ? "CatalogFileNotFound" : "CatalogFileUnreadable",
                    notFound ? ErrorKind.ObjectNotFound : ErrorKind.ReadError,
                    $"The catalog file '{path}' could not be read: {ex.Message}",
                    path,
                    ex);
            }

            return Read(text, path, origin);
        }

        public static LifecycleCatalog Read(string json, string fileLabel, CatalogOrigin origin)
        {
            JObject root;
            try
            {
                using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
                var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
                root = token as JObject ?? throw Fail(fileLabel, token, "the file must hold one JSON object with 'format', 'formatVersion' and 'entries'.");
                if (reader.Read() && reader.TokenType != JsonToken.Comment)
                {
                    throw new CatalogFormatException(fileLabel, reader.LineNumber, reader.LinePosition, "there is more after the end of the JSON object.");
                }
            }
            catch (JsonReaderException ex)
            {
                var (line, position, problem) = JsonSyntax.Describe(json, ex);
                throw new CatalogFormatException(fileLabel, line, position, problem, ex);
            }

            return new Parser(fileLabel, origin).ParseRoot(root);
        }

        internal static CatalogFormatException Fail(string file, JToken token, string problem)
        {
            var li = (IJsonLineInfo)token;
            return new CatalogFormatException(file, li.HasLineInfo() ? li.LineNumber : 0, li.HasLineInfo() ? li.LinePosition : 0, problem);
        }

        private sealed class Parser
        {
            private readonly string _file;
            private readonly CatalogOrigin _origin;
            private readonly Dictionary<string, SourceRef> _sources = new Dictionary<string, SourceRef>(StringComparer.Ordinal);

            public Parser(string file, CatalogOrigin origin)
            {
                _file = file;
                _origin = origin;
            }

            public LifecycleCatalog ParseRoot(JObject root)
            {
                CheckProperties(root, TopLevelProperties, "the catalog");
                var format = OptionalString(root, "format");
                if (format is not null && format != FormatName)
                {
                    throw Fail(_file, root["format"]!, $"'format' must be '{FormatName}', not '{format}'.");
                }

                var versionToken = Required(root, "formatVersion", "the catalog");
                if (versionToken.Type != JTokenType.Integer || versionToken.Value<int>() != FormatVersion)
                {
                    throw Fail(_file, versionToken, $"'formatVersion' must be {FormatVersion}; this module reads version {FormatVersion} of the format.");
                }

                DateTime? snapshot = OptionalDate(root, "snapshotDate");
                var description = OptionalString(root, "description");

                if (root["sources"] is JToken sourcesToken)
                {
                    foreach (var s in ArrayOf(sourcesToken, "sources"))
                    {
                        var src = ParseSource(s, topLevel: true);
                        _sources[src.Name] = src;
                    }
                }

                var entriesToken = Required(root, "entries", "the catalog");
                var entries = new List<CatalogEntry>();
                foreach (var e in ArrayOf(entriesToken, "entries"))
                {
                    entries.Add(ParseEntry(e));
                }

                // A user file without a snapshot date is as new as its newest dated source, else undated (today's data).
                var date = snapshot ?? entries.Select(x => x.SourceDate).Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(DateTime.MinValue).Max();
                return new LifecycleCatalog(date, entries, _sources.Values, description);
            }

            private CatalogEntry ParseEntry(JToken token)
            {
                var o = token as JObject ?? throw Fail(_file, token, "each entry must be a JSON object.");
                CheckProperties(o, EntryProperties, "an entry");
                var modelToken = Required(o, "model", "an entry");
                var model = modelToken.Type == JTokenType.String ? modelToken.Value<string>()!.Trim() : string.Empty;
                if (model.Length == 0)
                {
                    throw Fail(_file, modelToken, "'model' must be a non-empty string.");
                }

                var b = new CatalogEntryBuilder(
                    ModelNames.NormalizeModel(model),
                    ModelNames.NormalizeVersion(OptionalString(o, "version")),
                    OptionalEnum(o, "kind", ModelKind.Base),
                    OptionalEnum(o, "cloud", CatalogCloud.AzureCloud),
                    _origin)
                {
                    Category = OptionalString(o, "category"),
                    Stage = o["stage"] is JToken st && st.Type != JTokenType.Null ? ParseEnum<LifecycleStage>(st, "stage") : (LifecycleStage?)null,
                    DeprecationDate = OptionalDate(o, "deprecationDate"),
                    RetirementDate = OptionalDate(o, "retirementDate"),
                    RetirementQualifier = OptionalEnum(o, "retirementQualifier", DateQualifier.On),
                    RetirementText = OptionalString(o, "retirementText"),
                    NoAutoUpgrade = OptionalBool(o, "noAutoUpgrade") ?? false,
                    IsDefaultVersion = OptionalBool(o, "isDefaultVersion"),
                    TrainingRetirementDate = OptionalDate(o, "trainingRetirementDate"),
                };

                if (o["retirementByDeploymentType"] is JToken byType && byType.Type != JTokenType.Null)
                {
                    var map = byType as JObject ?? throw Fail(_file, byType, "'retirementByDeploymentType' must be an object of deployment type to date, e.g. { \"Standard\": \"2026-03-31\" }.");
                    foreach (var p in map.Properties())
                    {
                        b.RetirementByDeploymentType[p.Name] = ParseDate(p.Value, "retirementByDeploymentType." + p.Name);
                    }
                }

                if (o["replacements"] is JToken reps && reps.Type != JTokenType.Null)
                {
                    foreach (var r in ArrayOf(reps, "replacements"))
                    {
                        b.Replacements.Add(ParseModelRef(r, "replacements"));
                    }
                }

                if (o["autoUpgrade"] is JToken au && au.Type != JTokenType.Null)
                {
                    b.AutoUpgrade = ParseAutoUpgrade(au);
                }

                if (o["notes"] is JToken notes && notes.Type != JTokenType.Null)
                {
                    foreach (var n in ArrayOf(notes, "notes"))
                    {
                        b.Notes.Add(n.Type == JTokenType.String ? n.Value<string>()! : throw Fail(_file, n, "'notes' must be an array of strings."));
                    }
                }

                if (o["sources"] is JToken srcs && srcs.Type != JTokenType.Null)
                {
                    foreach (var s in ArrayOf(srcs, "sources"))
                    {
                        b.Sources.Add(ParseSource(s, topLevel: false));
                    }
                }

                if (b.Sources.Count == 0 && _origin == CatalogOrigin.File)
                {
                    b.Sources.Add(new SourceRef("file:" + Path.GetFileName(_file), null, null, null, new[] { "*" }));
                }
                return b.Build();
            }

            private AutoUpgradeInfo ParseAutoUpgrade(JToken token)
            {
                var o = token as JObject ?? throw Fail(_file, token, "'autoUpgrade' must be an object with 'target' and optionally 'startDate', 'leadDays', 'appliesTo'.");
                CheckProperties(o, new HashSet<string>(StringComparer.Ordinal) { "target", "targetFromReplacement", "startDate", "startQualifier", "leadDays", "appliesTo", "appliesToOptions", "appliesToText" }, "'autoUpgrade'");
                var target = ParseModelRef(Required(o, "target", "'autoUpgrade'"), "autoUpgrade.target");
                int? lead = null;
                if (o["leadDays"] is JToken ld && ld.Type != JTokenType.Null)
                {
                    lead = ld.Type == JTokenType.Integer && ld.Value<int>() >= 0 ? ld.Value<int>() : throw Fail(_file, ld, "'leadDays' must be a whole number of days, 0 or more.");
                }

                var applies = new List<string>();
                if (o["appliesTo"] is JToken at && at.Type != JTokenType.Null)
                {
                    foreach (var a in ArrayOf(at, "appliesTo"))
                    {
                        applies.Add(a.Type == JTokenType.String ? a.Value<string>()! : throw Fail(_file, a, "'appliesTo' must be an array of deployment type names."));
                    }
                }

                var options = new List<string>();
                if (o["appliesToOptions"] is JToken ao && ao.Type != JTokenType.Null)
                {
                    foreach (var a in ArrayOf(ao, "appliesToOptions"))
                    {
                        var value = a.Type == JTokenType.String ? a.Value<string>()! : string.Empty;
                        if (!UpgradeOptionNames.IsKnown(value))
                        {
                            throw Fail(_file, a, "'appliesToOptions' must hold versionUpgradeOption values: " + string.Join(", ", UpgradeOptionNames.All) + ".");
                        }

                        options.Add(value);
                    }
                }

                return new AutoUpgradeInfo(target, OptionalDate(o, "startDate"), OptionalEnum(o, "startQualifier", DateQualifier.On), lead, applies, options, OptionalString(o, "appliesToText"), OptionalBool(o, "targetFromReplacement") ?? false);
            }

            private ModelRef ParseModelRef(JToken token, string what)
            {
                if (token.Type == JTokenType.String)
                {
                    var s = token.Value<string>()!;
                    if (string.IsNullOrWhiteSpace(s))
                    {
                        throw Fail(_file, token, $"'{what}' holds an empty model name.");
                    }

                    return new ModelRef(ModelNames.NormalizeModel(s));
                }

                var o = token as JObject ?? throw Fail(_file, token, $"'{what}' must hold objects like {{ \"model\": \"gpt-4.1\", \"version\": \"2025-04-14\" }}.");
                CheckProperties(o, new HashSet<string>(StringComparer.Ordinal) { "model", "version" }, $"'{what}'");
                var m = Required(o, "model", $"'{what}'");
                if (m.Type != JTokenType.String || string.IsNullOrWhiteSpace(m.Value<string>()))
                {
                    throw Fail(_file, m, "'model' must be a non-empty string.");
                }

                return new ModelRef(ModelNames.NormalizeModel(m.Value<string>()!), ModelNames.NormalizeVersion(OptionalString(o, "version")));
            }

            private SourceRef ParseSource(JToken token, bool topLevel)
            {
                var o = token as JObject ?? throw Fail(_file, token, "each source must be an object with at least a 'name'.");
                CheckProperties(o, new HashSet<string>(StringComparer.Ordinal) { "name", "url", "commit", "date", "title", "fields" }, "a source");
                var nameToken = Required(o, "name", "a source");
                var name = nameToken.Type == JTokenType.String ? nameToken.Value<string>()! : throw Fail(_file, nameToken, "a source's 'name' must be a string.");
                var fields = new List<string>();
                if (o["fields"] is JToken f && f.Type != JTokenType.Null)
                {
                    foreach (var x in ArrayOf(f, "fields"))
                    {
                        fields.Add(x.Type == JTokenType.String ? x.Value<string>()! : throw Fail(_file, x, "'fields' must be an array of strings."));
                    }
                }

                // An entry's source may name a top-level source and inherit its URL, commit and date.
                _sources.TryGetValue(name, out var known);
                var url = OptionalString(o, "url") ?? (topLevel ? null : known?.Url);
                var commit = OptionalString(o, "commit") ?? (topLevel ? null : known?.Commit);
                var date = OptionalDate(o, "date") ?? (topLevel ? null : known?.Date);
                return new SourceRef(name, url, commit, date, fields);
            }

            private void CheckProperties(JObject o, HashSet<string> allowed, string what)
            {
                foreach (var p in o.Properties())
                {
                    if (!allowed.Contains(p.Name))
                    {
                        var suggestion = allowed.FirstOrDefault(a => string.Equals(a, p.Name, StringComparison.OrdinalIgnoreCase));
                        throw Fail(_file, p, $"{what} has an unknown property '{p.Name}'" + (suggestion is null ? "." : $" (did you mean '{suggestion}'? names are case-sensitive)."));
                    }
                }
            }

            private JToken Required(JObject o, string name, string what) =>
                o[name] is JToken t && t.Type != JTokenType.Null ? t : throw Fail(_file, o, $"{what} lacks the required property '{name}'.");

            private IEnumerable<JToken> ArrayOf(JToken token, string name) =>
                token as JArray ?? throw Fail(_file, token, $"'{name}' must be an array.");

            private string? OptionalString(JObject o, string name)
            {
                var t = o[name];
                if (t is null || t.Type == JTokenType.Null)
                {
                    return null;
                }

                return t.Type == JTokenType.String ? t.Value<string>() : throw Fail(_file, t, $"'{name}' must be a string.");
            }

            private bool? OptionalBool(JObject o, string name)
            {
                var t = o[name];
                if (t is null || t.Type == JTokenType.Null)
                {
                    return null;
                }

                return t.Type == JTokenType.Boolean ? t.Value<bool>() : throw Fail(_file, t, $"'{name}' must be true or false.");
            }

            private DateTime? OptionalDate(JObject o, string name)
            {
                var t = o[name];
                return t is null || t.Type == JTokenType.Null ? (DateTime?)null : ParseDate(t, name);
            }

            private DateTime ParseDate(JToken t, string name)
            {
                if (t.Type == JTokenType.String
                    && DateTime.TryParseExact(t.Value<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return d;
                }

                throw Fail(_file, t, $"'{name}' must be a date written yyyy-MM-dd, not {t.ToString(Formatting.None)}.");
            }

            private T OptionalEnum<T>(JObject o, string name, T fallback)
                where T : struct
            {
                var t = o[name];
                return t is null || t.Type == JTokenType.Null ? fallback : ParseEnum<T>(t, name);
            }

            private T ParseEnum<T>(JToken t, string name)
                where T : struct
            {
                var s = t.Type == JTokenType.String ? t.Value<string>() : null;
                if (s is not null && Enum.TryParse<T>(s, ignoreCase: false, out var v) && Enum.IsDefined(typeof(T), v) && !char.IsDigit(s[0]))
                {
                    return v;
                }

                throw Fail(_file, t, $"'{name}' must be one of {string.Join(", ", Enum.GetNames(typeof(T)))}, not {t.ToString(Formatting.None)}.");
            }
        }
    }
}
