using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelLifecycle.Core
{
    /// <summary>
    /// PowerShell-style wildcards (*, ?, [abc], [a-z]; backtick escapes), case-insensitive. The Core
    /// cannot use System.Management.Automation.WildcardPattern, so it has its own, with the same rules.
    /// </summary>
    public sealed class Wildcard
    {
        private readonly Regex? _regex;
        private readonly string _literal;

        public Wildcard(string pattern)
        {
            Pattern = pattern;
            _literal = pattern;
            if (ContainsWildcard(pattern))
            {
                _regex = new Regex("^" + ToRegex(pattern) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
            }
            else
            {
                _literal = pattern.Replace("`", string.Empty);
            }
        }

        public string Pattern { get; }

        public bool IsLiteral => _regex is null;

        public static bool ContainsWildcard(string pattern)
        {
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '`')
                {
                    i++;
                    continue;
                }

                if (c == '*' || c == '?' || c == '[')
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsMatch(string? value) =>
            value is not null && (_regex?.IsMatch(value) ?? string.Equals(value, _literal, StringComparison.OrdinalIgnoreCase));

        private static string ToRegex(string pattern)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                switch (c)
                {
                    case '`' when i + 1 < pattern.Length:
                        sb.Append(Regex.Escape(pattern[++i].ToString()));
                        break;
                    case '*':
                        sb.Append(".*");
                        break;
                    case '?':
                        sb.Append('.');
                        break;
                    case '[':
                        var end = pattern.IndexOf(']', i + 1);
                        if (end < 0)
                        {
                            sb.Append(@"\[");
                            break;
                        }

                        var set = pattern.Substring(i + 1, end - i - 1).Replace(@"\", @"\\").Replace("^", @"\^");
                        sb.Append('[').Append(set).Append(']');
                        i = end;
                        break;
                    default:
                        sb.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return sb.ToString();
        }
    }
}
