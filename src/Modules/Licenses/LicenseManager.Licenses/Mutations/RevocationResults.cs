using GraphQL.Types;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Gql;

namespace LicenseManager.Licenses.Mutations;

using License = LicenseManager.Licenses.Data.License;

/// <summary>One revoked license, with the status it had.</summary>
internal sealed record LicenseRevocation(string? UserEmail, License License, LicenseStatus OriginalStatus);

/// <summary>One email or license that was not revoked, and why (partial success is normal).</summary>
internal sealed record RevocationFailure(string? UserEmail, string Code, string Message);

internal static class RevocationFailures
{
    public static RevocationFailure NotFound(string email) =>
        new(email, "LICENSE_NOT_FOUND", $"No assigned or activated license in this plan is associated with the email: {email}");

    public static RevocationFailure CapReached(string? email) =>
        new(email, "REVOCATION_CAP_REACHED", "License revocation limit has been reached.");
}

internal sealed class LicenseRevocationType : ObjectGraphType<LicenseRevocation>
{
    public LicenseRevocationType()
    {
        Name = "LicenseRevocation";
        Field(r => r.UserEmail, nullable: true);
        Field(r => r.License, type: typeof(NonNullGraphType<LicenseType>));
        Field(r => r.OriginalStatus, type: typeof(NonNullGraphType<EnumerationGraphType<LicenseStatus>>));
    }
}

internal sealed class RevocationFailureType : ObjectGraphType<RevocationFailure>
{
    public RevocationFailureType()
    {
        Name = "RevocationFailure";
        Field(f => f.UserEmail, nullable: true);
        Field(f => f.Code).Description("LICENSE_NOT_FOUND or REVOCATION_CAP_REACHED.");
        Field(f => f.Message);
    }
}
