using GraphQL;
using LicenseManager.Platform.Gql.Persisted;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LicenseManager.Platform.Gql;

/// <summary>
/// GraphQL over HTTP as Hot Chocolate serves it: POST (JSON) and GET (queries only), Accept
/// negotiation between <c>application/graphql-response+json</c> and legacy <c>application/json</c>,
/// and the status codes of the spec.
/// </summary>
public sealed class GqlHttpEndpoint(
    GqlRequestReader reader,
    GqlRequestExecutor executor,
    IGraphQLTextSerializer serializer,
    IOptions<GqlOptions> options,
    IOptions<PersistedOperationsOptions> persistedOptions)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    private enum ResponseFormat
    {
        GraphQLResponse,
        LegacyJson,
    }

    public async Task HandleAsync(HttpContext http)
    {
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, JsonMediaType, "Only GET and POST are supported.", "HTTP_METHOD_NOT_ALLOWED");
            return;
        }

        if (isGet && http.Request.Query.Count == 0 && AcceptsHtml(http.Request))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(GraphQLIde.Html, http.RequestAborted);
            return;
        }

        var format = Negotiate(http.Request.Headers.Accept);
        if (format is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, JsonMediaType,
                $"The Accept header allows neither {GraphQLResponseMediaType} nor {JsonMediaType}.", "HTTP_NOT_ACCEPTABLE");
            return;
        }

        var mediaType = format == ResponseFormat.GraphQLResponse ? GraphQLResponseMediaType : JsonMediaType;
        GqlRequest request;
        try
        {
            if (isGet)
            {
                request = reader.FromQueryString(http.Request.Query);
            }
            else
            {
                if (!IsJson(http.Request.ContentType))
                {
                    await WriteErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, mediaType,
                        "POST requests must have Content-Type application/json.", "HTTP_UNSUPPORTED_MEDIA_TYPE");
                    return;
                }

                var body = await ReadBodyAsync(http, options.Value.MaxRequestBytes);
                if (body is null)
                {
                    await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, mediaType,
                        $"The request body is larger than {options.Value.MaxRequestBytes} bytes.", "HTTP_PAYLOAD_TOO_LARGE");
                    return;
                }

                request = reader.FromJson(body.Value);
            }
        }
        catch (GqlRequestException exception)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, exception.Message, exception.Code);
            return;
        }

        GqlResult result;
        try
        {
            result = await executor.ExecuteAsync(request, new GqlCall(http.RequestServices, http.User, isGet, http.RequestAborted));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the running SQL was cancelled with it. Nobody reads an answer.
            return;
        }

        http.Response.StatusCode = result.Outcome switch
        {
            GqlOutcome.MutationOverGet => StatusCodes.Status405MethodNotAllowed,
            GqlOutcome.RequestError when format == ResponseFormat.GraphQLResponse => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status200OK,
        };
        if (result.Outcome == GqlOutcome.MutationOverGet)
        {
            http.Response.Headers.Allow = "POST";
        }

        HttpCaching.Apply(http.Response, result, isGet, persistedOptions.Value.GetMaxAge);

        await WriteResultAsync(http, mediaType, result.Result);
    }

    private static ResponseFormat? Negotiate(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (accept.Count == 0 || accept.All(string.IsNullOrWhiteSpace))
        {
            return ResponseFormat.GraphQLResponse;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var mediaTypes))
        {
            return null;
        }

        // Highest quality first; on equal quality the newer graphql-response type wins.
        foreach (var type in mediaTypes
                     .Where(m => m.Quality is null or > 0)
                     .OrderByDescending(m => m.Quality ?? 1.0)
                     .ThenBy(m => m.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase) ? 1 : 0))
        {
            var name = type.MediaType.Value;
            if (string.Equals(name, GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase)
                || name is "*/*" || string.Equals(name, "application/*", StringComparison.OrdinalIgnoreCase))
            {
                return ResponseFormat.GraphQLResponse;
            }

            if (string.Equals(name, JsonMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return ResponseFormat.LegacyJson;
            }
        }

        return null;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var types)
        && types.Any(t => t.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the body, or returns null as soon as it is known to exceed the limit.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext http, long limit)
    {
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        if (http.Request.ContentLength is { } length and > 0 and <= 64 * 1024)
        {
            // The usual request says how long it is: read it into an array of that size (the loop below allocates a
            // 16 KB chunk and a growing stream for every request). A body that ends early fails in Kestrel as before.
            var body = new byte[length];
            await http.Request.Body.ReadExactlyAsync(body, http.RequestAborted);
            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private async Task WriteErrorAsync(HttpContext http, int status, string mediaType, string message, string code)
    {
        http.Response.StatusCode = status;
        await WriteResultAsync(http, mediaType, new ExecutionResult(new ExecutionError(message) { Code = code }));
    }

    private async Task WriteResultAsync(HttpContext http, string mediaType, ExecutionResult result)
    {
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
