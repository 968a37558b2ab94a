using System;
using System.IO;
using ModelLifecycle.Core.Reporting;
using Xunit;
using static ModelLifecycle.Core.Tests.Reporting.ReportFixtures;

namespace ModelLifecycle.Core.Tests.Reporting
{
    public sealed class ReportFileTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("mlc-report-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private static ModelLifecycleReport Empty => new ReportBuilder(null).Build(null, AsOf, Generated);

        private static ModelLifecycleException Throws(Action action) => Assert.Throws<ModelLifecycleException>(action);

        [Theory]
        [InlineData("r.html", ReportFormat.Html)]
        [InlineData("r.HTM", ReportFormat.Html)]
        [InlineData("r.md", ReportFormat.Markdown)]
        [InlineData("r.ics", ReportFormat.Calendar)]
        public void The_extension_chooses_the_format(string name, ReportFormat expected) =>
            Assert.Equal(expected, ReportFormats.Resolve(name, null));

        [Fact]
        public void An_unknown_extension_needs_Format()
        {
            var ex = Throws(() => ReportFormats.Resolve("report.txt", null));
            Assert.Equal(ReportErrorIds.ReportFormatUnknown, ex.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
            Assert.Equal(ReportFormat.Markdown, ReportFormats.Resolve("report.txt", ReportFormat.Markdown));
        }

        [Fact]
        public void Writes_UTF8_without_a_byte_order_mark_and_replaces_an_existing_file()
        {
            var path = Path.Combine(_dir, "r.md");
            File.WriteAllText(path, "old");
            var file = ReportFile.Write(Empty, path, new MarkdownReportWriter(), new ReportFileOptions());
            Assert.Equal(path, file.FullName);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal((byte)'#', bytes[0]);
            Assert.Contains("No deployments", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_dir)); // no temporary file left behind
        }

        [Fact]
        public void NoClobber_refuses_an_existing_file_and_leaves_it_alone()
        {
            var path = Path.Combine(_dir, "r.md");
            File.WriteAllText(path, "old");
            var ex = Throws(() => ReportFile.Write(Empty, path, new MarkdownReportWriter(), new ReportFileOptions { NoClobber = true, Force = true }));
            Assert.Equal(ReportErrorIds.ReportFileExists, ex.ErrorId);
            Assert.Equal(ErrorKind.ResourceExists, ex.Kind);
            Assert.Equal("old", File.ReadAllText(path));
        }

        [Fact]
        public void A_read_only_file_needs_Force()
        {
            var path = Path.Combine(_dir, "r.md");
            File.WriteAllText(path, "old");
            File.SetAttributes(path, FileAttributes.ReadOnly);
            var ex = Throws(() => ReportFile.Check(path, new ReportFileOptions()));
            Assert.Equal(ReportErrorIds.ReportFileReadOnly, ex.ErrorId);
            Assert.Equal(ErrorKind.PermissionDenied, ex.Kind);

            ReportFile.Write(Empty, path, new MarkdownReportWriter(), new ReportFileOptions { Force = true });
            Assert.Contains("No deployments", File.ReadAllText(path));
        }

        [Fact]
        public void A_missing_directory_or_a_directory_as_the_path_is_an_error()
        {
            var missing = Throws(() => ReportFile.Check(Path.Combine(_dir, "nope", "r.md"), new ReportFileOptions()));
            Assert.Equal(ReportErrorIds.ReportDirectoryNotFound, missing.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, missing.Kind);

            var dir = Throws(() => ReportFile.Check(_dir, new ReportFileOptions()));
            Assert.Equal(ReportErrorIds.ReportPathIsDirectory, dir.ErrorId);
        }
    }
}
