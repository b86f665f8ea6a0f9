using System.Text.Json.Nodes;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Catalog;

/// <summary>Builders for catalog test data, through the public GraphQL API.</summary>
internal static class CatalogApi
{
    public const string CreateCatalog = """
        mutation($input: CreateCatalogInput!) {
          createCatalog(input: $input) {
            catalog { id enterpriseCustomerId title }
            errors { __typename ... on Error { message code } }
          }
        }
        """;

    public const string AddContent = """
        mutation($input: AddCatalogContentInput!) {
          addCatalogContent(input: $input) {
            upsertedCount
            catalog { id }
            errors { __typename ... on Error { message code } ... on InvalidContentKeyError { contentKeys } }
          }
        }
        """;

    public const string RemoveContent = """
        mutation($input: RemoveCatalogContentInput!) {
          removeCatalogContent(input: $input) {
            removedCount
            catalog { id }
            errors { __typename ... on Error { message code } }
          }
        }
        """;

    /// <summary>Creates the enterprise (its customer agreement; idempotent) so that catalogs may be created for it.</summary>
    public static async Task<Guid> EnterpriseAsync(GqlClient client, Guid? enterprise = null)
    {
        var id = enterprise ?? Guid.NewGuid();
        var data = await client.QueryAsync(
            "mutation($input: CreateCustomerAgreementInput!) { createCustomerAgreement(input: $input) { customerAgreement { id } errors { __typename } } }",
            new { input = new { enterpriseCustomerId = id } });
        data["createCustomerAgreement"]!["errors"].ShouldBeNull();
        return id;
    }

    public static async Task<string> CreateAsync(GqlClient client, string title, Guid? enterprise = null)
    {
        var id = await EnterpriseAsync(client, enterprise);
        var data = await client.QueryAsync(CreateCatalog, new { input = new { enterpriseCustomerId = id, title } });
        data["createCatalog"]!["errors"].ShouldBeNull();
        return data["createCatalog"]!["catalog"]!["id"]!.GetValue<string>();
    }

    public static async Task AddAsync(GqlClient client, string catalogId, params (string Key, string Type, string Title)[] items)
    {
        var data = await client.QueryAsync(AddContent, new
        {
            input = new { catalogId, items = items.Select(i => new { contentKey = i.Key, contentType = i.Type, title = i.Title }) },
        });
        data["addCatalogContent"]!["errors"].ShouldBeNull();
    }

    public static IEnumerable<string> Strings(JsonNode? array, string field) =>
        array!.AsArray().Select(n => n![field]!.GetValue<string>());
}
