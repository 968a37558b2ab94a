using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit.Sdk;

namespace ModelLifecycle.Core.Tests.TestSupport
{
    /// <summary>
    /// Compares two JSON documents by shape: the same member names at the same nesting, arrays of
    /// the same length, values of the same JSON type and, unless told otherwise, equal values.
    /// </summary>
    public sealed class JsonShape
    {
        private readonly HashSet<string> allowedExtras = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> valuesIgnored = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Members (by name, at any depth) that the actual document may have and the expected lacks.</summary>
        public JsonShape AllowExtra(params string[] names)
        {
            allowedExtras.UnionWith(names);
            return this;
        }

        /// <summary>Members (by name, at any depth) whose values are not compared, only their types.</summary>
        public JsonShape IgnoreValuesOf(params string[] names)
        {
            valuesIgnored.UnionWith(names);
            return this;
        }

        public void AssertMatches(JToken expected, JToken? actual)
        {
            var differences = new List<string>();
            Compare(expected, actual, "$", compareValue: true, differences);
            if (differences.Count > 0)
            {
                throw new XunitException("JSON shapes differ:\n  " + string.Join("\n  ", differences.Take(30)) + "\nactual: " + actual);
            }
        }

        private void Compare(JToken expected, JToken? actual, string path, bool compareValue, List<string> differences)
        {
            if (actual == null)
            {
                differences.Add($"{path}: missing");
                return;
            }

            if (Kind(expected) != Kind(actual))
            {
                differences.Add($"{path}: expected {expected.Type}, got {actual.Type}");
                return;
            }

            switch (expected)
            {
                case JObject expectedObject:
                    var actualObject = (JObject)actual;
                    foreach (JProperty member in expectedObject.Properties())
                    {
                        JProperty? other = actualObject.Property(member.Name, StringComparison.Ordinal);
                        if (other == null)
                        {
                            differences.Add($"{path}.{member.Name}: missing");
                            continue;
                        }

                        Compare(member.Value, other.Value, path + "." + member.Name, compareValue && !valuesIgnored.Contains(member.Name), differences);
                    }

                    foreach (JProperty member in actualObject.Properties())
                    {
                        if (expectedObject.Property(member.Name, StringComparison.Ordinal) == null && !allowedExtras.Contains(member.Name))
                        {
                            differences.Add($"{path}.{member.Name}: not expected");
                        }
                    }

                    break;
                case JArray expectedArray:
                    var actualArray = (JArray)actual;
                    if (expectedArray.Count != actualArray.Count)
                    {
                        differences.Add($"{path}: expected {expectedArray.Count} items, got {actualArray.Count}");
                        return;
                    }

                    for (int i = 0; i < expectedArray.Count; i++)
                    {
                        Compare(expectedArray[i], actualArray[i], $"{path}[{i}]", compareValue, differences);
                    }

                    break;
                default:
                    if (compareValue && !JToken.DeepEquals(Normalize(expected), Normalize(actual)))
                    {
                        differences.Add($"{path}: expected {expected.ToString(Newtonsoft.Json.Formatting.None)}, got {actual.ToString(Newtonsoft.Json.Formatting.None)}");
                    }

                    break;
            }
        }

        // 300 and 300.0 are the same JSON number.
        private static JToken Normalize(JToken value) =>
            value.Type is JTokenType.Integer or JTokenType.Float ? new JValue(value.Value<decimal>()) : value;

        private static string Kind(JToken token) => token.Type switch
        {
            JTokenType.Integer or JTokenType.Float => "number",
            JTokenType.String or JTokenType.Date or JTokenType.Guid or JTokenType.Uri or JTokenType.TimeSpan => "string",
            _ => token.Type.ToString(),
        };
    }
}
