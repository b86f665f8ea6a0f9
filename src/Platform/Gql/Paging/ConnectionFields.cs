using GraphQL;
using GraphQL.Types;
using LicenseManager.Platform.Gql.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Platform.Gql.Paging;

/// <summary>
/// Declares a cursor connection field (filtering, sorting, keyset paging, <c>totalCount</c> on demand)
/// over a query of the module's DbContext. Each resolution uses its own context from the factory,
/// because sibling fields run in parallel. <c>totalCount</c> is an exact <c>COUNT(*)</c> unless the field
/// declares a cheaper exact strategy (<see cref="TotalCount"/>).
/// </summary>
public static class ConnectionFields
{
    public static FieldType Connection<TNodeType, T, TDb>(
        this IComplexGraphType parent,
        GqlTypes types,
        string name,
        EntityConventions<T> conventions,
        Func<IResolveFieldContext, TDb, IQueryable<T>> source,
        PagingOptions? options = null,
        TotalCount.Root<TDb>? totalCount = null)
        where TNodeType : IObjectGraphType
        where TDb : DbContext
    {
        var paging = options ?? new PagingOptions();
        var field = new FieldType
        {
            Name = name,
            ResolvedType = ConnectionTypes.For<TNodeType, T>(types, name),
            Resolver = new GraphQL.Resolvers.FuncFieldResolver<object?>(async context =>
            {
                var query = ConnectionArguments.Read(context, conventions, paging);
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<TDb>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                var rows = query.Apply(source(context, db));
                int? total = null;
                if (query.WantsTotal)
                {
                    total = totalCount is null ? null : await totalCount(new CountRequest<TDb>(context, db, query.Where) { Rows = rows }, context.CancellationToken);
                    total ??= await rows.CountAsync(context.CancellationToken);
                }

                return query.WantsRows
                    ? await query.Pager.ReadAsync(rows, total, context.CancellationToken)
                    : Connection<T>.Empty(total);
            }),
        };
        ConnectionArguments.Declare(field, types, conventions);
        parent.AddField(field);
        return field;
    }
}
