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
