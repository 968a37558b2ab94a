using System;
using System.IO;

namespace ModelLifecycle.Tests
{
    internal static class Repo
    {
        public static string Root { get; } = FindRoot();

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ModelLifecycle.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("ModelLifecycle.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
