using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace LicenseManager.Platform.Gql.Mutations;

/// <summary>A payload: the changed objects (named by the mutation) and the expected failures.</summary>
public interface IMutationPayload
{
    IReadOnlyList<MutationError>? Errors { get; }
}

/// <summary><c>type VerbNounPayload { … errors: [VerbNounError!] }</c>; subclasses add the changed objects.</summary>
public abstract class PayloadType<TPayload, TErrorUnion> : ObjectGraphType<TPayload>
    where TPayload : IMutationPayload
    where TErrorUnion : ErrorUnionType
{
    protected PayloadType(string mutationName)
    {
        Name = char.ToUpperInvariant(mutationName[0]) + mutationName[1..] + "Payload";
        Field<ListGraphType<NonNullGraphType<TErrorUnion>>>("errors").Resolve(context => context.Source.Errors);
    }
}

/// <summary><c>verbNoun(input: VerbNounInput!): VerbNounPayload!</c> in one declaration.</summary>
public static class MutationFields
{
    public static FieldBuilder<object?, object> Mutation<TInputType, TPayloadType, TInput>(
        this ObjectGraphType mutation,
        string name,
        Func<IResolveFieldContext, TInput, CancellationToken, Task<IMutationPayload>> resolve)
        where TInputType : IInputObjectGraphType
        where TPayloadType : IObjectGraphType =>
        mutation.Field<NonNullGraphType<TPayloadType>>(name)
            .Argument<NonNullGraphType<TInputType>>("input")
            .ResolveAsync(async context => await resolve(context, context.GetArgument<TInput>("input"), context.CancellationToken));
}

/// <summary>Names an input type <c>VerbNounInput</c> after its mutation.</summary>
public abstract class MutationInputType<TInput> : InputObjectGraphType<TInput>
{
    protected MutationInputType(string mutationName) =>
        Name = char.ToUpperInvariant(mutationName[0]) + mutationName[1..] + "Input";
}
