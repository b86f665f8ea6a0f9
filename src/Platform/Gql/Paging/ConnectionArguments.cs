using System.Collections;
using GraphQL;
using GraphQL.Types;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Filtering;
using LicenseManager.Platform.Gql.Sorting;

namespace LicenseManager.Platform.Gql.Paging;

/// <summary>The <c>where order first after last before</c> arguments of a connection field, declared and read.</summary>
public static class ConnectionArguments
{
    public static void Declare<T>(FieldType field, GqlTypes types, EntityConventions<T> conventions)
    {
        var arguments = new List<QueryArgument>
        {
            new(FilterInputType.For(types, conventions)) { Name = "where" },
            new(new ListGraphType(new NonNullGraphType(SortInputType.For(types, conventions)))) { Name = "order" },
            new(typeof(IntGraphType)) { Name = "first", Description = "Returns the first n elements from the list." },
            new(typeof(StringGraphType)) { Name = "after", Description = "Returns the elements in the list that come after the specified cursor." },
            new(typeof(IntGraphType)) { Name = "last", Description = "Returns the last n elements from the list." },
            new(typeof(StringGraphType)) { Name = "before", Description = "Returns the elements in the list that come before the specified cursor." },
        };
        field.Arguments = new QueryArguments(arguments);
    }

    public static Query<T> Read<T>(IResolveFieldContext context, EntityConventions<T> conventions, PagingOptions options)
    {
        var paging = PagingArguments.From(context, options);
        var where = Raw(context, "where") as IDictionary<string, object?>;
        var filter = new FilterTranslator<T>(conventions).Translate(where);
        var keys = SortParser.Parse(conventions, Raw(context, "order") as IEnumerable);
        var pager = new KeysetPager<T>(keys, paging, options);
        // Decoding here fails a bad cursor before any SQL runs.
        pager.Validate();
        var selected = context.SubFields?.Values.Select(f => f.Field.Name.StringValue).ToHashSet(StringComparer.Ordinal);
        var wantsTotal = selected?.Contains("totalCount") ?? false;
        var wantsRows = selected is null || selected.Overlaps(["edges", "nodes", "pageInfo"]);
        return new Query<T>(filter, pager, wantsTotal, wantsRows) { Where = where };
    }

    private static object? Raw(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;

    public sealed record Query<T>(System.Linq.Expressions.Expression<Func<T, bool>>? Filter, KeysetPager<T> Pager, bool WantsTotal, bool WantsRows)
    {
        /// <summary>The client's <c>where</c> as parsed, for count strategies.</summary>
        public IDictionary<string, object?>? Where { get; init; }

        public IQueryable<T> Apply(IQueryable<T> source) => Filter is null ? source : source.Where(Filter);
    }
}
