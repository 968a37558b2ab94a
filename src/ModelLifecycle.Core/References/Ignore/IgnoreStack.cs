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
    internal sealed class IgnoreStack
    {
        private readonly IgnoreStack? parent;
        private readonly string basePath;
        private readonly IReadOnlyList<IgnoreRule> rules;

        /// <param name="directory">Full path of the directory the rules belong to.</param>
        public IgnoreStack(IgnoreStack? parent, string directory, IReadOnlyList<IgnoreRule> rules)
        {
            this.parent = parent;
            basePath = directory.EndsWith(Path.DirectorySeparatorChar.ToString(), System.StringComparison.Ordinal)
                ? directory
                : directory + Path.DirectorySeparatorChar;
            this.rules = rules;
        }

        public bool IsIgnored(string fullPath, string name, bool isDirectory)
        {
            for (IgnoreStack? level = this; level != null; level = level.parent)
            {
                string? relative = null;
                for (int i = level.rules.Count - 1; i >= 0; i--)
                {
                    IgnoreRule rule = level.rules[i];
                    if (rule.DirectoryOnly && !isDirectory)
                    {
                        continue;
                    }

                    if (!rule.MatchesName && relative == null)
                    {
                        relative = level.Relative(fullPath);
                        if (relative == null)
                        {
                            break; // not below this level's directory (cannot happen in a walk)
                        }
                    }

                    if (rule.IsMatch(name, relative!))
                    {
                        return !rule.Negated;
                    }
                }
            }

            return false;
        }

        private string? Relative(string fullPath)
        {
            if (!fullPath.StartsWith(basePath, System.StringComparison.Ordinal))
            {
                return null;
            }

            string relative = fullPath.Substring(basePath.Length);
            return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
        }
    }
}
