using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// The "find every call, then fix each one" step of a migration, done as data: in the files that name
    /// a migrating deployment or its source model, the request parameters that change for its target
    /// (max_tokens, response_format, "512x512", quality="hd" ...), each match carrying the change to make.
    /// A parameter is matched as a whole token; a value to map (MapValues) where it is written quoted or
    /// assigned to its parameter. Changes that add something (New) have nothing to find and are left to
    /// the plan; names shorter than three characters (n) are too common to search for.
    /// </summary>
    public static class ParameterChangeFinder
    {
        private const int MaxLine = 240;

        /// <summary>The parameter matches in <paramref name="files"/>, in file, line and column order.</summary>
        public static IEnumerable<ModelReference> Find(IEnumerable<string> files, MigrationPlan migration, DateTime asOf, IOperationSink sink, CancellationToken cancellationToken)
        {
            var rules = Rules(migration.ParameterChanges).ToList();
            if (rules.Count == 0)
            {
                yield break;
            }

            foreach (var file in files.Distinct(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                string[] lines;
                try
                {
                    lines = File.ReadAllLines(file, Encoding.UTF8);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    sink.WriteError(new ModelLifecycleException(ReferenceErrorIds.FileReadFailed, ErrorKind.ReadError, $"Cannot read '{file}': {ex.Message}", file, ex));
                    continue;
                }

                for (var i = 0; i < lines.Length; i++)
                {
                    var hits = new List<(int Column, string Text, ParameterChange Change)>();
                    foreach (var rule in rules)
                    {
                        foreach (Match m in rule.Pattern.Matches(lines[i]))
                        {
                            if (!hits.Any(h => h.Column == m.Index && ReferenceEquals(h.Change, rule.Change)))
                            {
                                hits.Add((m.Index, m.Value, rule.Change));
                            }
                        }
                    }

                    foreach (var hit in hits.OrderBy(h => h.Column))
                    {
                        yield return new ModelReference
                        {
                            Path = file,
                            LineNumber = i + 1,
                            Column = hit.Column + 1,
                            Line = Window(lines[i], hit.Column),
                            Match = hit.Text,
                            Kind = "Parameter",
                            Model = migration.SourceModel,
                            Version = migration.SourceVersion,
                            Change = hit.Change,
                            Replacement = new ModelRefList(migration.TargetModel is null ? Array.Empty<ModelRef>() : new[] { new ModelRef(migration.TargetModel, migration.TargetVersion) }),
                            AsOf = asOf,
                        };
                    }
                }
            }
        }

        private sealed class Rule
        {
            public Rule(Regex pattern, ParameterChange change)
            {
                Pattern = pattern;
                Change = change;
            }

            public Regex Pattern { get; }

            public ParameterChange Change { get; }
        }

        private static IEnumerable<Rule> Rules(IEnumerable<ParameterChange> changes)
        {
            foreach (var change in changes)
            {
                var parameter = change.Parameter;
                if (change.ChangeValue == ParameterChangeKind.New || parameter.StartsWith("(", StringComparison.Ordinal) || parameter.Length < 3)
                {
                    continue;
                }

                var name = Regex.Escape(parameter);
                if (change.ChangeValue == ParameterChangeKind.MapValues && !string.IsNullOrWhiteSpace(change.From))
                {
                    // The old value quoted anywhere ("512x512"), or assigned to the parameter (quality=hd, "quality": "hd").
                    var value = Regex.Escape(change.From!.Trim());
                    yield return new Rule(new Regex($"[\"']{value}[\"']|{name}[\"']?\\s*[=:]\\s*[\"']?{value}(?![A-Za-z0-9_])[\"']?", RegexOptions.CultureInvariant), change);
                }
                else
                {
                    yield return new Rule(new Regex($"(?<![A-Za-z0-9_]){name}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant), change);
                }
            }
        }

        private static string Window(string line, int column)
        {
            var text = line.TrimEnd('\r');
            if (text.Length <= MaxLine)
            {
                return text;
            }

            var start = Math.Max(0, Math.Min(column - (MaxLine / 2), text.Length - MaxLine));
            return (start > 0 ? "…" : string.Empty) + text.Substring(start, MaxLine) + (start + MaxLine < text.Length ? "…" : string.Empty);
        }
    }
}
