using System;
using System.IO;

namespace ModelLifecycle.Core.Tests.TestSupport
{
    /// <summary>
    /// Finds the repository root (the folder with ModelLifecycle.sln) from the test's output folder,
    /// and, where one exists, the folder of reference data beside the checkout (the public-source
    /// records the catalog is generated from, the official ARM example payloads). That data is not part
    /// of the repository; the tests that read it are skipped where it is absent.
    /// </summary>
    public static class RepoPaths
    {
        private static readonly Lazy<string?> RootValue = new Lazy<string?>(FindRoot);

        /// <summary>The repository root, or null when the tests run outside a checkout.</summary>
        public static string? Root => RootValue.Value;

        /// <summary>The reference-data folder beside the checkout, or null when it is not there.</summary>
        public static string? Shared
        {
            get
            {
                if (Root == null)
                {
                    return null;
                }

                string shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        /// <summary>The official ARM example payloads in the reference data, or null when they are not there.</summary>
        public static string? ArmExamples
        {
            get
            {
                string? shared = Shared;
                if (shared == null)
                {
                    return null;
                }

                string examples = Path.Combine(shared, "reference", "arm-examples");
                return Directory.Exists(examples) ? examples : null;
            }
        }

        private static string? FindRoot()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ModelLifecycle.sln")))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }
}
