using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ModelLifecycle.Bench
{
    /// <summary>Where every scenario writes its results: one timestamped JSON file per run in bench/results (or --results).</summary>
    internal static class BenchResults
    {
        /// <summary>Writes <paramref name="results"/> as indented JSON and returns the file's path.</summary>
        public static string Write(string? directory, string prefix, object results)
        {
            directory ??= Path.Combine(RepositoryRoot(), "bench", "results");
            Directory.CreateDirectory(directory);
            string file = Path.Combine(directory, $"{prefix}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
            File.WriteAllText(file, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }), new UTF8Encoding(false));
            return file;
        }

        /// <summary>The folder with ModelLifecycle.sln above the running binary, else the current directory.</summary>
        private static string RepositoryRoot()
        {
            for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar)))
            {
                if (File.Exists(Path.Combine(dir, "ModelLifecycle.sln")))
                {
                    return dir;
                }
            }

            return Directory.GetCurrentDirectory();
        }
    }
}
