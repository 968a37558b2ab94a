using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelLifecycle.Core.References.Ignore
{
    /// <summary>
    /// A gitignore-style wildcard pattern over '/'-separated paths: <c>*</c> and <c>?</c> never cross a
    /// '/', <c>[a-z]</c> and <c>[!a-z]</c> are classes, <c>\x</c> is a literal x, a leading <c>**/</c>
    /// matches in every directory, a trailing <c>/**</c> matches everything inside, and <c>/**/</c> matches
    /// zero or more directories. Any other <c>**</c> is an ordinary <c>*</c>, as in git.
    /// Case follows the platform's file system convention: insensitive on Windows, sensitive elsewhere.
    /// </summary>
    internal sealed class GlobPattern
    {
        private static readonly bool IgnoreCase = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        private static readonly char[] Wildcards = { '*', '?', '[', '\\' };
        private static readonly char[] WildcardsAndSlash = { '*', '?', '[', '\\', '/' };

        private readonly string? literal;
        private readonly string? suffix;
        private readonly string? prefix;
        private readonly Regex? regex;

        public GlobPattern(string pattern)
        {
            Pattern = pattern;
            if (pattern.IndexOfAny(Wildcards) < 0)
            {
                literal = pattern; // the common "node_modules", "bin", "docs/build"
                NameKey = pattern.Substring(pattern.LastIndexOf('/') + 1);
            }
            else if (pattern.Length > 1 && pattern[0] == '*' && pattern.IndexOfAny(WildcardsAndSlash, 1) < 0)
            {
                suffix = pattern.Substring(1); // the common "*.log"
                ExtensionKey = ExtensionOf(suffix);
            }
            else if (pattern.Length > 1 && pattern[pattern.Length - 1] == '*' && pattern.IndexOfAny(WildcardsAndSlash, 0, pattern.Length - 1) < 0)
            {
                prefix = pattern.Substring(0, pattern.Length - 1); // "tmp*": ^tmp[^/]*$
            }
            else
            {
                // "src/*.json", "x/**/*.json": the path's last segment, the entry's name, must end with ".json".
                int lastSlash = pattern.LastIndexOf('/');
                if (lastSlash >= 0 && lastSlash + 2 < pattern.Length && pattern[lastSlash + 1] == '*'
                    && pattern.IndexOfAny(WildcardsAndSlash, lastSlash + 2) < 0)
                {
                    ExtensionKey = ExtensionOf(pattern.Substring(lastSlash + 2));
                }

                var options = RegexOptions.CultureInvariant | (IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
                regex = new Regex(ToRegex(pattern), options);
            }
        }

        public string Pattern { get; }

        /// <summary>
        /// For a pattern without wildcards, the name every path it matches ends in (its last '/' segment):
        /// a path matches only if its last segment equals this, under <see cref="KeyComparer"/>.
        /// </summary>
        public string? NameKey { get; }

        /// <summary>
        /// For a pattern whose last segment is "*" and then literal text with a '.', such as "*.pyc",
        /// "*.sln.docstates" or "src/*.json": the extension (from the last '.') of every path's last segment it
        /// matches, under <see cref="KeyComparer"/>.
        /// </summary>
        public string? ExtensionKey { get; }

        /// <summary>How <see cref="NameKey"/> and <see cref="ExtensionKey"/> compare: the platform's case rule.</summary>
        public static StringComparer KeyComparer => IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        /// <summary>The text from a name's last '.' ("a.tar.gz" gives ".gz"); null without a '.'.</summary>
        public static string? ExtensionOf(string name)
        {
            int dot = name.LastIndexOf('.');
            return dot < 0 ? null : name.Substring(dot);
        }

        private static StringComparison Comparison => IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        public bool IsMatch(string path)
        {
            if (literal != null)
            {
                return string.Equals(path, literal, Comparison);
            }

            if (suffix != null)
            {
                return path.EndsWith(suffix, Comparison) && path.IndexOf('/') < 0;
            }

            if (prefix != null)
            {
                return path.StartsWith(prefix, Comparison) && path.IndexOf('/', prefix.Length) < 0;
            }

            return regex!.IsMatch(path);
        }

        public override string ToString() => Pattern;

        internal static string ToRegex(string pattern)
        {
            var sb = new StringBuilder("^");
            int i = 0;
            while (i < pattern.Length)
            {
                char c = pattern[i];
                if (c == '*' && At(pattern, i, "**"))
                {
                    bool slashBefore = i == 0 || pattern[i - 1] == '/';
                    bool slashAfter = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    bool atEnd = i + 2 == pattern.Length;
                    if (i == 0 && slashAfter)
                    {
                        sb.Append("(?:.*/)?"); // **/x: x in any directory
                        i += 3;
                    }
                    else if (slashBefore && slashAfter)
                    {
                        sb.Append("(?:.*/)?"); // a/**/b: zero or more directories (the '/' before is already out)
                        i += 3;
                    }
                    else if (slashBefore && atEnd)
                    {
                        sb.Append(i == 0 ? ".*" : ".+"); // a/**: everything inside a
                        i += 2;
                    }
                    else
                    {
                        sb.Append("[^/]*");
                        i += 2;
                        while (i < pattern.Length && pattern[i] == '*')
                        {
                            i++;
                        }
                    }
                }
                else if (c == '*')
                {
                    sb.Append("[^/]*");
                    i++;
                }
                else if (c == '?')
                {
                    sb.Append("[^/]");
                    i++;
                }
                else if (c == '[' && TryClass(pattern, i, sb, out int next))
                {
                    i = next;
                }
                else if (c == '\\' && i + 1 < pattern.Length)
                {
                    sb.Append(Regex.Escape(pattern[i + 1].ToString()));
                    i += 2;
                }
                else
                {
                    sb.Append(Regex.Escape(c.ToString()));
                    i++;
                }
            }

            return sb.Append('$').ToString();
        }

        private static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

        /// <summary>[...] with '!' or '^' negation and ranges; an unclosed '[' is a literal.</summary>
        private static bool TryClass(string pattern, int open, StringBuilder sb, out int next)
        {
            int i = open + 1;
            bool negated = i < pattern.Length && (pattern[i] == '!' || pattern[i] == '^');
            if (negated)
            {
                i++;
            }

            var body = new StringBuilder();
            bool first = true;
            while (i < pattern.Length && (pattern[i] != ']' || first))
            {
                char c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    c = pattern[++i];
                }

                // Inside a .NET class only these need escaping; '-' between two characters stays a range.
                if (c == '\\' || c == ']' || c == '[' || c == '^')
                {
                    body.Append('\\');
                }

                body.Append(c);
                first = false;
                i++;
            }

            if (i >= pattern.Length)
            {
                next = open;
                return false;
            }

            sb.Append(negated ? "[^/" : "[").Append(body).Append(']');
            next = i + 1;
            return true;
        }
    }
}
