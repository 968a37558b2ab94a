using System.Collections.Generic;
using System.IO;

namespace ModelLifecycle.Core.References
{
    /// <summary>One entry of a directory listing, as the walker needs it.</summary>
    internal readonly struct SourceEntry
    {
        public SourceEntry(string fullPath, string name, bool isDirectory, bool isSymbolicLink, long length)
        {
            FullPath = fullPath;
            Name = name;
            IsDirectory = isDirectory;
            IsSymbolicLink = isSymbolicLink;
            Length = length;
        }

        public string FullPath { get; }

        public string Name { get; }

        public bool IsDirectory { get; }

        /// <summary>A symbolic link or other reparse point; the walker does not follow these.</summary>
        public bool IsSymbolicLink { get; }

        /// <summary>Size in bytes for files; 0 for directories and for special files (FIFOs, devices).</summary>
        public long Length { get; }
    }

    /// <summary>
    /// The file-system calls the scanner makes, behind a seam so that tests can make a read or a listing
    /// fail (tests run as root, for whom permission bits do not provoke failures).
    /// </summary>
    internal interface ISourceFileSystem
    {
        /// <summary>True when <paramref name="path"/> is a file (links followed), with its size.</summary>
        bool TryGetFileLength(string path, out long length);

        bool DirectoryExists(string path);

        IEnumerable<SourceEntry> EnumerateDirectory(string path);

        Stream OpenRead(string path);
    }
}
