using System;
using System.IO;
using System.Text;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.CatalogGen
{
    /// <summary>
    /// Regenerates catalog/snapshot.json from the public-source records (model-lifecycle-records.json,
    /// openai-deprecations.json: transcriptions of Microsoft Learn's retirement pages and OpenAI's
    /// deprecations page), which are not part of this repository:
    ///   dotnet run --project tools/CatalogGen -- [--reference &lt;folder&gt;] [--check]
    /// Without --reference it looks in the reference-data folder beside the checkout.
    /// With --check it writes nothing and fails when the committed snapshot differs from what the
    /// records produce (drift).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string? reference = null;
            var check = false;
            var root = FindRepositoryRoot();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--reference" when i + 1 < args.Length:
                        reference = args[++i];
                        break;
                    case "--check":
                        check = true;
                        break;
                    default:
                        Console.Error.WriteLine("usage: CatalogGen --reference <folder with model-lifecycle-records.json and openai-deprecations.json> [--check]");
                        return 2;
                }
            }

            reference ??= Path.Combine(root, "..", "shared", "reference");
            var records = Path.Combine(reference, "model-lifecycle-records.json");
            var openAi = Path.Combine(reference, "openai-deprecations.json");
            if (!File.Exists(records) || !File.Exists(openAi))
            {
                Console.Error.WriteLine($"The reference records were not found in '{reference}'. Pass --reference <folder>.");
                return 2;
            }

            var curationPath = Path.Combine(root, "catalog", "curation.json");
            var catalog = SnapshotGenerator.Generate(
                File.ReadAllText(records),
                File.ReadAllText(openAi),
                File.Exists(curationPath) ? File.ReadAllText(curationPath) : null);
            var text = CatalogWriter.Write(catalog);
            var output = Path.Combine(root, "catalog", "snapshot.json");
            if (check)
            {
                var same = File.Exists(output) && File.ReadAllText(output) == text;
                Console.WriteLine(same ? "catalog/snapshot.json is up to date." : "catalog/snapshot.json differs from what the records produce; run CatalogGen.");
                return same ? 0 : 1;
            }

            File.WriteAllText(output, text, new UTF8Encoding(false));
            Console.WriteLine($"Wrote {catalog.Entries.Count} entries (snapshot {catalog.SnapshotDate:yyyy-MM-dd}) to catalog/snapshot.json.");
            return 0;
        }

        private static string FindRepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ModelLifecycle.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
