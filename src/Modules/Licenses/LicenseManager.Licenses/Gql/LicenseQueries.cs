using GraphQL;
using GraphQL.Types;
using LicenseManager.Identity.Contracts;
using LicenseManager.Licenses.Data;
using LicenseManager.Licenses.Domain;
using LicenseManager.Platform.Gql;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Paging;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Licenses.Gql;

internal sealed class LicenseQueries(GqlTypes types) : QueryExtension
{
    public const string PlanTypeName = SubscriptionGraphTypes.SubscriptionPlan;

    public override void Configure(ObjectGraphType query)
    {
        var licenses = query.Connection<LicenseType, License, LicensesDbContext>(
            types, "licenses", LicenseConventions.Licenses, (context, db) => OfPlan(context, db, PlanIdArgument(context)),
            totalCount: LicenseTotals.ForPlan(PlanIdArgument));
        licenses.Arguments!.Add(new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "planId", Description = "The SubscriptionPlan id." });
        licenses.Description = "One plan's licenses; another enterprise's plan, or an unknown one, has none.";
        licenses.Require(new RoleRequirement(LicenseAccess.PlanReaderRoles));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LicenseType>>>>("licenseLookup")
            .Description("Operators: every license of one email, in every enterprise (support lookups).")
            .Argument<NonNullGraphType<StringGraphType>>("email")
            .RequireRole(IdentityRoles.Operator)
            .ResolveAsync(async context =>
            {
                if (!context.CurrentActor().IsGlobalOperator())
                {
                    throw AuthErrors.NotAuthorized();
                }

                var email = Emails.Normalize(context.GetArgument<string>("email"));
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<LicensesDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return await db.Licenses.AsNoTracking().Where(l => l.UserEmail == email)
                    .OrderBy(l => l.EnterpriseCustomerId).ThenBy(l => l.SubscriptionPlanId).ThenBy(l => l.Id)
                    .Take(1000).ToListAsync(context.CancellationToken);
            });
    }

    private static Guid? PlanIdArgument(IResolveFieldContext context) =>
        NodeId.TryDecodeGuid(context.GetArgument<string>("planId"), PlanTypeName, out var id) ? id : null;

    /// <summary>
    /// The shared source of <c>licenses(planId:)</c> and <c>SubscriptionPlan.licenses</c>: the plan's licenses when
    /// the caller reads that enterprise's plans (checked on the rows' enterprise id, so no plan lookup), else none.
    /// </summary>
    public static IQueryable<License> OfPlan(IResolveFieldContext context, LicensesDbContext db, Guid? planId)
    {
        var actor = context.CurrentActor();
        if (planId is not { } plan || actor is not { IsAuthenticated: true })
        {
            return db.Licenses.Where(_ => false);
        }

        var rows = db.Licenses.AsNoTracking().Where(l => l.SubscriptionPlanId == plan);
        if (actor.IsGlobalOperator())
        {
            return rows;
        }

        Guid[] enterprises = actor.Kind switch
        {
            ActorKind.User => actor.AdminOfEnterprises.ToArray(),
            ActorKind.PartnerService when actor.ClientEnterpriseId is { } e => [e],
            _ => [],
        };
        // A plan's licenses are all its enterprise's, so one of them tells whether the caller sees any. Uncorrelated,
        // that condition is evaluated once (a one-time filter): another enterprise's plan costs one index probe
        // instead of a scan of its licenses that keeps none. The per-row condition still decides each row.
        var planEnterprise = db.Licenses.Where(l => l.SubscriptionPlanId == plan).Select(l => l.EnterpriseCustomerId).Take(1);
        rows = rows.Where(_ => planEnterprise.Any(e => enterprises.Contains(e)));
        return enterprises.Length == 1
            ? rows.Where(l => l.EnterpriseCustomerId == enterprises[0])
            : rows.Where(l => enterprises.Contains(l.EnterpriseCustomerId));
    }
}

/// <summary><c>SubscriptionPlan.licenses(...)</c>: the same source as the root field, keyed by the parent plan.</summary>
internal sealed class PlanLicensesExtension(GqlTypes types) : ObjectTypeExtension
{
    public override string TypeName => SubscriptionGraphTypes.SubscriptionPlan;

    public override void Configure(IObjectGraphType type)
    {
        var field = ((IComplexGraphType)type).Connection<LicenseType, License, LicensesDbContext>(
            types, "licenses", LicenseConventions.Licenses,
            (context, db) => LicenseQueries.OfPlan(context, db, PlanOf(context)),
            totalCount: LicenseTotals.ForPlan(PlanOf));
        field.Description = "The plan's licenses.";
        field.Require(new RoleRequirement(LicenseAccess.PlanReaderRoles));
    }

    private static Guid? PlanOf(IResolveFieldContext context) => (context.Source as ISubscriptionPlanRef)?.Id;
}

internal sealed class LicenseNodeResolver() : NodeResolver<License>(LicenseType.TypeName)
{
    protected override async Task<IReadOnlyDictionary<Guid, License>> LoadAsync(
        IReadOnlyList<Guid> ids, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        // From the request: the factory needs the data source, which schema export does not have.
        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<LicensesDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Licenses.AsNoTracking().VisibleTo(context.CurrentActor()).Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
    }
}
