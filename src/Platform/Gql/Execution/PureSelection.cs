using System.Collections;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;

namespace LicenseManager.Platform.Gql.Execution;

/// <summary>
/// The selection of a list field's items when every selected field is a plain read of the item: a property or
/// field reached by <c>Field(x =&gt; x.Member)</c> without arguments, requirements or middleware (each of those
/// replaces the resolver, so the resolver's type tells), of a scalar or enum type; <c>__typename</c> too.
/// Worked out once per field of a cached document and object type; <c>null</c> when any selection is not plain.
/// </summary>
internal sealed class PureSelection
{
    private static readonly ConditionalWeakTable<GraphQLField, Cached> Cache = [];

    private readonly PureField[] _fields;

    private PureSelection(PureField[] fields) => _fields = fields;

    internal IReadOnlyList<PureField> Fields => _fields;

    public static PureSelection? For(
        GraphQLField listField,
        IObjectGraphType itemType,
        Func<GraphQLSelectionSet, Dictionary<string, (GraphQLField Field, FieldType Definition)>> collect)
    {
        if (Cache.TryGetValue(listField, out var cached) && ReferenceEquals(cached.ItemType, itemType))
        {
            return cached.Selection;
        }

        var selection = Build(listField, itemType, collect);
        // One AST field meets one item type, except a field in a fragment on an interface; the first one is kept.
        Cache.TryAdd(listField, new Cached(itemType, selection));
        return selection;
    }

    private static PureSelection? Build(
        GraphQLField listField,
        IObjectGraphType itemType,
        Func<GraphQLSelectionSet, Dictionary<string, (GraphQLField Field, FieldType Definition)>> collect)
    {
        if (listField.SelectionSet is not { } set || HasDirectives(set))
        {
            return null;
        }

        var fields = new List<PureField>();
        foreach (var (responseName, (field, definition)) in collect(set))
        {
            if (definition.Name == "__typename")
            {
                fields.Add(new PureField(responseName, null, null, NonNull: true, Constant: itemType.Name));
                continue;
            }

            var type = definition.ResolvedType;
            var nonNull = type is NonNullGraphType;
            if (type is NonNullGraphType wrapped)
            {
                type = wrapped.ResolvedType;
            }

            if (type is not ScalarGraphType scalar
                || definition.Arguments is { Count: > 0 }
                || field.SelectionSet is not null
                || !IsPlainRead(definition.Resolver))
            {
                return null;
            }

            fields.Add(new PureField(responseName, definition.Resolver!, scalar, nonNull, Constant: null));
        }

        return new PureSelection([.. fields]);
    }

    /// <summary>GraphQL.NET's resolver for <c>Field(x =&gt; x.Member)</c>: it reads <c>Source</c> and nothing else.</summary>
    private static bool IsPlainRead(IFieldResolver? resolver) =>
        resolver is IRequiresResolveFieldContextAccessor { RequiresResolveFieldContextAccessor: false }
        && resolver.GetType() is { IsGenericType: true } type
        && type.GetGenericTypeDefinition() == typeof(ExpressionFieldResolver<,>);

    /// <summary>Whether @skip/@include (or any directive) appears anywhere below: then variables decide the fields.</summary>
    private static bool HasDirectives(GraphQLSelectionSet set) => set.Selections.Any(selection => selection switch
    {
        GraphQLField field => field.Directives is { Count: > 0 } || field.SelectionSet is { } inner && HasDirectives(inner),
        GraphQLInlineFragment inline => inline.Directives is { Count: > 0 } || HasDirectives(inline.SelectionSet),
        // A spread's fragment could carry directives inside; spreads are rare in hot lists, so they take the general path.
        _ => true,
    });

    /// <summary>
    /// Reads and serializes every selected value of every item, or returns <c>null</c> when the general path must
    /// answer instead because it would report an error: a null item or value the schema forbids, a scalar that
    /// refuses a value, an item that is not of the object type, or a value that is not there yet (a task or data
    /// loader). Reads have no side effects, so
    /// the general path may read them again.
    /// </summary>
    public PureObjectList? TryComplete(IList items, bool nullableItems, IObjectGraphType itemType)
    {
        // GraphQL.NET checks each item against the type (ObjectGraphType<T>: "is T") before reading its fields.
        var typeCheck = itemType.SkipTypeCheck ? null : itemType.IsTypeOf;
        var values = new object?[items.Count * _fields.Length];
        var context = new ResolveFieldContext();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                if (!nullableItems)
                {
                    return null;
                }

                continue;
            }

            if (item is IDataLoaderResult || (typeCheck is not null && !typeCheck(item)))
            {
                return null;
            }

            context.Source = item;
            for (var f = 0; f < _fields.Length; f++)
            {
                var field = _fields[f];
                if (field.Constant is { } constant)
                {
                    values[i * _fields.Length + f] = constant;
                    continue;
                }

                var read = field.Resolver!.ResolveAsync(context);
                if (!read.IsCompletedSuccessfully)
                {
                    // Observe it; the general path resolves the field again.
                    _ = read.AsTask().ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
                    return null;
                }

                var raw = read.Result;
                if (raw is IDataLoaderResult or Task)
                {
                    return null;
                }

                object? serialized;
                try
                {
                    serialized = field.Type!.Serialize(raw);
                }
                catch (Exception)
                {
                    // The general path turns the same exception into the field's error.
                    return null;
                }

                if (serialized is null && field.NonNull)
                {
                    return null;
                }

                values[i * _fields.Length + f] = serialized;
            }
        }

        return new PureObjectList(this, items, values);
    }

    private sealed record Cached(IObjectGraphType ItemType, PureSelection? Selection);
}

/// <summary>One selected field: a plain read serialized by its scalar type, or the constant <c>__typename</c>.</summary>
internal sealed record PureField(string ResponseName, IFieldResolver? Resolver, ScalarGraphType? Type, bool NonNull, string? Constant);
