namespace LicenseManager.Identity.Contracts;

/// <summary>Role names as they appear in tokens, <see cref="ICurrentActor.Roles"/> and field requirements.</summary>
public static class IdentityRoles
{
    /// <summary>Support staff (a person) or the operator service: global.</summary>
    public const string Operator = "operator";

    /// <summary>A person administering one or more enterprises.</summary>
    public const string EnterpriseAdmin = "enterprise_admin";

    /// <summary>A person learning in one or more enterprises.</summary>
    public const string Learner = "learner";

    /// <summary>A partner service of one enterprise.</summary>
    public const string Partner = "partner";

    /// <summary>The provisioning service.</summary>
    public const string Provisioning = "provisioning";

    /// <summary>The OAuth scope that grants access to this API (audience <c>license-manager</c>).</summary>
    public const string ApiScope = "api";
}
