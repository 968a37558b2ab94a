namespace ModelLifecycle.Core.Catalog
{
    /// <summary>Which data a deployment is judged on.</summary>
    public enum ModelData
    {
        /// <summary>The catalog the command loaded: the embedded snapshot with any -CatalogPath files laid over it.</summary>
        Catalog,

        /// <summary>That catalog with the deployment's location's live Models API data laid over it (-Live).</summary>
        Live,
    }
}
