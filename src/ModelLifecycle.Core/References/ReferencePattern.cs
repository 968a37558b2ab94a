using System;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// One text to look for. <see cref="Text"/> is what is searched; <see cref="Key"/> is what a match is
    /// reported under (for a spelling such as <c>gpt-3.5-turbo</c> the key stays the canonical
    /// <c>gpt-35-turbo</c>, so that the caller can join the catalog on it).
    /// </summary>
    public sealed class ReferencePattern
    {
        public ReferencePattern(string text, string key, PatternKind kind)
            : this(text, key, kind, PatternRules.None)
        {
        }

        public ReferencePattern(string text, string key, PatternKind kind, PatternRules rules)
        {
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Kind = kind;
            Rules = rules;
        }

        /// <summary>A pattern whose key is its own text.</summary>
        public ReferencePattern(string text, PatternKind kind)
            : this(text, text, kind)
        {
        }

        public string Text { get; }

        public string Key { get; }

        public PatternKind Kind { get; }

        /// <summary>Where a match counts besides being a whole token (none by default).</summary>
        public PatternRules Rules { get; }

        public override string ToString() => Text == Key ? $"{Kind}:{Text}" : $"{Kind}:{Text} ({Key})";
    }
}
