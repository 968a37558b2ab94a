using System;
using System.IO;
using System.Text;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>A scratch directory with helpers to lay files out; deleted on dispose.</summary>
    internal sealed class TempTree : IDisposable
    {
        public TempTree()
        {
            Root = Path.Combine(Path.GetTempPath(), "mlrefs-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

        public string Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

        public string Write(string relative, string text, Encoding encoding)
        {
            byte[] preamble = encoding.GetPreamble();
            byte[] body = encoding.GetBytes(text);
            var all = new byte[preamble.Length + body.Length];
            Buffer.BlockCopy(preamble, 0, all, 0, preamble.Length);
            Buffer.BlockCopy(body, 0, all, preamble.Length, body.Length);
            return WriteBytes(relative, all);
        }

        public string WriteBytes(string relative, byte[] bytes)
        {
            string path = PathOf(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public string MakeDirectory(string relative)
        {
            string path = PathOf(relative);
            Directory.CreateDirectory(path);
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
