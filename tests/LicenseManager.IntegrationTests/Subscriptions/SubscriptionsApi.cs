using System.Text.Json.Nodes;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Subscriptions;

/// <summary>Builders for subscription test data, through the public GraphQL API.</summary>
public sealed class SubscriptionsApi(GqlClient client, SubscriptionsAppFactory app)
{
    public static readonly string TestPlanTypeId = NodeId.Encode("PlanType", Guid.Parse("0193a0c0-0000-7000-8000-000000000004"));
    public static readonly string StandardPaidPlanTypeId = NodeId.Encode("PlanType", Guid.Parse("0193a0c0-0000-7000-8000-000000000001"));

    public const string Errors = "errors { __typename ... on Error { message code } }";

    public const string PlanFields = """
        id title startDate expirationDate isActive enterpriseCustomerId catalogId desiredNumLicenses
        isCurrent daysUntilExpiration daysUntilExpirationIncludingRenewals isLockedForRenewalProcessing shouldAutoApplyLicenses
        licenseCounts { unassigned assigned activated revoked total allocated }
        """;

    public const string CreateAgreement = $$"""
        mutation($input: CreateCustomerAgreementInput!) {
          createCustomerAgreement(input: $input) { created customerAgreement { id enterpriseCustomerId enterpriseCustomerSlug enterpriseCustomerName licenseDurationBeforePurge } {{Errors}} }
        }
        """;

    public const string CreateProduct = $$"""
        mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id name planType { label } } {{Errors}} } }
        """;

    public const string CreateCatalog = $$"""
        mutation($input: CreateCatalogInput!) { createCatalog(input: $input) { catalog { id } {{Errors}} } }
        """;

    public const string CreatePlan = $$"""
        mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { licensesAdded subscriptionPlan { {{PlanFields}} } {{Errors}} } }
        """;

    public const string UpdatePlan = $$"""
        mutation($input: UpdateSubscriptionPlanInput!) { updateSubscriptionPlan(input: $input) { licensesAdded subscriptionPlan { {{PlanFields}} } {{Errors}} } }
        """;

    public const string CreateRenewal = $$"""
        mutation($input: CreateSubscriptionPlanRenewalInput!) {
          createSubscriptionPlanRenewal(input: $input) { created renewal { id processed numberOfLicenses licenseTypesToCopy priorPlan { id } renewedPlan { id } } {{Errors}} }
        }
        """;

    public const string ProcessRenewal = $$"""
        mutation($input: ProcessSubscriptionPlanRenewalInput!) {
          processSubscriptionPlanRenewal(input: $input) {
            licensesCopied
            renewal { id processed processedAt renewedPlan { {{PlanFields}} catalogId product { id } } priorPlan { id shouldAutoApplyLicenses isLockedForRenewalProcessing } }
            {{Errors}}
          }
        }
        """;

    public GqlClient Client => client;

    /// <summary>An enterprise with an agreement, a catalog (its default) and a product of the Test plan type.</summary>
    public async Task<Enterprise> EnterpriseAsync(Guid? id = null)
    {
        var enterprise = id ?? Guid.NewGuid();
        var agreement = await OkAsync(CreateAgreement, new { enterpriseCustomerId = enterprise }, "createCustomerAgreement");
        var catalog = await OkAsync(CreateCatalog, new { enterpriseCustomerId = enterprise, title = "Catalog" }, "createCatalog");
        var agreementId = agreement["customerAgreement"]!["id"]!.GetValue<string>();
        var catalogId = catalog["catalog"]!["id"]!.GetValue<string>();
        await OkAsync(
            "mutation($input: UpdateCustomerAgreementInput!) { updateCustomerAgreement(input: $input) { customerAgreement { id } errors { __typename } } }",
            new { id = agreementId, defaultCatalogId = catalogId },
            "updateCustomerAgreement");
        var product = await ProductAsync();
        return new Enterprise(enterprise, agreementId, catalogId, product);
    }

    public async Task<string> ProductAsync(string? planTypeId = null)
    {
        var data = await OkAsync(CreateProduct, new { name = $"Product {Guid.NewGuid():N}", planTypeId = planTypeId ?? TestPlanTypeId }, "createProduct");
        return data["product"]!["id"]!.GetValue<string>();
    }

    /// <summary>The input of a valid current plan; tests change one thing at a time.</summary>
    public Dictionary<string, object?> PlanInput(Enterprise enterprise, int numLicenses = 10, string? title = null) => new()
    {
        ["enterpriseCustomerId"] = enterprise.Id,
        ["title"] = title ?? $"Plan {Guid.NewGuid():N}",
        ["startDate"] = app.Now.AddDays(-10),
        ["expirationDate"] = app.Now.AddDays(355),
        ["productId"] = enterprise.ProductId,
        ["numLicenses"] = numLicenses,
        ["changeReason"] = "NEW",
        ["isActive"] = true,
    };

    public async Task<JsonNode> PlanAsync(Enterprise enterprise, int numLicenses = 10, Action<Dictionary<string, object?>>? adjust = null)
    {
        var input = PlanInput(enterprise, numLicenses);
        adjust?.Invoke(input);
        return (await OkAsync(CreatePlan, input, "createSubscriptionPlan"))["subscriptionPlan"]!;
    }

    /// <summary>Runs a mutation whose payload must carry no errors; returns the payload.</summary>
    public async Task<JsonNode> OkAsync(string mutation, object input, string field)
    {
        var payload = await PayloadAsync(mutation, input, field);
        payload["errors"].ShouldBeNull(payload.ToJsonString());
        return payload;
    }

    public async Task<JsonNode> PayloadAsync(string mutation, object input, string field) =>
        (await client.QueryAsync(mutation, new { input }))[field]!;

    /// <summary>The error codes of a mutation's payload.</summary>
    public async Task<string[]> ErrorCodesAsync(string mutation, object input, string field)
    {
        var payload = await PayloadAsync(mutation, input, field);
        return payload["errors"]?.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToArray() ?? [];
    }

    public static Guid Key(JsonNode? globalId) =>
        NodeId.TryDecode(globalId!.GetValue<string>(), out _, out var raw) ? Guid.ParseExact(raw, "N") : throw new InvalidOperationException("Not a global id.");
}

public sealed record Enterprise(Guid Id, string AgreementId, string CatalogId, string ProductId);
