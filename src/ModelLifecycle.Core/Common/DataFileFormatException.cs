using System.Globalization;

namespace ModelLifecycle.Core
{
    /// <summary>A data file of the module's own formats that cannot be used: names the file, the position and the problem.</summary>
    public abstract class DataFileFormatException : ModelLifecycleException
    {
        protected DataFileFormatException(string errorId, string whatFile, string file, int line, int position, string problem, System.Exception? inner)
            : base(
                errorId,
                ErrorKind.InvalidData,
                string.Format(CultureInfo.InvariantCulture, "The {0} '{1}' is not valid at line {2}, position {3}: {4}", whatFile, file, line, position, problem),
                file,
                inner)
        {
            File = file;
            Line = line;
            Position = position;
            Problem = problem;
        }

        public string File { get; }

        public int Line { get; }

        public int Position { get; }

        public string Problem { get; }
    }
}
