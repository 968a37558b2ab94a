using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelLifecycle.Bench
{
    /// <summary>"--name value" and "--flag" arguments.</summary>
    public sealed class BenchArgs
    {
        private readonly Dictionary<string, string?> values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        public BenchArgs(string[] args, params string[] flags)
        {
            var flagSet = new HashSet<string>(flags, StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Unexpected argument '{args[i]}'.");
                }

                string name = args[i].Substring(2);
                if (flagSet.Contains(name))
                {
                    values[name] = null;
                }
                else if (i + 1 < args.Length)
                {
                    values[name] = args[++i];
                }
                else
                {
                    throw new ArgumentException($"Option '{args[i]}' needs a value.");
                }
            }
        }

        public bool Has(string name) => values.ContainsKey(name);

        public string? String(string name) => values.TryGetValue(name, out string? v) ? v : null;

        public int Int(string name, int fallback) =>
            values.TryGetValue(name, out string? v) && v != null ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    }
}
