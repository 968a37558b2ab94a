using System.Collections.Generic;
using System.IO;
using ModelLifecycle.Core.References;

namespace ModelLifecycle.Core.Tests.References
{
    /// <summary>The real file system, except that chosen files cannot be read and chosen directories cannot be listed.</summary>
    internal sealed class FailingFileSystem : ISourceFileSystem
    {
        private readonly HashSet<string> unreadable;
        private readonly HashSet<string> unlistable;

        public FailingFileSystem(IEnumerable<string> unreadableFiles, IEnumerable<string> unlistableDirectories)
        {
            unreadable = new HashSet<string>(unreadableFiles);
            unlistable = new HashSet<string>(unlistableDirectories);
        }

        public bool TryGetFileLength(string path, out long length) => PhysicalFileSystem.Instance.TryGetFileLength(path, out length);

        public bool DirectoryExists(string path) => PhysicalFileSystem.Instance.DirectoryExists(path);

        public IEnumerable<SourceEntry> EnumerateDirectory(string path)
        {
            if (unlistable.Contains(path))
            {
                throw new System.UnauthorizedAccessException("Access to the path is denied.");
            }

            return PhysicalFileSystem.Instance.EnumerateDirectory(path);
        }

        public Stream OpenRead(string path)
        {
            if (unreadable.Contains(path))
            {
                throw new IOException("Input/output error");
            }

            return PhysicalFileSystem.Instance.OpenRead(path);
        }
    }
}
