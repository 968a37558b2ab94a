using System.Globalization;

namespace ModelLifecycle.Core.Migration
{
    /// <summary>A parameter-changes file that cannot be used: names the file, the position and the problem.</summary>
    public sealed class ParameterChangeFormatException : ModelLifecycleException
    {
        public ParameterChangeFormatException(string file, int line, int position, string problem, System.Exception? inner = null)
            : base(
                "ParameterChangeFileInvalid",
                ErrorKind.InvalidData,
                string.Format(CultureInfo.InvariantCulture, "The parameter-changes file '{0}' is not valid at line {1}, position {2}: {3}", file, line, position, problem),
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
