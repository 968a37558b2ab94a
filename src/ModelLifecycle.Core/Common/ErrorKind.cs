namespace ModelLifecycle.Core
{
    /// <summary>
    /// What went wrong, in the vocabulary of PowerShell's ErrorCategory (same member names, so the
    /// PowerShell face maps one to the other by name). The Core decides the kind; the cmdlet only maps it.
    /// Only the kinds the Core raises are listed; add one here when a new error needs it.
    /// </summary>
    public enum ErrorKind
    {
        /// <summary>The zero value, so that an unset kind reads as "not specified" rather than as a real cause.</summary>
        NotSpecified,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        InvalidResult,
        ObjectNotFound,
        ResourceExists,
        PermissionDenied,
        AuthenticationError,
        ResourceBusy,
        QuotaExceeded,
        ResourceUnavailable,
        ConnectionError,
        OperationTimeout,
        NotInstalled,
        ReadError,
        WriteError,
        LimitsExceeded,
        SecurityError,
    }
}
