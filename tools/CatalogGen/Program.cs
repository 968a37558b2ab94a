namespace ModelLifecycle.CatalogGen
{
    public static class Program
    {
        public static int Main(string[] args) => 0;
    }
}
