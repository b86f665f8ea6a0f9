namespace LicenseManager.Identity.Contracts;

/// <summary>
/// Who is asking, read from the validated access token of the current request (a scoped service,
/// available to every resolver). Tenant scope always comes from here, never from an argument the caller
/// could change: an enterprise the actor has no access to behaves like one that does not exist.
/// </summary>
public interface ICurrentActor
{
    /// <summary>Whether the request carried a valid access token for this API.</summary>
    bool IsAuthenticated { get; }

    /// <summary>What kind of caller this is (a person, or one of the service clients).</summary>
    ActorKind Kind { get; }

    /// <summary>The person's user id; null for service clients and anonymous callers.</summary>
    Guid? UserId { get; }

    /// <summary>The OAuth client the token was issued to (e.g. <c>learner-portal</c>, a partner's client id).</summary>
    string? ClientId { get; }

    /// <summary>The person's email (lower-case as registered); null for service clients.</summary>
    string? Email { get; }

    /// <summary>
    /// Whether <see cref="Email"/> was verified (verification link, or created by an operator). Licenses are
    /// matched to people by email, so an unverified email must not be used to find, assign by or activate a
    /// license: callers that match by email must refuse when this is false. For a person it also gates every grant:
    /// while false, <see cref="Roles"/>, <see cref="AdminOfEnterprises"/> and <see cref="LearnerOfEnterprises"/> are empty.
    /// </summary>
    bool EmailVerified { get; }

    /// <summary>
    /// Role names: <c>operator</c>, <c>enterprise_admin</c>, <c>learner</c> for people (the latter two when the
    /// person has such a membership anywhere); <c>partner</c>, <c>provisioning</c>, <c>operator</c> for services.
    /// </summary>
    IReadOnlySet<string> Roles { get; }

    /// <summary>Granted OAuth scopes (e.g. <c>api</c>).</summary>
    IReadOnlySet<string> Scopes { get; }

    /// <summary>Enterprises (enterprise customer ids) where the person is an enterprise admin.</summary>
    IReadOnlySet<Guid> AdminOfEnterprises { get; }

    /// <summary>Enterprises where the person is a learner.</summary>
    IReadOnlySet<Guid> LearnerOfEnterprises { get; }

    /// <summary>The enterprise a partner service client acts for (from its client record); null otherwise.</summary>
    Guid? ClientEnterpriseId { get; }

    /// <summary>Support staff or the operator service: may do everything, in every enterprise.</summary>
    bool IsOperator { get; }

    /// <summary>Whether <see cref="TenantRule.AdministeredEnterprises"/> includes the enterprise.</summary>
    bool CanAdministerEnterprise(Guid enterpriseId);

    /// <summary>Whether <see cref="TenantRule.ReadableEnterprises"/> includes the enterprise.</summary>
    bool CanReadEnterprise(Guid enterpriseId);
}

/// <summary>The kinds of callers.</summary>
public enum ActorKind
{
    /// <summary>No (valid) token.</summary>
    Anonymous,

    /// <summary>A person signed in through a portal, the dashboard or the CLI.</summary>
    User,

    /// <summary>A partner service of one enterprise (client credentials).</summary>
    PartnerService,

    /// <summary>The provisioning service (client credentials): creates agreements and plans.</summary>
    ProvisioningService,

    /// <summary>A service acting as an operator (client credentials).</summary>
    OperatorService,
}
