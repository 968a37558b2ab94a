using System.Collections.Generic;
using System.Linq;
using ModelLifecycle.Core.References;

namespace ModelLifecycle.Bench.References
{
    /// <summary>The ~30 patterns the scenario searches, the near misses it plants, and the ignore rules it writes.</summary>
    internal static class BenchPatterns
    {
        public static readonly string[] ModelIds =
        {
            "gpt-4o", "gpt-4o-mini", "gpt-4", "gpt-4-32k", "gpt-4.1", "gpt-4.1-mini", "gpt-35-turbo", "gpt-35-turbo-16k",
            "dall-e-3", "o1", "o1-mini", "o3-mini", "o4-mini", "text-embedding-ada-002", "text-embedding-3-small",
            "text-embedding-3-large", "whisper", "tts", "gpt-4o-realtime-preview", "gpt-5", "gpt-5-mini", "codex-mini",
        };

        public static readonly string[] DeploymentNames =
        {
            "chat-prod", "embeddings-eastus", "contoso-gpt4o", "summarizer-v2", "support-bot-o1",
        };

        /// <summary>Texts that contain a pattern but must not match it as a whole token.</summary>
        public static readonly string[] NearMisses =
        {
            "gpt-4o-mini-tts", "gpt-4o2", "o1-preview", "xo1", "gpt-4.5-preview", "text-embedding-ada-0021",
            "o3-mini-high", "gpt-35-turbo-instruct", "gpt-4o_mini", "foo1", "gpt-5.1", "chat-prod-eu", "dall-e-3x",
        };

        /// <summary>Every pattern: the model ids with their spellings (ModelIdSpellings), then the deployment names.</summary>
        public static List<ReferencePattern> All() =>
            ModelIds.SelectMany(ModelIdSpellings.PatternsFor)
                .Concat(DeploymentNames.Select(d => new ReferencePattern(d, PatternKind.DeploymentName)))
                .ToList();

        /// <summary>What a line may name: patterns (with spellings) mostly, in their usual case or shouted.</summary>
        public static string[] Mentions() => All().Select(p => p.Text).ToArray();

        // What the generated tree's .gitignore files exclude, and the closest grep can come to it.
        public const string RootGitIgnore = "# build output\nbin/\nobj/\n/dist\nnode_modules/\n*.log\n!important.log\n";
        public const string NestedGitIgnore = "*.generated.cs\n!Keep.generated.cs\n";
        public static readonly string[] GrepExcludeDirs = { ".git", "bin", "obj", "dist", "node_modules" };
        public static readonly string[] GrepExcludeFiles = { "*.log", "*.generated.cs" };
    }
}
