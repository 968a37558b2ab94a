using System.Collections.Generic;
using System.IO;

namespace ModelLifecycle.Core.References
{
    internal sealed class PhysicalFileSystem : ISourceFileSystem
    {
        public static readonly PhysicalFileSystem Instance = new PhysicalFileSystem();

        public bool TryGetFileLength(string path, out long length)
        {
            var file = new FileInfo(path);
            bool exists = file.Exists;
            length = exists ? file.Length : 0;
            return exists;
        }

        public bool DirectoryExists(string path) => Directory.Exists(path);

        public IEnumerable<SourceEntry> EnumerateDirectory(string path)
        {
            foreach (FileSystemInfo info in new DirectoryInfo(path).EnumerateFileSystemInfos())
            {
                if (TryDescribe(info, out SourceEntry entry))
                {
                    yield return entry;
                }
            }
        }

        // No FileStream buffer (bufferSize 1): the searcher reads straight into its own chunk buffer.
        // FileShare.ReadWrite | Delete: a file being written or deleted by an editor is still readable.
        public Stream OpenRead(string path) =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);

        private static bool TryDescribe(FileSystemInfo info, out SourceEntry entry)
        {
            try
            {
                FileAttributes attributes = info.Attributes;
                bool isDirectory = (attributes & FileAttributes.Directory) != 0;
                bool isLink = (attributes & FileAttributes.ReparsePoint) != 0;
                long length = !isDirectory && !isLink && info is FileInfo file ? file.Length : 0;
                entry = new SourceEntry(info.FullName, info.Name, isDirectory, isLink, length);
                return true;
            }
            catch (FileNotFoundException)
            {
                // Deleted between the listing and the look at it: nothing to search.
                entry = default;
                return false;
            }
        }
    }
}
