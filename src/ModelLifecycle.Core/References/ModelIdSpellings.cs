using System;
using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.Catalog;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// The other ways code and docs write a model id. Each rule is here because the id is really written
    /// that way somewhere people copy from; guesses (gpt4o, dalle3) are left out, since a spelling that is
    /// not used only adds false matches. The rules, each applied in both directions:
    /// <list type="bullet">
    /// <item><c>gpt-35-…</c> ⇄ <c>gpt-3.5-…</c>: Azure names the model <c>gpt-35-turbo</c> (no dot),
    /// OpenAI's API and most SDK samples say <c>gpt-3.5-turbo</c>; code moved from OpenAI to Azure keeps the
    /// latter. Covers -16k, -instruct and the rest of the family.</item>
    /// <item><c>dall-e-N</c> ⇄ <c>dalle-N</c>: older Azure OpenAI docs tables spell it <c>dalle-3</c>.</item>
    /// <item><c>model-router</c> ⇄ <c>model router</c>: older docs tables write it with a space.</item>
    /// </list>
    /// The table itself is <see cref="ModelNames.SpellingPrefixes"/>, which the catalog reads names with too.
    /// Matching is case-insensitive by default, so case variants (GPT-4o) need no spelling of their own.
    /// </summary>
    public static class ModelIdSpellings
    {
        /// <summary>The id itself first, then its other spellings (each once, compared ignoring case).</summary>
        public static IReadOnlyList<string> Expand(string modelId)
        {
            if (modelId == null)
            {
                throw new ArgumentNullException(nameof(modelId));
            }

            var spellings = new List<string> { modelId };
            foreach ((string a, string b, _) in ModelNames.SpellingPrefixes)
            {
                AddSwapped(spellings, modelId, a, b);
                AddSwapped(spellings, modelId, b, a);
            }

            return spellings;
        }

        /// <summary>One <see cref="PatternKind.ModelId"/> pattern per spelling, all under the key <paramref name="modelId"/>.</summary>
        public static IEnumerable<ReferencePattern> PatternsFor(string modelId) =>
            Expand(modelId).Select(spelling => new ReferencePattern(spelling, modelId, PatternKind.ModelId));

        private static void AddSwapped(List<string> spellings, string modelId, string from, string to)
        {
            if (!ModelNames.StartsWithWholePrefix(modelId, from))
            {
                return;
            }

            string swapped = to + modelId.Substring(from.Length);
            if (!spellings.Any(s => string.Equals(s, swapped, StringComparison.OrdinalIgnoreCase)))
            {
                spellings.Add(swapped);
            }
        }
    }
}
