namespace ModelLifecycle.Core.Catalog
{
    /// <summary>A catalog file that cannot be used: names the file, the position and the problem.</summary>
    public sealed class CatalogFormatException : DataFileFormatException
    {
        public CatalogFormatException(string file, int line, int position, string problem, System.Exception? inner = null)
            : base("CatalogFileInvalid", "catalog file", file, line, position, problem, inner)
        {
        }
    }
}
