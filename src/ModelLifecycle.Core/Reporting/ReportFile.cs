using System;
using System.IO;
using System.Text;

namespace ModelLifecycle.Core.Reporting
{
    /// <summary>How an existing file is treated, with Export-Csv's meaning of -Force and -NoClobber.</summary>
    public sealed class ReportFileOptions
    {
        /// <summary>Overwrite a read-only file too.</summary>
        public bool Force { get; set; }

        /// <summary>Never overwrite an existing file.</summary>
        public bool NoClobber { get; set; }
    }

    /// <summary>Writes a report to a file: checks first, then writes to a temporary file and moves it into place.</summary>
    public static class ReportFile
    {
        // UTF-8 without a byte order mark: browsers, Markdown renderers and calendar importers all expect that.
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public static FileInfo Write(ModelLifecycleReport report, string path, IReportWriter writer, ReportFileOptions options)
        {
            var full = Path.GetFullPath(path);
            Check(full, options);

            // A failure half-way leaves the old file as it was, not a truncated report.
            var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                using (var text = new StreamWriter(stream, Utf8))
                {
                    writer.Write(report, text);
                }

                if (File.Exists(full))
                {
                    if (options.Force)
                    {
                        File.SetAttributes(full, File.GetAttributes(full) & ~FileAttributes.ReadOnly);
                    }

                    File.Delete(full);
                }

                File.Move(temp, full);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                TryDelete(temp);
                throw new ModelLifecycleException(ReportErrorIds.ReportWriteFailed, ErrorKind.WriteError, $"Cannot write the report to '{full}': {ex.Message}", full, ex);
            }

            return new FileInfo(full);
        }

        /// <summary>Fails as <see cref="Write"/> would before anything is written: lets a command stop before it reads its input.</summary>
        public static void Check(string full, ReportFileOptions options)
        {
            if (Directory.Exists(full))
            {
                throw new ModelLifecycleException(ReportErrorIds.ReportPathIsDirectory, ErrorKind.InvalidArgument, $"'{full}' is a directory; give a file name such as '{Path.Combine(full, "report.html")}'.", full);
            }

            var directory = Path.GetDirectoryName(full);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            {
                throw new ModelLifecycleException(ReportErrorIds.ReportDirectoryNotFound, ErrorKind.ObjectNotFound, $"Cannot write '{full}' because the directory '{directory}' does not exist.", full)
                {
                    RecommendedAction = "Create the directory first (New-Item -ItemType Directory), or choose another -Path.",
                };
            }

            if (!File.Exists(full))
            {
                return;
            }

            if (options.NoClobber)
            {
                throw new ModelLifecycleException(ReportErrorIds.ReportFileExists, ErrorKind.ResourceExists, $"The file '{full}' already exists and -NoClobber was given.", full)
                {
                    RecommendedAction = "Leave out -NoClobber to replace it, or choose another -Path.",
                };
            }

            if ((File.GetAttributes(full) & FileAttributes.ReadOnly) != 0 && !options.Force)
            {
                throw new ModelLifecycleException(ReportErrorIds.ReportFileReadOnly, ErrorKind.PermissionDenied, $"The file '{full}' is read-only.", full)
                {
                    RecommendedAction = "Add -Force to replace a read-only file.",
                };
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
