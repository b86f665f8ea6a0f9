using GraphQL.Types;
using LicenseManager.Platform.Data.Platform;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Mutations;
using LicenseManager.Platform.Gql.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicenseManager.Platform.Gql.Persisted;

/// <summary><c>persistedOperations</c>: the store, for operators (<see cref="PersistedOperationsOptions.ManagerRoles"/>).</summary>
internal sealed class PersistedOperationQueries(GqlTypes types, IOptions<PersistedOperationsOptions> options) : QueryExtension
{
    public override void Configure(ObjectGraphType query)
    {
        var field = query.Connection<PersistedOperationType, PersistedOperation, PlatformDbContext>(
            types, "persistedOperations", PersistedOperationConventions.Operations, (_, db) => db.PersistedOperations.AsNoTracking());
        field.Description = "Every persisted operation (imported, registered by an operator or through automatic persisted queries).";
        field.RequireRole(options.Value.ManagerRoles);
    }
}

/// <summary><c>registerPersistedOperation</c>, for operators.</summary>
internal sealed class PersistedOperationMutations(IOptions<PersistedOperationsOptions> options) : MutationExtension
{
    public override void Configure(ObjectGraphType mutation) =>
        mutation.Mutation<RegisterPersistedOperation>().RequireRole(options.Value.ManagerRoles);
}
