using System.Collections.Generic;
using System.Linq;

namespace ModelLifecycle.Core.References.Ignore
{
    /// <summary>
    /// The caller's -Include and -Exclude globs. They use the gitignore syntax of <see cref="GlobPattern"/>
    /// against the path relative to the search root (or the name alone for a glob without '/'); a trailing
    /// '/' limits an exclude glob to directories. Includes filter files only, so that "*.cs" still lets the
    /// walk enter every directory.
    /// </summary>
    internal sealed class PathFilter
    {
        private readonly List<Glob> include;
        private readonly List<Glob> exclude;

        public PathFilter(IEnumerable<string> include, IEnumerable<string> exclude)
        {
            this.include = include.Select(Glob.Parse).Where(g => g != null).Select(g => g!).ToList();
            this.exclude = exclude.Select(Glob.Parse).Where(g => g != null).Select(g => g!).ToList();
        }

        public static readonly PathFilter None = new PathFilter(new string[0], new string[0]);

        public bool IncludesFile(string relativePath, string name) =>
            (include.Count == 0 || include.Any(g => g.IsMatch(relativePath, name, false)))
            && !exclude.Any(g => g.IsMatch(relativePath, name, false));

        public bool IncludesDirectory(string relativePath, string name) =>
            !exclude.Any(g => g.IsMatch(relativePath, name, true));

        private sealed class Glob
        {
            private readonly GlobPattern pattern;
            private readonly bool matchesName;
            private readonly bool directoryOnly;

            private Glob(GlobPattern pattern, bool matchesName, bool directoryOnly)
            {
                this.pattern = pattern;
                this.matchesName = matchesName;
                this.directoryOnly = directoryOnly;
            }

            public static Glob? Parse(string text)
            {
                // On Windows '\' is the separator people type; elsewhere it escapes a wildcard.
                string glob = (System.IO.Path.DirectorySeparatorChar == '\\' ? text.Replace('\\', '/') : text).Trim();
                bool directoryOnly = glob.EndsWith("/", System.StringComparison.Ordinal);
                glob = glob.TrimEnd('/');
                bool matchesName = glob.IndexOf('/') < 0;
                glob = glob.TrimStart('/');
                if (glob.StartsWith("./", System.StringComparison.Ordinal))
                {
                    glob = glob.Substring(2);
                }

                return glob.Length == 0 ? null : new Glob(new GlobPattern(glob), matchesName, directoryOnly);
            }

            public bool IsMatch(string relativePath, string name, bool isDirectory) =>
                (!directoryOnly || isDirectory) && pattern.IsMatch(matchesName ? name : relativePath);
        }
    }
}
