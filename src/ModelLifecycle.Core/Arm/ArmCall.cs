namespace ModelLifecycle.Core.Arm
{
    /// <summary>What a 404 is about: decides between DeploymentNotFound, AccountNotFound and the rest.</summary>
    internal enum ArmSubject
    {
        Other,
        Subscription,
        Account,
        Deployment,
    }

    /// <summary>
    /// What one client call is doing, for messages and error mapping: "Reading deployments of account 'x'",
    /// what a 404 would mean, the error target, and which retries the call allows.
    /// </summary>
    internal sealed class ArmCall
    {
        public ArmCall(string description, ArmSubject subject, string target)
        {
            Description = description;
            Subject = subject;
            Target = target;
        }

        /// <summary>"Reading deployments of account 'x'": the start of every message about this call.</summary>
        public string Description { get; }

        public ArmSubject Subject { get; }

        /// <summary>The error target: a resource id, or a subscription id.</summary>
        public string Target { get; }

        /// <summary>Writes wait out 409 RequestConflict (another operation on the account) and try again.</summary>
        public bool RetryConflicts { get; init; }

        /// <summary>A write: a 403 asks for a role that may write.</summary>
        public bool IsWrite { get; init; }

        /// <summary>
        /// Whether a 500 is retried. A Location poll answers a failed operation with its error status
        /// (often 500), which is the operation's verdict, not a glitch to retry.
        /// </summary>
        public bool RetryInternalServerError { get; init; } = true;
    }
}
