using System;

namespace ModelLifecycle.Core.Arm
{
    /// <summary>Why one attempt gave no reply.</summary>
    internal enum AttemptProblem
    {
        None,
        TimedOut,
        ConnectionFailed,
        Malformed,
        HttpError,
    }

    /// <summary>What one attempt came back with: a reply, or why not.</summary>
    internal sealed class Attempt
    {
        public Attempt(AttemptProblem problem, int? status, string? code, string? message, string? target, TimeSpan? retryAfter, Exception? error)
        {
            Problem = problem;
            Status = status;
            Code = code;
            Message = message;
            Target = target;
            RetryAfter = retryAfter;
            Error = error;
        }

        public AttemptProblem Problem { get; }

        public int? Status { get; }

        /// <summary>ARM's error.code.</summary>
        public string? Code { get; }

        /// <summary>ARM's error.message.</summary>
        public string? Message { get; }

        public string? Target { get; }

        public TimeSpan? RetryAfter { get; }

        public Exception? Error { get; }

        public ArmReply? Reply { get; init; }

        public static Attempt Failed(AttemptProblem problem, Exception? error) => new Attempt(problem, null, null, null, null, null, error);

        /// <summary>"429 throttled", "request timed out after 60.0 s": the start of a retry message.</summary>
        public string Reason(TimeSpan requestTimeout)
        {
            switch (Problem)
            {
                case AttemptProblem.TimedOut:
                    return $"no answer within {ArmTransport.Seconds(requestTimeout)}";
                case AttemptProblem.ConnectionFailed:
                    return "the connection failed";
                case AttemptProblem.Malformed:
                    return $"{Status} with a body that is not valid JSON";
                default:
                    return Status switch
                    {
                        429 => "429 throttled",
                        500 => "500 internal server error",
                        502 => "502 bad gateway",
                        503 => "503 service unavailable",
                        504 => "504 gateway timeout",
                        _ => $"{Status} {Code}",
                    };
            }
        }
    }
}
