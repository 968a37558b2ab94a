using System;
using Newtonsoft.Json.Linq;

namespace ModelLifecycle.ArmEmulator
{
    internal enum OperationKind
    {
        Create,
        Replace,
        Patch,
        Delete,
    }

    /// <summary>
    /// One asynchronous write on a deployment. It is polled through two URLs (Azure-AsyncOperation
    /// for status, Location for the result); both count towards the polls it takes to finish.
    /// </summary>
    internal sealed class LongRunningOperation
    {
        public LongRunningOperation(string id, OperationKind kind, AccountState account, string deploymentName, JObject? previousBody, DateTimeOffset startTime)
        {
            Id = id;
            Kind = kind;
            Account = account;
            DeploymentName = deploymentName;
            PreviousBody = previousBody;
            StartTime = startTime;
        }

        public string Id { get; }

        public OperationKind Kind { get; }

        public AccountState Account { get; }

        public string DeploymentName { get; }

        /// <summary>The deployment before the write, restored if the operation fails.</summary>
        public JObject? PreviousBody { get; }

        public DateTimeOffset StartTime { get; }

        public DateTimeOffset? EndTime { get; set; }

        /// <summary>InProgress, Succeeded or Failed.</summary>
        public string Status { get; set; } = "InProgress";

        /// <summary>How many polls have been answered InProgress so far.</summary>
        public int InProgressAnswers { get; set; }

        /// <summary>When set (by an LroFailed fault), the operation ends Failed with this rule's error.</summary>
        public FaultRule? Failure { get; set; }

        public bool IsDone => Status != "InProgress";

        public string StatusPath => ResourceIds.Location(Account.SubscriptionId, Account.Location) + "/operationStatuses/" + Id;

        public string ResultPath => ResourceIds.Location(Account.SubscriptionId, Account.Location) + "/operationResults/" + Id;

        public JObject Error()
        {
            return new JObject
            {
                ["code"] = Failure?.ErrorCode ?? "InternalServerError",
                ["message"] = Failure?.ErrorMessage ?? "The operation failed (injected by the ARM emulator).",
            };
        }
    }
}
