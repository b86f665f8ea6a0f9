namespace LicenseManager.Identity.Contracts;

/// <summary>
/// The one tenant rule: which enterprises a caller may read and administer. Every module's lists, node
/// resolvers and mutations filter with it (<c>ReadableBy</c> / <c>AdministeredBy</c>), never with their own
/// reading of roles and memberships. What a caller may do within those enterprises (which fields, which
/// mutations) is the fields' role requirements.
/// <list type="table">
/// <listheader><term>caller</term><description>reads · administers</description></listheader>
/// <item><term>operator (person or operator service)</term><description>every enterprise · every enterprise</description></item>
/// <item><term>enterprise admin of E</term><description>E · E</description></item>
/// <item><term>learner of E</term><description>E · none</description></item>
/// <item><term>partner service of E</term><description>E · none</description></item>
/// <item><term>provisioning service</term><description>none · none (its fields are role-gated and not tenant-scoped)</description></item>
/// <item><term>anyone else, anonymous</term><description>none · none</description></item>
/// </list>
/// </summary>
public static class TenantRule
{
    /// <summary>The enterprises whose data the caller may read.</summary>
    public static EnterpriseScope ReadableEnterprises(this ICurrentActor actor) => actor switch
    {
        { IsAuthenticated: false } => EnterpriseScope.NoEnterprise,
        { IsOperator: true } => EnterpriseScope.Every,
        { Kind: ActorKind.User } => EnterpriseScope.Only(actor.AdminOfEnterprises.Concat(actor.LearnerOfEnterprises)),
        { Kind: ActorKind.PartnerService, ClientEnterpriseId: { } enterprise } => EnterpriseScope.Only([enterprise]),
        _ => EnterpriseScope.NoEnterprise,
    };

    /// <summary>The enterprises whose data the caller may change.</summary>
    public static EnterpriseScope AdministeredEnterprises(this ICurrentActor actor) => actor switch
    {
        { IsAuthenticated: false } => EnterpriseScope.NoEnterprise,
        { IsOperator: true } => EnterpriseScope.Every,
        { Kind: ActorKind.User } => EnterpriseScope.Only(actor.AdminOfEnterprises),
        _ => EnterpriseScope.NoEnterprise,
    };

    /// <summary>The rows of enterprises the caller may read (none for a null actor).</summary>
    public static IQueryable<T> ReadableBy<T>(this IQueryable<T> source, ICurrentActor? actor, System.Linq.Expressions.Expression<Func<T, Guid>> enterpriseOf) =>
        (actor?.ReadableEnterprises() ?? EnterpriseScope.NoEnterprise).Filter(source, enterpriseOf);

    /// <summary>The rows of enterprises the caller may change (none for a null actor).</summary>
    public static IQueryable<T> AdministeredBy<T>(this IQueryable<T> source, ICurrentActor? actor, System.Linq.Expressions.Expression<Func<T, Guid>> enterpriseOf) =>
        (actor?.AdministeredEnterprises() ?? EnterpriseScope.NoEnterprise).Filter(source, enterpriseOf);
}
