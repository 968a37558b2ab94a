using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace ModelLifecycle.Core.References
{
    /// <summary>What became of one file.</summary>
    internal enum FileSearchOutcome
    {
        Searched,

        /// <summary>A NUL byte in the first chunk: a binary file, not searched.</summary>
        Binary,

        /// <summary>Searched up to a NUL byte found after the first chunk; the rest was skipped.</summary>
        StoppedAtBinaryData,
    }

    /// <summary>
    /// Searches one file at a time in fixed-size chunks of raw bytes (one searcher per worker thread, so the
    /// chunk buffer is reused across files without pooling). A chunk is searched up to its last line break
    /// and the unfinished line is carried into the next chunk, so a line is never split and every match is
    /// seen exactly once. A line longer than a chunk is searched in overlapping windows: the carried tail is
    /// the longest pattern plus the look-ahead and look-behind the token rule needs, and only matches that
    /// start before the tail are taken from a window. Lines and columns are worked out only where a match is.
    /// </summary>
    internal sealed class FileSearcher
    {
        private const byte NewLine = (byte)'\n';
        private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

        private readonly CompiledPatternSet patterns;
        private readonly int maxLineLength;
        private readonly byte[] buffer;
        private readonly List<RawMatch> found = new List<RawMatch>();

        // Where the line bookkeeping stands inside the current buffer.
        private int lineNumber;
        private int countedTo;
        private int lineStart; // -1: the current line began in an earlier chunk
        private long droppedChars; // characters of the current line that lie before the buffer

        public FileSearcher(CompiledPatternSet patterns, int chunkSize, int maxLineLength)
        {
            this.patterns = patterns;
            this.maxLineLength = Math.Max(40, maxLineLength);

            // Room for a long-line window to advance: the carried tail must be a small part of a chunk.
            buffer = new byte[Math.Max(chunkSize, 4 * (patterns.MaxLength + 8))];
        }

        /// <summary>How many bytes of text the last search went through (0 for a binary file; up to the binary data for one that stopped there).</summary>
        public long TextBytes { get; private set; }

        /// <param name="expectedLength">The size the walker saw, or -1; reading stops there without an extra call.</param>
        public FileSearchOutcome Search(Stream stream, long expectedLength, string path, Action<ReferenceMatch> emit, CancellationToken cancellation)
        {
            TextBytes = 0;
            int dataEnd = Fill(stream, 0, expectedLength, out bool eof);
            if (dataEnd >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
            {
                // UTF-16 with a BOM: NUL bytes are normal there, so decide "binary" after transcoding.
                bool bigEndian = buffer[0] == 0xFE;
                var rest = new byte[dataEnd - 2];
                Buffer.BlockCopy(buffer, 2, rest, 0, rest.Length);
                using (var utf8 = new Utf16ToUtf8Stream(stream, bigEndian, rest))
                {
                    return SearchUtf8(utf8, Fill(utf8, 0, -1, out bool transcodedEof), transcodedEof, path, emit, cancellation);
                }
            }

            return SearchUtf8(stream, dataEnd, eof, path, emit, cancellation);
        }

        private FileSearchOutcome SearchUtf8(Stream stream, int dataEnd, bool eof, string path, Action<ReferenceMatch> emit, CancellationToken cancellation)
        {
            // A UTF-8 BOM is not text: columns count from after it.
            int contextStart = dataEnd >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            if (Array.IndexOf(buffer, (byte)0, contextStart, dataEnd - contextStart) >= 0)
            {
                return FileSearchOutcome.Binary;
            }

            var outcome = FileSearchOutcome.Searched;
            TextBytes = dataEnd;
            int searchStart = contextStart;
            lineNumber = 1;
            countedTo = contextStart;
            lineStart = contextStart;
            droppedChars = 0;

            while (true)
            {
                int searchEnd;
                bool longLine = false;
                if (eof)
                {
                    searchEnd = dataEnd;
                }
                else
                {
                    int lastNewLine = Array.LastIndexOf(buffer, NewLine, dataEnd - 1, dataEnd - searchStart);
                    if (lastNewLine >= 0)
                    {
                        searchEnd = lastNewLine + 1;
                    }
                    else
                    {
                        // One line fills the chunk. A match starting before searchEnd ends by dataEnd - 1,
                        // leaving the byte after it and the one after that for the token rule.
                        searchEnd = dataEnd - patterns.MaxLength - 1;
                        longLine = true;
                    }
                }

                found.Clear();
                patterns.Find(buffer, contextStart, dataEnd, searchStart, searchEnd, found);
                foreach (RawMatch match in found)
                {
                    emit(ToReferenceMatch(match, path, dataEnd, eof));
                }

                if (eof)
                {
                    return outcome;
                }

                cancellation.ThrowIfCancellationRequested();
                int carryFrom;
                if (longLine)
                {
                    // Keep two bytes before the next search start for the look-behind, and cut on a character
                    // boundary so that the dropped part's character count is exact.
                    carryFrom = Math.Max(contextStart, searchEnd - 2);
                    while (carryFrom > contextStart && (buffer[carryFrom] & 0xC0) == 0x80)
                    {
                        carryFrom--;
                    }

                    AdvanceLines(carryFrom);
                    int lineBegin = lineStart >= 0 ? lineStart : 0;
                    droppedChars += Utf8.GetCharCount(buffer, lineBegin, carryFrom - lineBegin);
                    lineStart = -1;
                }
                else
                {
                    carryFrom = searchEnd;
                    AdvanceLines(carryFrom);
                    lineStart = 0;
                    droppedChars = 0;
                }

                int carried = dataEnd - carryFrom;
                Buffer.BlockCopy(buffer, carryFrom, buffer, 0, carried);
                searchStart = longLine ? searchEnd - carryFrom : 0;
                countedTo = Math.Max(0, countedTo - carryFrom);
                contextStart = 0;

                dataEnd = carried + Fill(stream, carried, -1, out eof);
                int nul = Array.IndexOf(buffer, (byte)0, carried, dataEnd - carried);
                if (nul >= 0)
                {
                    // Binary data after text (an archive with a text header, say): search what came before
                    // it and stop, as ripgrep does.
                    dataEnd = nul;
                    eof = true;
                    outcome = FileSearchOutcome.StoppedAtBinaryData;
                }

                TextBytes += dataEnd - carried;
            }
        }

        /// <summary>Counts line breaks up to <paramref name="position"/> and remembers where the line begins.</summary>
        private void AdvanceLines(int position)
        {
            int from = countedTo;
            while (from < position)
            {
                int newLine = Array.IndexOf(buffer, NewLine, from, position - from);
                if (newLine < 0)
                {
                    break;
                }

                lineNumber++;
                lineStart = newLine + 1;
                from = newLine + 1;
            }

            if (position > countedTo)
            {
                countedTo = position;
            }
        }

        private ReferenceMatch ToReferenceMatch(RawMatch match, string path, int dataEnd, bool atEnd)
        {
            AdvanceLines(match.Start);
            int lineBegin = lineStart >= 0 ? lineStart : 0;
            long column = (lineStart >= 0 ? 0 : droppedChars) + Utf8.GetCharCount(buffer, lineBegin, match.Start - lineBegin) + 1;

            int lineEnd = Array.IndexOf(buffer, NewLine, match.Start, dataEnd - match.Start);
            bool lineGoesOn = lineEnd < 0 && !atEnd;
            if (lineEnd < 0)
            {
                lineEnd = dataEnd;
            }

            if (!lineGoesOn && lineEnd > lineBegin && buffer[lineEnd - 1] == '\r')
            {
                lineEnd--;
            }

            string line;
            if (lineStart >= 0 && !lineGoesOn && lineEnd - lineBegin <= maxLineLength)
            {
                line = Utf8.GetString(buffer, lineBegin, lineEnd - lineBegin);
            }
            else
            {
                line = Window(lineBegin, lineEnd, match, lineStart < 0, lineGoesOn);
            }

            ReferencePattern pattern = patterns.Patterns[match.PatternIndex];
            string text = Utf8.GetString(buffer, match.Start, match.Length);
            int patternLength = patterns.PatternLength(match.PatternIndex);
            string? version = match.Length > patternLength ? Utf8.GetString(buffer, match.Start + patternLength + 1, match.Length - patternLength - 1) : null;
            return new ReferenceMatch(path, lineNumber, (int)Math.Min(int.MaxValue, column), line, text, pattern.Key, pattern.Kind, version);
        }

        /// <summary>A piece of a long line around the match, cut on character boundaries, marked with "…".</summary>
        private string Window(int lineBegin, int lineEnd, RawMatch match, bool startsEarlier, bool goesOn)
        {
            int margin = Math.Max(0, (maxLineLength - match.Length) / 2);
            int from = Math.Max(lineBegin, match.Start - margin);
            int to = Math.Min(lineEnd, match.Start + match.Length + margin);
            while (from > lineBegin && (buffer[from] & 0xC0) == 0x80)
            {
                from--;
            }

            while (to < lineEnd && (buffer[to] & 0xC0) == 0x80)
            {
                to++;
            }

            string middle = Utf8.GetString(buffer, from, to - from);
            bool cutBefore = from > lineBegin || startsEarlier;
            bool cutAfter = to < lineEnd || goesOn;
            return (cutBefore ? "…" : string.Empty) + middle + (cutAfter ? "…" : string.Empty);
        }

        /// <summary>Reads until the buffer is full, the stream ends, or <paramref name="expectedLength"/> bytes are in.</summary>
        private int Fill(Stream stream, int offset, long expectedLength, out bool eof)
        {
            int total = 0;
            eof = false;
            while (offset + total < buffer.Length)
            {
                int n = stream.Read(buffer, offset + total, buffer.Length - offset - total);
                if (n == 0)
                {
                    eof = true;
                    break;
                }

                total += n;
                if (total == expectedLength)
                {
                    // The walker's size says this is all; skip the read that would return 0. A file that
                    // grew since it was listed is searched as it was then.
                    eof = true;
                    break;
                }
            }

            return total;
        }
    }
}
