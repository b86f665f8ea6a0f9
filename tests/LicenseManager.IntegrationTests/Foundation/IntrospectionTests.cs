using System.Net;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Foundation;

/// <summary>
/// The introspection query client tools send (graphql-js <c>getIntrospectionQuery()</c>, used by GraphiQL,
/// GraphQL Code Generator, Apollo, Relay, Postman, Insomnia) works, with and without its modern options.
/// The texts are graphql 16.15.0's output, stored verbatim.
/// </summary>
public sealed class IntrospectionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("graphql-js-16.default.graphql")]
    [InlineData("graphql-js-16.all-options.graphql")]
    public async Task GraphqlJsIntrospectionQuery_Succeeds(string file)
    {
        var query = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Foundation", "Introspection", file));

        var response = await factory.CreateGqlClient().PostAsync(query, operationName: "IntrospectionQuery");

        response.Status.ShouldBe(HttpStatusCode.OK, response.Raw);
        response.Errors.ShouldBeNull(response.Raw);
        var schema = response.Data!["__schema"]!;
        schema["queryType"]!["name"]!.GetValue<string>().ShouldBe("Query");
        schema["types"]!.AsArray().ShouldContain(t => t!["name"]!.GetValue<string>() == "Catalog");
    }

    [Fact]
    public async Task ModernOptions_AnswerTheirFields()
    {
        var query = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Foundation", "Introspection", "graphql-js-16.all-options.graphql"));

        var schema = (await factory.CreateGqlClient().QueryAsync(query))["__schema"]!;

        schema["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        schema["directives"]!.AsArray().ShouldAllBe(d => d!["isRepeatable"] != null);
        schema["types"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "UUID")!.AsObject().ContainsKey("specifiedByURL").ShouldBeTrue();
    }

    [Fact]
    public async Task EndlesslyNestedIntrospection_IsStillRefusedByDepth()
    {
        var nested = string.Concat(Enumerable.Repeat("fields { type { ", 12)) + "name" + string.Concat(Enumerable.Repeat(" } }", 12));

        var response = await factory.CreateGqlClient().PostAsync($"{{ __schema {{ types {{ {nested} }} }} }}");

        response.Status.ShouldBe(HttpStatusCode.BadRequest, response.Raw);
        response.Errors.ShouldNotBeNull(response.Raw);
    }
}
