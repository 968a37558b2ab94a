using System.Collections.Generic;
using System.IO;

namespace ModelLifecycle.Core.References.Ignore
{
    /// <summary>
    /// The .gitignore files in force for a directory: its own and those of its ancestors, innermost first.
    /// Git's precedence: the innermost file with a matching rule decides, and within a file the last matching
    /// rule wins (so "!keep.log" after "*.log" re-includes). A directory that is ignored is never entered,
    /// so nothing below it can be re-included, also as in git.
    /// </summary>
    /// <remarks>
    /// A .gitignore of hundreds of rules is mostly names ("bin", "Thumbs.db"), extensions ("*.pyc") and
    /// anchored paths ("/docs/_build"). Each level files such rules under the one name or extension an
    /// entry must have for them to match (<see cref="GlobPattern.NameKey"/>, <see cref="GlobPattern.ExtensionKey"/>),
    /// so an entry is tried against the rules of its name and of its extension and against the others
    /// only: the same last matching rule as trying them all, found without trying most of them.
    /// </remarks>
    internal sealed class IgnoreStack
    {
        private readonly IgnoreStack? parent;
        private readonly string basePath;
        private readonly IgnoreRule[] rules;
        private readonly Dictionary<string, int[]> byName;
        private readonly Dictionary<string, int[]> byExtension;
        private readonly int[] others;
        private readonly bool anyExtensions;

        /// <param name="directory">Full path of the directory the rules belong to.</param>
        public IgnoreStack(IgnoreStack? parent, string directory, IReadOnlyList<IgnoreRule> rules)
        {
            this.parent = parent;
            basePath = directory.EndsWith(Path.DirectorySeparatorChar.ToString(), System.StringComparison.Ordinal)
                ? directory
                : directory + Path.DirectorySeparatorChar;
            this.rules = new IgnoreRule[rules.Count];
            var names = new Dictionary<string, List<int>>(GlobPattern.KeyComparer);
            var extensions = new Dictionary<string, List<int>>(GlobPattern.KeyComparer);
            var rest = new List<int>();
            for (int i = 0; i < rules.Count; i++)
            {
                IgnoreRule rule = rules[i];
                this.rules[i] = rule;
                if (rule.Glob.NameKey is string name)
                {
                    Add(names, name, i);
                }
                else if (rule.Glob.ExtensionKey is string extension)
                {
                    Add(extensions, extension, i);
                }
                else
                {
                    rest.Add(i);
                }
            }

            byName = Freeze(names);
            byExtension = Freeze(extensions);
            anyExtensions = byExtension.Count > 0;
            others = rest.ToArray();
        }

        public bool IsIgnored(string fullPath, string name, bool isDirectory)
        {
            string? extension = null;
            bool extensionKnown = false;
            for (IgnoreStack? level = this; level != null; level = level.parent)
            {
                if (level.anyExtensions && !extensionKnown)
                {
                    extension = GlobPattern.ExtensionOf(name);
                    extensionKnown = true;
                }

                int decided = level.LastMatch(fullPath, name, extension, isDirectory);
                if (decided >= 0)
                {
                    return !level.rules[decided].Negated;
                }
            }

            return false;
        }

        /// <summary>The index of this level's last rule that matches, or -1.</summary>
        private int LastMatch(string fullPath, string name, string? extension, bool isDirectory)
        {
            if (!fullPath.StartsWith(basePath, System.StringComparison.Ordinal))
            {
                return LastMatchOneByOne(fullPath, name, isDirectory); // cannot happen in a walk
            }

            string? relative = null;
            int best = -1;
            if (byName.Count > 0 && byName.TryGetValue(name, out int[]? candidates))
            {
                best = LastOf(candidates, best, fullPath, name, isDirectory, ref relative);
            }

            if (extension != null && byExtension.Count > 0 && byExtension.TryGetValue(extension, out candidates))
            {
                best = LastOf(candidates, best, fullPath, name, isDirectory, ref relative);
            }

            return LastOf(others, best, fullPath, name, isDirectory, ref relative);
        }

        /// <summary>The highest of <paramref name="best"/> and the indices in <paramref name="candidates"/> (ascending) whose rule matches.</summary>
        private int LastOf(int[] candidates, int best, string fullPath, string name, bool isDirectory, ref string? relative)
        {
            for (int j = candidates.Length - 1; j >= 0; j--)
            {
                int i = candidates[j];
                if (i <= best)
                {
                    break;
                }

                IgnoreRule rule = rules[i];
                if (rule.DirectoryOnly && !isDirectory)
                {
                    continue;
                }

                if (!rule.MatchesName && relative == null)
                {
                    relative = RelativeBelowBase(fullPath);
                }

                if (rule.IsMatch(name, relative!))
                {
                    return i;
                }
            }

            return best;
        }

        /// <summary>Every rule from the last, for a path that is not below this level's directory.</summary>
        private int LastMatchOneByOne(string fullPath, string name, bool isDirectory)
        {
            for (int i = rules.Length - 1; i >= 0; i--)
            {
                IgnoreRule rule = rules[i];
                if (rule.DirectoryOnly && !isDirectory)
                {
                    continue;
                }

                if (!rule.MatchesName)
                {
                    return -1; // no path relative to this level to match
                }

                if (rule.IsMatch(name, name))
                {
                    return i;
                }
            }

            return -1;
        }

        private string RelativeBelowBase(string fullPath)
        {
            string relative = fullPath.Substring(basePath.Length);
            return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
        }

        private static void Add(Dictionary<string, List<int>> buckets, string key, int index)
        {
            if (!buckets.TryGetValue(key, out List<int>? list))
            {
                buckets[key] = list = new List<int>();
            }

            list.Add(index);
        }

        private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> buckets)
        {
            var frozen = new Dictionary<string, int[]>(buckets.Count, GlobPattern.KeyComparer);
            foreach (KeyValuePair<string, List<int>> bucket in buckets)
            {
                frozen[bucket.Key] = bucket.Value.ToArray();
            }

            return frozen;
        }
    }
}
