using System;
using System.IO;

namespace ModelLifecycle.Core.Reporting
{
    public enum ReportFormat
    {
        Html,
        Markdown,
        Calendar,
    }

    public static class ReportFormats
    {
        /// <summary>The format a file name asks for: .html/.htm, .md/.markdown, .ics; null for anything else.</summary>
        public static ReportFormat? FromExtension(string path)
        {
            switch (Path.GetExtension(path ?? string.Empty).ToLowerInvariant())
            {
                case ".html":
                case ".htm":
                    return ReportFormat.Html;
                case ".md":
                case ".markdown":
                    return ReportFormat.Markdown;
                case ".ics":
                    return ReportFormat.Calendar;
                default:
                    return null;
            }
        }

        /// <summary>-Format when given, else the extension's; an unknown extension without -Format is an error.</summary>
        public static ReportFormat Resolve(string path, ReportFormat? format)
        {
            if (format is ReportFormat f)
            {
                return f;
            }

            return FromExtension(path) ?? throw new ModelLifecycleException(
                ReportErrorIds.ReportFormatUnknown,
                ErrorKind.InvalidArgument,
                $"Cannot tell the report format from the file name '{Path.GetFileName(path)}'. Use a .html, .md or .ics extension, or -Format Html, Markdown or Calendar.",
                path)
            {
                RecommendedAction = "Add -Format Html, -Format Markdown or -Format Calendar.",
            };
        }

        public static IReportWriter WriterFor(ReportFormat format, int warningDays)
        {
            switch (format)
            {
                case ReportFormat.Html:
                    return new HtmlReportWriter();
                case ReportFormat.Markdown:
                    return new MarkdownReportWriter();
                case ReportFormat.Calendar:
                    return new CalendarReportWriter(warningDays);
                default:
                    throw new ArgumentOutOfRangeException(nameof(format));
            }
        }
    }

    /// <summary>Lays a report out in one format.</summary>
    public interface IReportWriter
    {
        void Write(ModelLifecycleReport report, TextWriter output);
    }
}
