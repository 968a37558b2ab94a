namespace ModelLifecycle.Core
{
    /// <summary>
    /// What went wrong, in the vocabulary of PowerShell's ErrorCategory (same member names, so the
    /// PowerShell face maps one to the other by name). The Core decides the kind; the cmdlet only maps it.
    /// </summary>
    public enum ErrorKind
    {
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
        ResourceUnavailable,
        ConnectionError,
        OperationTimeout,
        OperationStopped,
        NotInstalled,
        ReadError,
        WriteError,
        ParserError,
        LimitsExceeded,
        ProtocolError,
        SecurityError,
        CloseError,
        DeadlockDetected,
        QuotaExceeded,
        MetadataError,
    }
}
