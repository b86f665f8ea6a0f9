namespace LicenseManager.Platform.Gql.Mutations;

/// <summary>
/// What a mutation's resolver returns: its payload record, or the expected failures. Both convert
/// implicitly, so a resolver just <c>return</c>s either.
/// </summary>
public sealed class MutationResult<TPayload> : IMutationResult
    where TPayload : class
{
    private MutationResult(TPayload? payload, IReadOnlyList<MutationError>? errors)
    {
        Payload = payload;
        Errors = errors;
    }

    public TPayload? Payload { get; }

    public IReadOnlyList<MutationError>? Errors { get; }

    object? IMutationResult.Payload => Payload;

    public static implicit operator MutationResult<TPayload>(TPayload payload) => new(payload, null);

    public static implicit operator MutationResult<TPayload>(MutationError error) => new(null, [error]);

    public static MutationResult<TPayload> Failed(IReadOnlyList<MutationError> errors) => new(null, errors);
}

internal interface IMutationResult
{
    object? Payload { get; }

    IReadOnlyList<MutationError>? Errors { get; }
}
