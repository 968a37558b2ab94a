using System;
using System.IO;
using Xunit;

namespace ModelLifecycle.Core.Tests.Support
{
    /// <summary>Where the repository and the read-only reference folder beside it are.</summary>
    internal static class Repo
    {
        public static string Root { get; } = FindRoot();

        /// <summary>The reference folder next to the repository; absent on a user's clone.</summary>
        public static string SharedReference => Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));

        public static bool HasSharedReference => File.Exists(Path.Combine(SharedReference, "model-lifecycle-records.json"));

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ModelLifecycle.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Tests must run inside the repository (ModelLifecycle.sln not found above " + AppContext.BaseDirectory + ").");
        }
    }

    /// <summary>A fact that needs the shared reference records; skipped, with the reason, where they are absent.</summary>
    public sealed class FactNeedsReferenceAttribute : FactAttribute
    {
        public FactNeedsReferenceAttribute()
        {
            if (!Repo.HasSharedReference)
            {
                Skip = "The reference records (../shared/reference) are not beside this clone; this check only runs where they are.";
            }
        }
    }
}
