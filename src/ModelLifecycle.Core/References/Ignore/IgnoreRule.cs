using System.Collections.Generic;

namespace ModelLifecycle.Core.References.Ignore
{
    /// <summary>One line of a .gitignore.</summary>
    internal sealed class IgnoreRule
    {
        private readonly string text;

        private IgnoreRule(string text, bool textMatchesName, GlobPattern glob, bool negated, bool directoryOnly, bool matchesName)
        {
            this.text = text;
            TextMatchesName = textMatchesName;
            Glob = glob;
            Negated = negated;
            DirectoryOnly = directoryOnly;
            MatchesName = matchesName;
        }

        /// <summary>The pattern matched against <see cref="MatchesName"/>'s choice of name or path.</summary>
        public GlobPattern Glob { get; }

        /// <summary>The pattern as written (without '!', a leading '/' and trailing '/').</summary>
        public string Text => text;

        /// <summary>Whether <see cref="Text"/>, as written, matches the name (no '/' in the line but a trailing one).</summary>
        public bool TextMatchesName { get; }

        /// <summary>"!pattern": re-includes what an earlier rule excluded.</summary>
        public bool Negated { get; }

        /// <summary>"pattern/": applies to directories only.</summary>
        public bool DirectoryOnly { get; }

        /// <summary>
        /// A pattern without a '/' (other than a trailing one) matches an entry's name at any depth below the
        /// .gitignore; one with a '/' matches the path relative to the .gitignore's directory. "**/x" with no
        /// further '/' (nor "**") in x is the same as "x": it can match only a path's last segment, the name.
        /// </summary>
        public bool MatchesName { get; }

        public bool IsMatch(string name, string relativePath) => Glob.IsMatch(MatchesName ? name : relativePath);

        /// <summary>The rules of a .gitignore's text, in file order (later rules win).</summary>
        public static List<IgnoreRule> ParseFile(string text)
        {
            var rules = new List<IgnoreRule>();
            foreach (string rawLine in text.Split('\n'))
            {
                IgnoreRule? rule = ParseLine(rawLine);
                if (rule != null)
                {
                    rules.Add(rule);
                }
            }

            return rules;
        }

        /// <summary>One line; null for blank lines and comments.</summary>
        public static IgnoreRule? ParseLine(string line)
        {
            line = line.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                return null;
            }

            // Trailing spaces are dropped unless escaped ("foo\ ").
            int end = line.Length;
            while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\'))
            {
                end--;
            }

            line = line.Substring(0, end);
            bool negated = false;
            if (line.StartsWith("!", System.StringComparison.Ordinal))
            {
                negated = true;
                line = line.Substring(1);
            }
            else if (line.StartsWith("\\!", System.StringComparison.Ordinal) || line.StartsWith("\\#", System.StringComparison.Ordinal))
            {
                line = line.Substring(1);
            }

            bool directoryOnly = false;
            if (line.EndsWith("/", System.StringComparison.Ordinal))
            {
                directoryOnly = true;
                line = line.TrimEnd('/');
            }

            bool matchesName = line.IndexOf('/') < 0;
            line = line.TrimStart('/');
            if (line.Length == 0)
            {
                return null;
            }

            string glob = line;
            bool textMatchesName = matchesName;
            if (!matchesName && glob.Length > 3 && glob.StartsWith("**/", System.StringComparison.Ordinal)
                && glob.IndexOf('/', 3) < 0 && glob.IndexOf("**", 3, System.StringComparison.Ordinal) < 0)
            {
                glob = glob.Substring(3);
                matchesName = true;
            }

            return new IgnoreRule(line, textMatchesName, new GlobPattern(glob), negated, directoryOnly, matchesName);
        }

        public override string ToString() => (Negated ? "!" : string.Empty) + text + (DirectoryOnly ? "/" : string.Empty);
    }
}
