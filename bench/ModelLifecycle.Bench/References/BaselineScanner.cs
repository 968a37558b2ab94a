using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ModelLifecycle.Core.References;
using ModelLifecycle.Core.References.Ignore;

namespace ModelLifecycle.Bench.References
{
    /// <summary>
    /// The yardstick the engine is measured against in-process: the straightforward way to write the
    /// search. The files are the engine's own (same walker, so the same .gitignore handling); each file is
    /// read whole, decoded to a string, split into lines, and every line is run through one compiled .NET
    /// Regex that encodes the engine's whole-token rule (<see cref="ReferenceScenario.TokenRegex"/>).
    /// Encoding and binary rules are the engine's: a UTF-16 BOM is decoded, a UTF-8 BOM skipped, a NUL in
    /// the first 256 KB means a binary file (not searched), a later NUL ends the search of that file.
    /// Files are searched in parallel, as many at once as the engine's workers.
    /// </summary>
    internal sealed class BaselineScanner
    {
        /// <summary>The engine's first read; a NUL inside it makes the file binary.</summary>
        private const int FirstChunk = 256 * 1024;

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        private readonly Regex regex;
        private readonly int parallelism;

        public BaselineScanner(IEnumerable<string> patternTexts, int parallelism)
        {
            regex = new Regex(
                ReferenceScenario.TokenRegex(patternTexts),
                RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            this.parallelism = parallelism;
        }

        /// <summary>The regex each line runs through.</summary>
        public string Pattern => regex.ToString();

        /// <summary>Files the walker could not list or read; the scenario reports them.</summary>
        public int Errors { get; private set; }

        public List<MatchKey> Scan(string root)
        {
            var files = new List<FileWorkItem>();
            int errors = 0;
            var walker = new SourceTreeWalker(PhysicalFileSystem.Instance, noIgnore: false, PathFilter.None, _ => errors++);
            walker.Walk(root, files.Add, CancellationToken.None);
            Errors = errors;

            var found = new ConcurrentBag<List<MatchKey>>();
            Parallel.ForEach(
                files,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                () => new List<MatchKey>(),
                (file, _, local) =>
                {
                    SearchFile(file, local);
                    return local;
                },
                found.Add);

            var all = new List<MatchKey>();
            foreach (List<MatchKey> part in found)
            {
                all.AddRange(part);
            }

            return all;
        }

        private void SearchFile(FileWorkItem file, List<MatchKey> matches)
        {
            string? text = ReadText(File.ReadAllBytes(file.FullPath));
            if (text is null)
            {
                return;
            }

            int lineNumber = 1;
            int lineStart = 0;
            while (lineStart <= text.Length)
            {
                int newLine = text.IndexOf('\n', lineStart);
                int lineEnd = newLine < 0 ? text.Length : newLine;
                string line = text.Substring(lineStart, lineEnd - lineStart);
                for (Match m = regex.Match(line); m.Success; m = m.NextMatch())
                {
                    matches.Add(new MatchKey(file.DisplayPath, lineNumber, m.Index + 1, m.Value));
                }

                if (newLine < 0)
                {
                    break;
                }

                lineStart = newLine + 1;
                lineNumber++;
            }
        }

        /// <summary>The file's text by the engine's rules, or null for a binary file.</summary>
        private static string? ReadText(byte[] bytes)
        {
            if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                // UTF-16: the engine decides "binary" on the text as UTF-8, so do the same.
                Encoding utf16 = bytes[0] == 0xFF ? new UnicodeEncoding(false, false) : new UnicodeEncoding(true, false);
                bytes = Utf8.GetBytes(utf16.GetString(bytes, 2, bytes.Length - 2));
            }

            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            int nul = Array.IndexOf(bytes, (byte)0, start);
            if (nul >= 0 && nul < FirstChunk)
            {
                return null;
            }

            int end = nul >= 0 ? nul : bytes.Length;
            return Utf8.GetString(bytes, start, end - start);
        }
    }
}
