using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ModelLifecycle.Core;
using ModelLifecycle.Core.Azure;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Binding
{
    /// <summary>
    /// Completes model names from the embedded catalog (so it works offline): trims the quotes the user
    /// typed, matches as a prefix or wildcard, quotes results that need it, and never throws.
    /// </summary>
    public sealed class ModelNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return Complete(wordToComplete, CloudFrom(fakeBoundParameters)).ToList();
            }
            catch (Exception)
            {
                // A completer that throws breaks the user's tab key; offer nothing instead.
                return Enumerable.Empty<CompletionResult>();
            }
        }

        internal static IEnumerable<CompletionResult> Complete(string? wordToComplete, CatalogCloud cloud) =>
            CompletionTexts(wordToComplete, cloud).Select(c => new CompletionResult(c.Text, c.Model, CompletionResultType.ParameterValue, c.Model));

        /// <summary>The model names that complete a word, with the text to insert (quoted where PowerShell needs it).</summary>
        internal static IEnumerable<(string Text, string Model)> CompletionTexts(string? wordToComplete, CatalogCloud cloud)
        {
            var word = (wordToComplete ?? string.Empty).Trim().Trim('\'', '"');
            var pattern = new Wildcard(Wildcard.ContainsWildcard(word) ? word : word + "*");
            return EmbeddedCatalog.Catalog.Entries
                .Where(e => e.Cloud == cloud)
                .Select(e => e.Model)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(pattern.IsMatch)
                .OrderBy(m => m, StringComparer.OrdinalIgnoreCase)
                .Select(m => (Quote(m), m));
        }

        internal static CatalogCloud CloudFrom(IDictionary? bound) => CloudChoice.Decide(RequestedCloud(bound), null);

        private static CatalogCloud? RequestedCloud(IDictionary? bound)
        {
            if (bound is not null && bound.Contains("Cloud"))
            {
                var value = bound["Cloud"];
                if (value is PSObject pso)
                {
                    value = pso.BaseObject;
                }

                if (value is CatalogCloud c)
                {
                    return c;
                }

                if (value is string s && Enum.TryParse<CatalogCloud>(s, true, out var parsed))
                {
                    return parsed;
                }
            }

            return null;
        }

        private static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '`', '$', '(', ')', '{', '}', ';', ',', '&', '@', '#', '[', ']' }) >= 0
                ? "'" + value.Replace("'", "''") + "'"
                : value;
    }
}
