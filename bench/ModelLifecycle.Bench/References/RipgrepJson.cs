using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ModelLifecycle.Bench.References
{
    /// <summary>
    /// Reads ripgrep's --json match messages. ripgrep reports byte offsets into the line as UTF-8 (a UTF-16
    /// file is transcoded first); the engine reports UTF-16 columns of the decoded line, so each offset is
    /// turned into the length of the decoded line prefix.
    /// </summary>
    internal static class RipgrepJson
    {
        public static IEnumerable<MatchKey> Matches(string jsonLine)
        {
            using JsonDocument document = JsonDocument.Parse(jsonLine);
            JsonElement message = document.RootElement;
            if (message.GetProperty("type").GetString() != "match")
            {
                yield break;
            }

            JsonElement data = message.GetProperty("data");
            string path = Text(data.GetProperty("path"));
            int lineNumber = data.GetProperty("line_number").GetInt32();
            byte[] line = Bytes(data.GetProperty("lines"));
            foreach (JsonElement submatch in data.GetProperty("submatches").EnumerateArray())
            {
                int start = submatch.GetProperty("start").GetInt32();
                int end = submatch.GetProperty("end").GetInt32();
                int column = Encoding.UTF8.GetCharCount(line, 0, start) + 1;
                yield return new MatchKey(path, lineNumber, column, Encoding.UTF8.GetString(line, start, end - start));
            }
        }

        private static string Text(JsonElement data) =>
            data.TryGetProperty("text", out JsonElement text) ? text.GetString()! : Encoding.UTF8.GetString(Convert.FromBase64String(data.GetProperty("bytes").GetString()!));

        private static byte[] Bytes(JsonElement data) =>
            data.TryGetProperty("text", out JsonElement text) ? Encoding.UTF8.GetBytes(text.GetString()!) : Convert.FromBase64String(data.GetProperty("bytes").GetString()!);
    }
}
