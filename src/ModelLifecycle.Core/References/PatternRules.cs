using System;

namespace ModelLifecycle.Core.References
{
    /// <summary>
    /// Extra conditions on where a <see cref="ReferencePattern"/> counts, on top of the whole-token rule
    /// (<see cref="TokenRules"/>). The planner chooses them by what a pattern names; a pattern built
    /// without them matches wherever its text stands as a token.
    /// </summary>
    [Flags]
    public enum PatternRules
    {
        None = 0,

        /// <summary>
        /// A model id also matches with a version suffix attached: <c>gpt-4o-2024-08-06</c>,
        /// <c>gpt-35-turbo-1106</c>, <c>gpt-4-1106-preview</c> (see <see cref="DatedSuffix"/>). The match then
        /// covers the suffix, and <see cref="ReferenceMatch.Version"/> says which version it names.
        /// </summary>
        DatedVersions = 1,

        /// <summary>
        /// Letters must match in case as written, whatever the search's case setting: short ids (<c>tts</c>,
        /// <c>o1</c>) are written in lower case in code, while <c>TTS</c> is an abbreviation in prose.
        /// </summary>
        MatchCase = 2,

        /// <summary>
        /// No match inside a run of base64 text (embedded images and data), where a two- or three-letter id
        /// turns up by chance between '+' and '/'.
        /// </summary>
        NotInBase64 = 4,

        /// <summary>
        /// Only where code names a deployment (see <see cref="NamingContext"/>): a whole string literal, a
        /// value in a key-value line whose key speaks of deployments or models, or a <c>deployments/</c> URL path.
        /// </summary>
        NamingContextOnly = 8,

        /// <summary>
        /// Dropped where a <see cref="PatternKind.DeploymentName"/> pattern matches the same text at the same
        /// place: a deployment named after its model is reported once, as the deployment (which knows its version).
        /// </summary>
        YieldsToDeploymentName = 16,
    }
}
