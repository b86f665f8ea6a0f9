using System.Text.Json.Nodes;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>Documents and builders for license tests, through the public GraphQL API.</summary>
internal static class LicenseApi
{
    public const string Assign = """
        mutation($input: AssignLicensesInput!) {
          assignLicenses(input: $input) {
            numSuccessfulAssignments numAlreadyAssociated
            assignments { userEmail license { id status userEmail activationKey assignedAt lastRemindedAt } }
            errors { __typename ... on Error { message code }
              ... on NotEnoughLicensesError { requested available } ... on InvalidEmailError { emails } }
          }
        }
        """;

    public static string PlanId(Guid plan) => NodeId.Encode("SubscriptionPlan", plan);

    public static Task<GqlResponse> AssignAsync(GqlClient client, Guid plan, params string[] emails) =>
        client.PostAsync(Assign, new { input = new { planId = PlanId(plan), userEmails = emails } });

    public static async Task<JsonNode> AssignOkAsync(GqlClient client, Guid plan, params string[] emails)
    {
        var response = await AssignAsync(client, plan, emails);
        response.Errors.ShouldBeNull(response.Raw);
        var payload = response.Data!["assignLicenses"]!;
        payload["errors"].ShouldBeNull(response.Raw);
        return payload;
    }

    public static string? ErrorCode(JsonNode payload) => payload["errors"]?[0]?["code"]?.GetValue<string>();
}

internal static class LearnerApi
{
    public const string Activate = """
        mutation($input: ActivateLicenseInput!) {
          activateLicense(input: $input) {
            license { id status userEmail userId activatedAt }
            errors { __typename ... on Error { message code } }
          }
        }
        """;

    public const string ContentAccess = """
        query($e: UUID!, $keys: [String!]!, $userId: ID, $userEmail: String) {
          contentAccess(enterpriseCustomerId: $e, contentKeys: $keys, userId: $userId, userEmail: $userEmail) {
            contentKey granted reason checksum license { id status }
          }
        }
        """;

    public static async Task<string> UserIdAsync(GqlClient learner) =>
        (await learner.QueryAsync("{ me { id } }"))["me"]!["id"]!.GetValue<string>();

    public static Task<GqlResponse> ActivateAsync(GqlClient learner, string activationKey) =>
        learner.PostAsync(Activate, new { input = new { activationKey } });

    public static async Task<Dictionary<string, JsonNode>> AccessAsync(GqlClient caller, Guid enterprise, string[] keys, string? userId = null, string? userEmail = null)
    {
        var data = await caller.QueryAsync(ContentAccess, new { e = enterprise, keys, userId, userEmail });
        return data["contentAccess"]!.AsArray().ToDictionary(a => a!["contentKey"]!.GetValue<string>(), a => a!);
    }
}
