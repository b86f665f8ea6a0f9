using Microsoft.AspNetCore.Identity;

namespace LicenseManager.Identity.Data;

/// <summary>A person who signs in. Password hashing, lockout and email tokens come from ASP.NET Core Identity.</summary>
internal sealed class User : IdentityUser<Guid>
{
    /// <summary>A disabled user can neither sign in nor refresh tokens.</summary>
    public bool IsDisabled { get; set; }

    public List<EnterpriseMembership> Memberships { get; set; } = [];
}

internal sealed class Role : IdentityRole<Guid>
{
    /// <summary>The one global role stored as an Identity role; enterprise roles are memberships.</summary>
    public static readonly Role Operator = new()
    {
        Id = Guid.Parse("0f0e0d0c-0b0a-4909-8807-060504030201"),
        Name = "operator",
        NormalizedName = "OPERATOR",
        ConcurrencyStamp = "operator",
    };
}
