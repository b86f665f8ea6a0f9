using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LicenseManager.Platform.Gql.Persisted;

/// <summary>
/// <c>Cache-Control</c> of GraphQL responses. Only a successful GET of a persisted operation (by id or APQ hash,
/// no errors) is cacheable: its URL names the document and variables exactly. Without a token the answer is the
/// same for everybody: <c>public, max-age=N</c>. With a token it is the caller's own data: <c>private, max-age=N</c>
/// and <c>Vary: Authorization</c>, so no shared cache keeps it. Everything else (POST, ad-hoc GET, errors) is
/// <c>no-store</c>.
/// </summary>
public static class HttpCaching
{
    public static void Apply(HttpResponse response, GqlResult result, bool isGet, TimeSpan maxAge)
    {
        var seconds = (long)maxAge.TotalSeconds;
        if (!isGet || !result.Persisted || result.Result.Errors is { Count: > 0 } || seconds <= 0)
        {
            response.Headers.CacheControl = "no-store";
            return;
        }

        response.Headers.CacheControl = result.Anonymous ? $"public, max-age={seconds}" : $"private, max-age={seconds}";
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Authorization);
    }
}
