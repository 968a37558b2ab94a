namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// The ErrorIds of the non-terminating errors a scan reports through
    /// <see cref="IOperationSink.WriteError"/>; the scan goes on after each.
    /// </summary>
    public static class ReferenceErrorIds
    {
        /// <summary>A path the caller named does not exist (ErrorKind.ObjectNotFound).</summary>
        public const string PathNotFound = "PathNotFound";

        /// <summary>A file could not be opened or read (ErrorKind.ReadError).</summary>
        public const string FileReadFailed = "FileReadFailed";

        /// <summary>A directory could not be listed; its subtree is skipped (ErrorKind.ReadError).</summary>
        public const string DirectoryReadFailed = "DirectoryReadFailed";

        /// <summary>A .gitignore could not be read; the directory is searched without its rules (ErrorKind.ReadError).</summary>
        public const string IgnoreFileReadFailed = "IgnoreFileReadFailed";

        /// <summary>
        /// A path the caller named is on a drive that is not the file system (Env:, Cert:); reported by
        /// Find-ModelReference, which resolves PowerShell paths before the scan (ErrorKind.InvalidArgument).
        /// </summary>
        public const string PathNotInFileSystem = "PathNotInFileSystem";

        /// <summary>A pattern, glob or option is unusable; thrown (terminating) before the scan starts.</summary>
        public const string InvalidReferencePattern = "InvalidReferencePattern";
    }
}
