using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Foundation;

/// <summary>GraphQL over HTTP: methods, content negotiation and status codes.</summary>
public sealed class TransportTests(TransportFactory factory) : IClassFixture<TransportFactory>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Fact]
    public async Task Post_Typename_AnswersQueryAsGraphQLResponse()
    {
        var response = await SendAsync(HttpMethod.Post, """{"query":"{ __typename }"}""");

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ContentType.ShouldBe(GraphQLResponse);
        response.Raw.ShouldBe("""{"data":{"__typename":"Query"}}""");
    }

    [Fact]
    public async Task Get_Query_IsExecuted()
    {
        var response = await GetAsync("/graphql?query=" + Uri.EscapeDataString("query($t: String) { echo(text: $t) }")
            + "&variables=" + Uri.EscapeDataString("""{"t":"a+b'c"}"""));

        response.Status.ShouldBe(HttpStatusCode.OK);
        // '+' and '\'' are not escaped in the output (relaxed JSON encoder).
        response.Raw.ShouldBe("""{"data":{"echo":"a+b'c"}}""");
    }

    [Fact]
    public async Task Get_Mutation_Is405WithAllowPost()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { touch }"));
        using var response = await factory.CreateClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["POST"]);
    }

    [Fact]
    public async Task Post_Mutation_IsExecuted()
    {
        var response = await SendAsync(HttpMethod.Post, """{"query":"mutation { touch }"}""");

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Data!["touch"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task OtherMethods_Are405WithAllowGetPost(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        };
        using var response = await factory.CreateClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["GET", "POST"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(null, GraphQLResponse)]
    [InlineData("*/*", GraphQLResponse)]
    [InlineData("application/*", GraphQLResponse)]
    [InlineData(GraphQLResponse, GraphQLResponse)]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/json;q=1, application/graphql-response+json;q=0.5", "application/json")]
    [InlineData("text/html;q=0.9, application/json;q=0.8", "application/json")]
    public async Task Accept_IsNegotiated(string? accept, string expected)
    {
        var response = await SendAsync(HttpMethod.Post, """{"query":"{ __typename }"}""", accept);

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ContentType.ShouldBe(expected);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml, text/csv")]
    [InlineData("application/json;q=0")]
    public async Task Accept_Unsupported_Is406(string accept)
    {
        var response = await SendAsync(HttpMethod.Post, """{"query":"{ __typename }"}""", accept);

        response.Status.ShouldBe(HttpStatusCode.NotAcceptable);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    public async Task Post_NonJson_Is415(string contentType)
    {
        var response = await SendAsync(HttpMethod.Post, "{ __typename }", contentType: contentType);

        response.Status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Is413()
    {
        var padding = new string(' ', TransportFactory.MaxRequestBytes);
        var response = await SendAsync(HttpMethod.Post, """{"query":"{ __typename }""" + padding + "\"}");

        response.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.FirstErrorCode.ShouldBe("HTTP_PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task Post_BodyJustUnderLimit_IsExecuted()
    {
        var body = """{"query":"{ __typename }" }""";
        body = body.Insert(body.Length - 1, new string(' ', TransportFactory.MaxRequestBytes - body.Length));

        var response = await SendAsync(HttpMethod.Post, body);

        response.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{not json", "INVALID_REQUEST_BODY")]
    [InlineData("[]", "BATCHING_NOT_ALLOWED")]
    [InlineData("""[{"query":"{ __typename }"}]""", "BATCHING_NOT_ALLOWED")]
    [InlineData("\"text\"", "INVALID_REQUEST_BODY")]
    [InlineData("""{"query": 42}""", "INVALID_REQUEST")]
    [InlineData("""{"query":"{ __typename }","variables":[1]}""", "INVALID_REQUEST")]
    [InlineData("{}", "HC0009")]
    public async Task Post_MalformedRequest_Is400(string body, string code)
    {
        var response = await SendAsync(HttpMethod.Post, body);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.FirstErrorCode.ShouldBe(code);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task SyntaxError_Is400_OrLegacy200(string accept, HttpStatusCode expected)
    {
        var response = await SendAsync(HttpMethod.Post, """{"query":"{ __typename "}""", accept);

        response.Status.ShouldBe(expected);
        response.FirstErrorCode.ShouldBe("SYNTAX_ERROR");
        response.Body!["data"].ShouldBeNull();
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task ValidationError_Is400_OrLegacy200(string accept, HttpStatusCode expected)
    {
        var response = await SendAsync(HttpMethod.Post, """{"query":"{ noSuchField }"}""", accept);

        response.Status.ShouldBe(expected);
        response.Errors.ShouldNotBeNull();
        response.FirstErrorCode.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task VariableOfWrongType_Is400()
    {
        var response = await SendAsync(HttpMethod.Post, """{"query":"query($t: String) { echo(text: $t) }","variables":{"t":{"a":1}}}""");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Errors.ShouldNotBeNull();
    }

    [Fact]
    public async Task UnknownOperationName_Is400()
    {
        var response = await SendAsync(HttpMethod.Post, """{"query":"query A { __typename } query B { __typename }","operationName":"C"}""");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OperationName_SelectsOperation()
    {
        var response = await SendAsync(HttpMethod.Post, """{"query":"query A { a: echo(text: \"a\") } query B { b: echo(text: \"b\") }","operationName":"B"}""");

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Raw.ShouldBe("""{"data":{"b":"b"}}""");
    }

    [Fact]
    public async Task FieldError_Is200WithCodeAndNoDetails()
    {
        var response = await SendAsync(HttpMethod.Post, """{"query":"{ boom echo(text: \"still here\") }"}""");

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Data!["echo"]!.GetValue<string>().ShouldBe("still here");
        response.FirstErrorCode.ShouldBe("UNEXPECTED_EXECUTION_ERROR");
        response.Raw.ShouldNotContain("secret internal detail");
        response.Raw.ShouldNotContain("InvalidOperationException");
        response.Raw.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Depth_OverLimit_IsRejected()
    {
        var deep = "{ tree { child { child { child { child { child { child { value } } } } } } } }";

        var response = await SendAsync(HttpMethod.Post, $$"""{"query":"{{deep}}"}""");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Raw.ShouldContain("depth", Case.Insensitive);
    }

    [Fact]
    public async Task Complexity_OverLimit_IsRejectedEvenWhenTheDocumentIsCached()
    {
        const string query = "query($n: Int) { tree { children(first: $n) { children(first: $n) { value } } } }";

        var cheap = await SendAsync(HttpMethod.Post, Body(query, n: 2));
        var expensive = await SendAsync(HttpMethod.Post, Body(query, n: 50));

        cheap.Status.ShouldBe(HttpStatusCode.OK, cheap.Raw);
        expensive.Status.ShouldBe(HttpStatusCode.BadRequest, expensive.Raw);
        expensive.Raw.ShouldContain("complexity", Case.Insensitive);
    }

    [Fact]
    public async Task Execution_OverTimeout_IsCancelledWithTimeoutError()
    {
        // The limit is 2 s: an answer with data would mean the 20 s query was allowed to finish.
        var response = await SendAsync(HttpMethod.Post, """{"query":"{ sleep(seconds: 20) }"}""");

        response.FirstErrorCode.ShouldBe("HC0045");
        response.Data?["sleep"].ShouldBeNull();
    }

    [Fact]
    public async Task Get_FromBrowser_ServesIde()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var response = await factory.CreateClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("<title>License Manager GraphQL</title>");
    }

    [Fact]
    public async Task Get_SchemaFile_ServesSdl()
    {
        using var response = await factory.CreateClient().GetAsync("/graphql/schema.graphql");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("type Query {");
    }

    private async Task<GqlResponse> SendAsync(HttpMethod method, string body, string? accept = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await factory.CreateClient().SendAsync(request);
        return await GqlResponse.ReadAsync(response);
    }

    private static string Body(string query, int n) =>
        System.Text.Json.JsonSerializer.Serialize(new { query, variables = new { n } });

    private async Task<GqlResponse> GetAsync(string url)
    {
        using var response = await factory.CreateClient().GetAsync(url);
        return await GqlResponse.ReadAsync(response);
    }
}
