namespace ModelLifecycle.Core.References
{
    /// <summary>What a <see cref="ReferencePattern"/> names.</summary>
    public enum PatternKind
    {
        /// <summary>A model id such as <c>gpt-4o</c> (or one of its spellings).</summary>
        ModelId,

        /// <summary>The name of a deployment, which code uses as the "model" of a call.</summary>
        DeploymentName,
    }
}
