using GraphQL;

namespace LicenseManager.Platform.Gql;

/// <summary>One GraphQL-over-HTTP request, from a POST body or a GET query string.</summary>
public sealed record GqlRequest(
    string? Query,
    string? OperationName,
    Inputs? Variables,
    Inputs? Extensions,
    string? DocumentId);

/// <summary>A request that cannot be executed at all (malformed body, no query…): HTTP 400.</summary>
public sealed class GqlRequestException(string message, string code) : Exception(message)
{
    public string Code { get; } = code;
}
