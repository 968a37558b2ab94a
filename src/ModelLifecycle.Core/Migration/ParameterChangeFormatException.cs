namespace ModelLifecycle.Core.Migration
{
    /// <summary>A parameter-changes file that cannot be used: names the file, the position and the problem.</summary>
    public sealed class ParameterChangeFormatException : DataFileFormatException
    {
        public ParameterChangeFormatException(string file, int line, int position, string problem, System.Exception? inner = null)
            : base("ParameterChangeFileInvalid", "parameter-changes file", file, line, position, problem, inner)
        {
        }
    }
}
