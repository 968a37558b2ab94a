using System;
using System.IO;
using System.Text;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Presents a UTF-16 file (its BOM already consumed) as UTF-8, so that one byte searcher serves every
    /// encoding; ripgrep does the same. Line numbers and columns survive because columns are counted in
    /// decoded characters, which transcoding keeps.
    /// </summary>
    internal sealed class Utf16ToUtf8Stream : Stream
    {
        private readonly Stream inner;
        private readonly Decoder decoder;
        private readonly Encoder encoder = new UTF8Encoding(false).GetEncoder();
        private readonly byte[] raw = new byte[64 * 1024];
        private readonly char[] chars;
        private readonly byte[] encoded;
        private byte[]? prefix;
        private int encodedPosition;
        private int encodedLength;
        private bool innerDone;
        private bool flushed;

        /// <param name="inner">The file, positioned anywhere after the BOM.</param>
        /// <param name="prefix">Bytes already read from the file after the BOM, delivered first.</param>
        public Utf16ToUtf8Stream(Stream inner, bool bigEndian, byte[] prefix)
        {
            this.inner = inner;
            this.prefix = prefix.Length > 0 ? prefix : null;
            decoder = (bigEndian ? new UnicodeEncoding(true, false) : new UnicodeEncoding(false, false)).GetDecoder();
            chars = new char[Math.Max(raw.Length, prefix.Length) / 2 + 2];
            encoded = new byte[chars.Length * 3 + 4];
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (encodedPosition == encodedLength)
            {
                if (flushed)
                {
                    return 0;
                }

                Transcode();
            }

            int n = Math.Min(count, encodedLength - encodedPosition);
            Buffer.BlockCopy(encoded, encodedPosition, buffer, offset, n);
            encodedPosition += n;
            return n;
        }

        private void Transcode()
        {
            byte[] source;
            int length;
            if (prefix != null)
            {
                source = prefix;
                length = prefix.Length;
                prefix = null;
            }
            else
            {
                source = raw;
                length = innerDone ? 0 : inner.Read(raw, 0, raw.Length);
                innerDone = length == 0;
            }

            // A surrogate pair or a byte pair split across reads is held by the decoder until the next call;
            // at the end, flush turns a dangling half into U+FFFD.
            int charCount = decoder.GetChars(source, 0, length, chars, 0, innerDone);
            encodedLength = encoder.GetBytes(chars, 0, charCount, encoded, 0, innerDone);
            encodedPosition = 0;
            flushed = innerDone;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
