using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace ModelLifecycle.Core
{
    /// <summary>
    /// Says in the module's own words why text is not JSON, and where: the JSON library's messages
    /// name its internals ("JsonReader", "Path '...'") and are not what a user of a data file needs.
    /// </summary>
    public static class JsonSyntax
    {
        /// <summary>The line, position (both 1-based) and problem for text the JSON reader refused.</summary>
        public static (int Line, int Position, string Problem) Describe(string json, JsonReaderException error)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                return (1, 1, "the file is empty; it must hold one JSON object.");
            }

            if (FirstDuplicateName(json) is { } duplicate)
            {
                return (duplicate.Line, duplicate.Position, $"the property '{duplicate.Name}' appears twice in one object.");
            }

            // The reader's position is the 0-based column of the character it could not take, or, inside a
            // word it could not read (tru), the column just after it: the user is shown where that starts.
            var lineStart = LineStart(json, Math.Max(1, error.LineNumber));
            var index = lineStart < 0 ? json.Length : Math.Min(json.Length, lineStart + Math.Max(0, error.LinePosition));
            if (index > 0 && index <= json.Length && IsWordChar(json[index - 1]) && (index == json.Length || !IsWordChar(json[index])))
            {
                while (index > 0 && IsWordChar(json[index - 1]))
                {
                    index--;
                }
            }

            while (index < json.Length && char.IsWhiteSpace(json[index]))
            {
                index++;
            }

            if (index >= json.Length)
            {
                var (endLine, endPosition) = LineAndPosition(json, json.TrimEnd().Length);
                return (endLine, endPosition, "the JSON is malformed: it ends before it is complete (a closing '}', ']' or '\"' may be missing).");
            }

            var c = json[index];
            var (line, position) = LineAndPosition(json, index);
            var problem = "the JSON is malformed: unexpected " + Show(c);
            problem += c switch
            {
                '}' or ']' => " (a value may be missing, or a comma is left before it).",
                '\'' => " (strings and names are written in double quotes).",
                ',' or ':' => " (a value may be missing before it).",
                _ when char.IsLetter(c) => " (names and text values are written in double quotes; a comma may be missing before it, or there is more after the end).",
                '"' or '{' or '[' => " (a comma may be missing before it).",
                _ => ".",
            };
            return (line, position, problem);
        }

        private static string Show(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : "'" + c + "'";

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '-' || c == '.' || c == '_';

        /// <summary>The 1-based line and position of the character at the 0-based <paramref name="index"/>.</summary>
        private static (int Line, int Position) LineAndPosition(string json, int index)
        {
            var line = 1;
            var start = 0;
            for (var i = 0; i < index && i < json.Length; i++)
            {
                if (json[i] == '\n')
                {
                    line++;
                    start = i + 1;
                }
            }

            return (line, index - start + 1);
        }

        /// <summary>The 0-based index where a 1-based line starts; -1 when the text has fewer lines.</summary>
        private static int LineStart(string json, int line)
        {
            var start = 0;
            for (var l = 1; l < line; l++)
            {
                var next = json.IndexOf('\n', start);
                if (next < 0)
                {
                    return -1;
                }

                start = next + 1;
            }

            return start;
        }

        /// <summary>The first property name that appears twice in one object, with where its second mention is.</summary>
        private static (int Line, int Position, string Name)? FirstDuplicateName(string json)
        {
            var open = new Stack<HashSet<string>>();
            try
            {
                using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonToken.StartObject:
                            open.Push(new HashSet<string>(StringComparer.Ordinal));
                            break;
                        case JsonToken.EndObject:
                            open.Pop();
                            break;
                        case JsonToken.PropertyName when open.Count > 0:
                            var name = (string)reader.Value!;
                            if (!open.Peek().Add(name))
                            {
                                return (reader.LineNumber, reader.LinePosition, name);
                            }

                            break;
                    }
                }
            }
            catch (JsonReaderException)
            {
                // A syntax error before any repeated name: described from the original error.
            }

            return null;
        }
    }
}
