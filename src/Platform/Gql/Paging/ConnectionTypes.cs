using GraphQL.Types;
using LicenseManager.Platform.Gql.Conventions;

namespace LicenseManager.Platform.Gql.Paging;

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field(p => p.HasNextPage);
        Field(p => p.HasPreviousPage);
        Field(p => p.StartCursor, nullable: true);
        Field(p => p.EndCursor, nullable: true);
    }
}

/// <summary><c>{Field}Connection</c> and <c>{Field}Edge</c>, named after the field that returns them.</summary>
public static class ConnectionTypes
{
    public static IObjectGraphType For<TNodeType, T>(GqlTypes types, string fieldName)
        where TNodeType : IObjectGraphType
    {
        var prefix = char.ToUpperInvariant(fieldName[0]) + fieldName[1..];
        var edge = types.GetOrAdd($"{prefix}Edge", () =>
        {
            var type = new ObjectGraphType<Edge<T>> { Name = $"{prefix}Edge", Description = "An edge in a connection." };
            type.Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
            type.Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Node);
            return type;
        });

        return types.GetOrAdd($"{prefix}Connection", () =>
        {
            var type = new ObjectGraphType<Connection<T>> { Name = $"{prefix}Connection", Description = "A connection to a list of items." };
            type.Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
            type.Field("edges", new ListGraphType(new NonNullGraphType(edge))).Resolve(c => c.Source.Edges);
            type.Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node));
            type.Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.TotalCount ?? 0);
            return type;
        });
    }
}
