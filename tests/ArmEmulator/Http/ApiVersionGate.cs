using System;

namespace ModelLifecycle.ArmEmulator
{
    /// <summary>
    /// Rejects requests without a usable api-version the way ARM does: 400 MissingApiVersionParameter,
    /// NoRegisteredProviderFound for an unknown provider version, InvalidApiVersionParameter for
    /// ARM's own (subscription) API.
    /// </summary>
    internal static class ApiVersionGate
    {
        public static ArmResponse? Check(ArmRequest request)
        {
            string? apiVersion = request.Query("api-version");
            if (string.IsNullOrEmpty(apiVersion))
            {
                return ArmErrors.MissingApiVersion();
            }

            int provider = Array.FindIndex(request.Segments, s => string.Equals(s, ResourceIds.Provider, StringComparison.OrdinalIgnoreCase));
            if (provider >= 0)
            {
                string resourceType = provider + 1 < request.Segments.Length ? request.Segments[provider + 1] : "";
                return ApiVersions.IsProviderVersion(apiVersion) ? null : ArmErrors.NoRegisteredProvider(apiVersion, resourceType);
            }

            return ApiVersions.IsArmVersion(apiVersion) ? null : ArmErrors.InvalidApiVersion(apiVersion);
        }
    }
}
