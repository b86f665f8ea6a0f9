using GraphQL;
using LicenseManager.Platform.Gql.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseManager.Platform.Gql.Persisted;

/// <summary>A request with its document text found, or the error that ends it; and whether it ran a persisted operation.</summary>
public sealed record PersistedResolution(GqlRequest Request, CallerPolicy Policy, bool Persisted, ExecutionError? Error)
{
    /// <summary>An APQ hash + text to store once the document has passed validation (so nothing invalid is stored).</summary>
    public OperationEntry? ToRegister { get; init; }

    public const string NotFoundCode = "HC0020";
    public const string NotFoundMessage = "PersistedQueryNotFound";
    public const string OnlyPersistedCode = "HC0067";
    public const string HashMismatchCode = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string InvalidIdCode = "PERSISTED_QUERY_INVALID_ID";
}

/// <summary>
/// Turns a request into a document text before parsing, as Hot Chocolate, Relay and Apollo clients expect:
/// <list type="bullet">
/// <item><c>id</c>/<c>documentId</c>: the stored text, or <c>HC0020 PersistedQueryNotFound</c>.</item>
/// <item><c>extensions.persistedQuery.sha256Hash</c> without text: the stored text, or <c>PersistedQueryNotFound</c>
///   (Apollo's client then resends with the text); with text: the hash is checked, and the text registered when
///   the caller may register.</item>
/// <item>a plain <c>query</c>: refused with <c>HC0067</c> for persisted-only callers.</item>
/// </list>
/// </summary>
public sealed class PersistedRequests(IOptions<PersistedOperationsOptions> options, OperationStore? store = null)
{
    public async Task<PersistedResolution> ResolveAsync(GqlRequest request, GqlCall call)
    {
        var actor = call.RequestServices.GetService<IRequestActor>() ?? AnonymousActor.Instance;
        var policy = CallerPolicy.For(actor, options.Value);

        if (request.DocumentId is { } id)
        {
            if (OperationHash.Normalize(id) is null)
            {
                return Fail(request, policy, $"The operation id '{Shorten(id)}' is not an MD5 or SHA-256 hex digest.", PersistedResolution.InvalidIdCode);
            }

            var text = store is null ? null : await store.FindAsync(id, call.Aborted);
            return text is null
                ? Fail(request, policy, PersistedResolution.NotFoundMessage, PersistedResolution.NotFoundCode)
                : new PersistedResolution(request with { Query = text }, policy, Persisted: true, Error: null);
        }

        if (ApqHash(request.Extensions) is { } apq)
        {
            return await ResolveAutomaticAsync(request, policy, apq, call.Aborted);
        }

        return policy.PersistedOnly && !string.IsNullOrWhiteSpace(request.Query)
            ? Fail(request, policy, "Only persisted operations are allowed: send the operation's 'id' (or its APQ hash).", PersistedResolution.OnlyPersistedCode)
            : new PersistedResolution(request, policy, Persisted: false, Error: null);
    }

    private async Task<PersistedResolution> ResolveAutomaticAsync(GqlRequest request, CallerPolicy policy, string hash, CancellationToken cancellationToken)
    {
        if (OperationHash.Normalize(hash) is not { Length: 64 })
        {
            return Fail(request, policy, "extensions.persistedQuery.sha256Hash must be a SHA-256 hex digest.", PersistedResolution.InvalidIdCode);
        }

        var stored = store is null ? null : await store.FindAsync(hash, cancellationToken);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return stored is null
                ? Fail(request, policy, PersistedResolution.NotFoundMessage, PersistedResolution.NotFoundCode)
                : new PersistedResolution(request with { Query = stored }, policy, Persisted: true, Error: null);
        }

        if (!OperationHash.Matches(hash, request.Query))
        {
            return Fail(request, policy, "provided sha does not match query", PersistedResolution.HashMismatchCode);
        }

        if (stored is not null)
        {
            return new PersistedResolution(request with { Query = stored }, policy, Persisted: true, Error: null);
        }

        if (policy.MayRegister && store is not null)
        {
            // Stored by the executor once the document passed validation, like Apollo Server does.
            return new PersistedResolution(request, policy, Persisted: true, Error: null) { ToRegister = new OperationEntry(hash, request.Query) };
        }

        return policy.PersistedOnly
            ? Fail(request, policy, "Only persisted operations are allowed, and this caller may not register new ones.", PersistedResolution.OnlyPersistedCode)
            : new PersistedResolution(request, policy, Persisted: false, Error: null);
    }

    /// <summary>Stores an automatically registered operation; idempotent across instances.</summary>
    public async Task RegisterAsync(OperationEntry entry, CancellationToken cancellationToken) =>
        await store!.AddAsync([entry], OperationSource.Automatic, cancellationToken);

    /// <summary>Apollo's <c>{"persistedQuery": {"version": 1, "sha256Hash": "…"}}</c>, or null.</summary>
    private static string? ApqHash(Inputs? extensions) =>
        extensions is not null
        && extensions.TryGetValue("persistedQuery", out var value)
        && value is IDictionary<string, object?> persisted
        && persisted.TryGetValue("sha256Hash", out var hash)
            ? hash as string ?? string.Empty
            : null;

    private static PersistedResolution Fail(GqlRequest request, CallerPolicy policy, string message, string code) =>
        new(request, policy, Persisted: false, new ExecutionError(message) { Code = code });

    private static string Shorten(string id) => id.Length <= 80 ? id : id[..80] + "…";
}
