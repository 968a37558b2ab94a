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

        /// <summary>What a person can do about it, when the Core knows (also the error's RecommendedAction).</summary>
        public string? RecommendedAction { get; init; }

        /// <summary>What went wrong, without the recommended action.</summary>
        public string Summary => base.Message;

        /// <summary>
        /// What went wrong, then what to do about it. The action is part of the message because Windows
        /// PowerShell 5.1 (Azure Automation's classic runtime), PowerShell 7's NormalView and runbook logs
        /// never show ErrorDetails.RecommendedAction.
        /// </summary>
        public override string Message =>
            string.IsNullOrEmpty(RecommendedAction) || base.Message.IndexOf(RecommendedAction!, StringComparison.Ordinal) >= 0
                ? base.Message
                : base.Message.TrimEnd() + " " + RecommendedAction;
    }
}
