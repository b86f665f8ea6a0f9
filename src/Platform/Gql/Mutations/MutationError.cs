using GraphQL.Types;

namespace LicenseManager.Platform.Gql.Mutations;

/// <summary>An expected business failure of a mutation, returned in its payload's <c>errors</c>.</summary>
public abstract record MutationError(string Message, string Code);

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

/// <summary>An error object type named after its record (<c>record NotFoundError</c> → <c>NotFoundError</c>); subclasses add fields.</summary>
public abstract class ErrorType<TError> : ObjectGraphType<TError>
    where TError : MutationError
{
    protected ErrorType()
    {
        Name = typeof(TError).Name;
        Interface<ErrorInterface>();
        IsTypeOf = value => value is TError;
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(context => context.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(context => context.Source.Code);
    }
}

/// <summary><c>union VerbNounError = …</c>: the errors one mutation may return.</summary>
public abstract class ErrorUnionType : UnionGraphType
{
    protected ErrorUnionType(string mutationName, params Type[] errorTypes)
    {
        Name = char.ToUpperInvariant(mutationName[0]) + mutationName[1..] + "Error";
        foreach (var errorType in errorTypes)
        {
            Type(errorType);
        }
    }
}
