using System.Reflection;
using GraphQL.Types;

namespace LicenseManager.Platform.Gql.Mutations;

/// <summary>
/// An expected business failure of a mutation, returned in its payload's <c>errors</c>. Declare one as a
/// record; its other properties become fields of its GraphQL type (named after the record).
/// </summary>
public abstract record MutationError(string Message, string Code);

/// <summary>Declares an error a mutation may return; the <c>VerbNounError</c> union is made of the declared ones.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ErrorAttribute<TError> : Attribute, IErrorDeclaration
    where TError : MutationError
{
    public Type ErrorType => typeof(TError);
}

internal interface IErrorDeclaration
{
    Type ErrorType { get; }
}

/// <summary><c>interface Error { message: String! code: String! }</c>.</summary>
public sealed class ErrorInterface : InterfaceGraphType
{
    public ErrorInterface()
    {
        Name = "Error";
        Description = "An expected failure of a mutation.";
        Field<NonNullGraphType<StringGraphType>>("message");
        Field<NonNullGraphType<StringGraphType>>("code");
    }
}

/// <summary>
/// The object type of one error record: <c>type NotFoundError implements Error { message code …its properties }</c>.
/// One instance per record per schema (referenced by CLR type), however many unions include it.
/// </summary>
internal sealed class ErrorRecordType<TError> : ObjectGraphType<TError>
    where TError : MutationError
{
    public ErrorRecordType()
    {
        Name = typeof(TError).Name;
        Interface<ErrorInterface>();
        IsTypeOf = value => value is TError;
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(context => context.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(context => context.Source.Code);
        foreach (var property in RecordShape.Properties(typeof(TError)).Where(p => p.DeclaringType != typeof(MutationError)))
        {
            var getter = RecordShape.OutputGetter(property);
            AddField(new FieldType
            {
                Name = RecordShape.FieldName(property.Name),
                Description = RecordShape.Description(property),
                Type = RecordShape.OutputGraphType(property, nullable: null),
                Resolver = new GraphQL.Resolvers.FuncFieldResolver<object?>(context => getter(context.Source!)),
            });
        }
    }
}

/// <summary><c>union VerbNounError = …</c>: the errors one mutation declares.</summary>
internal sealed class ErrorUnionType : UnionGraphType
{
    public ErrorUnionType(string name, IEnumerable<Type> errorRecords)
    {
        Name = name;
        foreach (var record in errorRecords)
        {
            Type(typeof(ErrorRecordType<>).MakeGenericType(record));
        }
    }

    public static IReadOnlyList<Type> DeclaredOn(Type mutation) =>
        mutation.GetCustomAttributes(inherit: false).OfType<IErrorDeclaration>().Select(e => e.ErrorType).ToList();
}
