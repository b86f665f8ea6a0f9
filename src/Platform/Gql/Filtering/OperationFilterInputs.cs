using GraphQL.Types;
using LicenseManager.Platform.Gql.Conventions;
using LicenseManager.Platform.Gql.Scalars;

namespace LicenseManager.Platform.Gql.Filtering;

/// <summary>
/// Hot Chocolate's operation inputs (<c>StringOperationFilterInput</c>, <c>IntOperationFilterInput</c>, …),
/// one instance per schema, shared by every entity's filter.
/// </summary>
public static class OperationFilterInputs
{
    private static readonly string[] StringOps = ["contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith"];
    private static readonly string[] ComparableOps = ["gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];

    public static IInputObjectGraphType For(GqlTypes types, Type valueType)
    {
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        if (type == typeof(string))
        {
            return types.GetOrAdd("StringOperationFilterInput", () => Create("StringOperationFilterInput", typeof(StringGraphType), true, true, StringOps));
        }

        if (type == typeof(bool))
        {
            return types.GetOrAdd("BooleanOperationFilterInput", () => Create("BooleanOperationFilterInput", typeof(BooleanGraphType), false, false, []));
        }

        if (type.IsEnum)
        {
            var enumGraphType = typeof(EnumerationGraphType<>).MakeGenericType(type);
            var name = $"{type.Name}OperationFilterInput";
            return types.GetOrAdd(name, () => Create(name, enumGraphType, false, true, []));
        }

        var (scalarName, scalar) = Comparable(type);
        var inputName = $"{scalarName}OperationFilterInput";
        return types.GetOrAdd(inputName, () => Create(inputName, scalar, false, true, ComparableOps));
    }

    private static (string Name, Type Scalar) Comparable(Type type) => type switch
    {
        _ when type == typeof(int) => ("Int", typeof(IntGraphType)),
        _ when type == typeof(long) => ("Long", typeof(LongGraphType)),
        _ when type == typeof(decimal) => ("Decimal", typeof(DecimalGraphType)),
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => ("DateTime", typeof(DateTimeType)),
        _ when type == typeof(DateOnly) => ("Date", typeof(DateType)),
        _ when type == typeof(Guid) => ("Uuid", typeof(UuidType)),
        _ => throw new NotSupportedException($"No filter operations are defined for {type.Name}."),
    };

    private static InputObjectGraphType Create(string name, Type scalar, bool combinators, bool lists, string[] extraOps)
    {
        var input = new InputObjectGraphType { Name = name };
        if (combinators)
        {
            input.Field("and", new ListGraphType(new NonNullGraphType(input)));
            input.Field("or", new ListGraphType(new NonNullGraphType(input)));
        }

        input.Field("eq", scalar);
        input.Field("neq", scalar);
        if (lists)
        {
            var list = typeof(ListGraphType<>).MakeGenericType(scalar);
            input.Field("in", list);
            input.Field("nin", list);
        }

        foreach (var op in extraOps)
        {
            input.Field(op, scalar);
        }

        return input;
    }
}
