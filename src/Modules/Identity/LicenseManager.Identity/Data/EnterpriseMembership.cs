namespace LicenseManager.Identity.Data;

/// <summary>A person's role in one enterprise customer (<c>enterprise_admin</c> or <c>learner</c>).</summary>
internal sealed class EnterpriseMembership
{
    public Guid UserId { get; set; }

    public Guid EnterpriseId { get; set; }

    public required string Role { get; set; }
}
