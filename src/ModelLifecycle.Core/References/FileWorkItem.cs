namespace ModelLifecycle.Core.References
{
    /// <summary>A file the walker found for the workers.</summary>
    internal sealed class FileWorkItem
    {
        public FileWorkItem(string fullPath, string displayPath, long length)
        {
            FullPath = fullPath;
            DisplayPath = displayPath;
            Length = length;
        }

        public string FullPath { get; }

        /// <summary>What <see cref="ReferenceMatch.Path"/> shows: the root as given, joined with the rest.</summary>
        public string DisplayPath { get; }

        /// <summary>Size when listed, or -1 when unknown.</summary>
        public long Length { get; }
    }
}
