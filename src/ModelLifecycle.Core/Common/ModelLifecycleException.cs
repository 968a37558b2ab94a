using System;

namespace ModelLifecycle.Core
{
    /// <summary>
    /// An error the Core has already classified: a stable <see cref="ErrorId"/> (the FullyQualifiedErrorId
    /// users filter on), a <see cref="Kind"/> and, where there is one, the object it concerns.
    /// </summary>
    public class ModelLifecycleException : Exception
    {
        public ModelLifecycleException(string errorId, ErrorKind kind, string message, object? target = null, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Kind = kind;
            Target = target;
        }

        public string ErrorId { get; }

        public ErrorKind Kind { get; }

        public object? Target { get; }

        /// <summary>What a person can do about it, when the Core knows (shown as the error's RecommendedAction).</summary>
        public string? RecommendedAction { get; init; }
    }
}
