using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using Newtonsoft.Json;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Searches a Jupyter notebook (.ipynb, nbformat 4) the way people read it: cell by cell, in the cell
    /// sources, so that line numbers, columns and the shown line are those of the source and not of its
    /// JSON encoding. Outputs and attachments are skipped; they hold results and base64 images, not code.
    /// The JSON is read as a stream, one cell source at a time, each searched with the worker's
    /// <see cref="FileSearcher"/>. A file that is not such a notebook is left to the caller to search as text.
    /// </summary>
    internal static class NotebookSearcher
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

        public static bool IsNotebook(string path) => path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);

        /// <summary>Searches every cell source; returns the number of bytes of source searched, or -1 when the file is not an nbformat 4 notebook.</summary>
        public static long Search(FileSearcher searcher, Stream stream, string path, Action<ReferenceMatch> emit, CancellationToken cancellation)
        {
            // Read it all first: an error part-way must not leave half of the matches emitted.
            var sources = new List<string>();
            try
            {
                using (var text = new StreamReader(stream, Utf8, true, 64 * 1024, leaveOpen: true))
                using (var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None })
                {
                    if (!json.Read() || json.TokenType != JsonToken.StartObject || !ReadCells(json, sources, cancellation))
                    {
                        return -1;
                    }
                }
            }
            catch (JsonException)
            {
                return -1;
            }

            long searched = 0;
            for (int i = 0; i < sources.Count; i++)
            {
                if (sources[i].Length == 0)
                {
                    continue;
                }

                int cell = i + 1;
                byte[] bytes = Utf8.GetBytes(sources[i]);
                searched += bytes.Length;
                using (var source = new MemoryStream(bytes, false))
                {
                    searcher.Search(source, bytes.Length, path, match => emit(match.InCell(cell)), cancellation);
                }
            }

            return searched;
        }

        /// <summary>Finds the top-level "cells" array and collects each cell's source ("" for a cell without one).</summary>
        private static bool ReadCells(JsonTextReader json, List<string> sources, CancellationToken cancellation)
        {
            bool found = false;
            while (json.Read() && json.TokenType == JsonToken.PropertyName)
            {
                string name = (string)json.Value!;
                json.Read();
                if (name == "cells" && json.TokenType == JsonToken.StartArray)
                {
                    found = true;
                    while (json.Read() && json.TokenType != JsonToken.EndArray)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        if (json.TokenType != JsonToken.StartObject)
                        {
                            return false;
                        }

                        sources.Add(ReadCellSource(json));
                    }
                }
                else
                {
                    json.Skip();
                }
            }

            return found;
        }

        private static string ReadCellSource(JsonTextReader json)
        {
            string source = string.Empty;
            while (json.Read() && json.TokenType == JsonToken.PropertyName)
            {
                string name = (string)json.Value!;
                json.Read();
                if (name == "source" && json.TokenType == JsonToken.String)
                {
                    source = (string)json.Value!;
                }
                else if (name == "source" && json.TokenType == JsonToken.StartArray)
                {
                    // nbformat 4 keeps a source as lines that end in "\n" (the last one without).
                    var builder = new StringBuilder();
                    while (json.Read() && json.TokenType != JsonToken.EndArray)
                    {
                        if (json.TokenType == JsonToken.String)
                        {
                            builder.Append((string)json.Value!);
                        }
                    }

                    source = builder.ToString();
                }
                else
                {
                    json.Skip();
                }
            }

            return source;
        }
    }
}
