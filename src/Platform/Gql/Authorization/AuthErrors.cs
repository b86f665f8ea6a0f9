using GraphQL;

namespace LicenseManager.Platform.Gql.Authorization;

/// <summary>Hot Chocolate's error codes for failed authentication and authorization.</summary>
public static class AuthErrors
{
    public const string NotAuthenticatedCode = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorizedCode = "AUTH_NOT_AUTHORIZED";

    public static ExecutionError NotAuthenticated() =>
        new("The current user is not authenticated.") { Code = NotAuthenticatedCode };

    public static ExecutionError NotAuthorized(string? reason = null) =>
        new(reason ?? "The current user is not authorized to access this resource.") { Code = NotAuthorizedCode };
}
