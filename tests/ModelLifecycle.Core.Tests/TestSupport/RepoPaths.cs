using System;
using System.IO;

namespace ModelLifecycle.Core.Tests.TestSupport
{
    /// <summary>
    /// Finds the repository root (the folder with ModelLifecycle.sln) from the test's output folder,
    /// and the read-only <c>shared/</c> folder that sits beside the repository.
    /// </summary>
    public static class RepoPaths
    {
        private static readonly Lazy<string?> RootValue = new Lazy<string?>(FindRoot);

        /// <summary>The repository root, or null when the tests run outside a checkout.</summary>
        public static string? Root => RootValue.Value;

        /// <summary>../shared relative to the repository root, or null when it is not there.</summary>
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

        /// <summary>shared/reference/arm-examples, or null when it is not there.</summary>
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
