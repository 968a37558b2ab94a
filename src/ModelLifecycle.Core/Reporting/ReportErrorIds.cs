namespace ModelLifecycle.Core.Reporting
{
    /// <summary>The FullyQualifiedErrorIds of Export-ModelLifecycleReport, stable for scripts to filter on.</summary>
    public static class ReportErrorIds
    {
        public const string ReportFormatUnknown = "ReportFormatUnknown";
        public const string ReportFileExists = "ReportFileExists";
        public const string ReportFileReadOnly = "ReportFileReadOnly";
        public const string ReportDirectoryNotFound = "ReportDirectoryNotFound";
        public const string ReportPathIsDirectory = "ReportPathIsDirectory";
        public const string ReportPathNotInFileSystem = "ReportPathNotInFileSystem";
        public const string ReportWriteFailed = "ReportWriteFailed";
        public const string ReportInputNotSupported = "ReportInputNotSupported";
    }
}
