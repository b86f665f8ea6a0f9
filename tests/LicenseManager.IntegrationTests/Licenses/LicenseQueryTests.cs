using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Licenses;

public sealed class LicenseQueryTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private const string Page = """
        query($planId: ID!, $where: LicenseFilterInput, $order: [LicenseSortInput!], $first: Int, $after: String) {
          licenses(planId: $planId, where: $where, order: $order, first: $first, after: $after) {
            totalCount
            nodes { id status userEmail activationKey assignedAt events { kind actor statusAfter } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private readonly Guid _enterprise = Guid.NewGuid();

    [Fact]
    public async Task Licenses_StatusAndContainsFilter_SortedByEmail_PagesWithKeysetCursors()
    {
        var plan = await app.PlanAsync(_enterprise, 10);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "d@corp.example", "a@corp.example", "c@other.example", "b@corp.example");
        var where = new { status = new { eq = "ASSIGNED" }, userEmail = new { contains = "corp" } };
        var order = new[] { new { userEmail = "ASC" } };

        var first = (await admin.QueryAsync(Page, new { planId = LicenseApi.PlanId(plan.PlanId), where, order, first = 2 }))["licenses"]!;
        var after = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = (await admin.QueryAsync(Page, new { planId = LicenseApi.PlanId(plan.PlanId), where, order, first = 2, after }))["licenses"]!;

        first["totalCount"]!.GetValue<int>().ShouldBe(3);
        Emails(first).ShouldBe(["a@corp.example", "b@corp.example"]);
        first["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        Emails(second).ShouldBe(["d@corp.example"]);
        second["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();
        first["nodes"]![0]!["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ShouldBe(["CREATED", "ASSIGNED"]);
    }

    [Fact]
    public async Task Licenses_AssignedAtDescending_NullsOfUnassignedComeFirstThenNewest()
    {
        var plan = await app.PlanAsync(_enterprise, 3);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "old@example.com");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "new@example.com");

        var data = (await admin.QueryAsync(Page, new { planId = LicenseApi.PlanId(plan.PlanId), order = new[] { new { assignedAt = "DESC" } }, first = 10 }))["licenses"]!;

        data["nodes"]!.AsArray().Select(n => n!["userEmail"]?.GetValue<string>()).ShouldBe([null, "new@example.com", "old@example.com"]);
    }

    [Fact]
    public async Task Licenses_AdminOfAnotherEnterprise_SeesNone_PartnerOfOwn_SeesAllWithoutKeys()
    {
        var plan = await app.PlanAsync(_enterprise, 4);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "p@example.com");
        var stranger = await app.UserAsync(IdentityRoles.EnterpriseAdmin, Guid.NewGuid());
        var partner = await app.ServiceAsync(IdentityRoles.Partner, _enterprise);
        var variables = new { planId = LicenseApi.PlanId(plan.PlanId), where = new { status = new { eq = "ASSIGNED" } } };

        var strangers = (await stranger.QueryAsync(Page, variables))["licenses"]!;
        var partners = (await partner.QueryAsync(Page, variables))["licenses"]!;

        strangers["totalCount"]!.GetValue<int>().ShouldBe(0);
        partners["totalCount"]!.GetValue<int>().ShouldBe(1);
        partners["nodes"]![0]!["activationKey"].ShouldBeNull();
    }

    [Fact]
    public async Task Licenses_Learner_NotAuthorized()
    {
        var plan = await app.PlanAsync(_enterprise, 1);
        var learner = await app.UserAsync(IdentityRoles.Learner, _enterprise);

        var response = await learner.PostAsync(Page, new { planId = LicenseApi.PlanId(plan.PlanId) });

        response.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
    }

    [Fact]
    public async Task Node_License_VisibleToItsAdmin_NullForAnotherEnterprise()
    {
        var plan = await app.PlanAsync(_enterprise, 1);
        var admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);
        var id = (await LicenseApi.AssignOkAsync(admin, plan.PlanId, "n@example.com"))["assignments"]![0]!["license"]!["id"]!.GetValue<string>();
        var stranger = await app.UserAsync(IdentityRoles.EnterpriseAdmin, Guid.NewGuid());
        const string query = "query($id: ID!) { node(id: $id) { id ... on License { userEmail status } } }";

        (await admin.QueryAsync(query, new { id }))["node"]!["userEmail"]!.GetValue<string>().ShouldBe("n@example.com");
        (await stranger.QueryAsync(query, new { id }))["node"].ShouldBeNull();
    }

    [Fact]
    public async Task LicenseLookup_Operator_FindsEveryEnterprisesLicenses_AdminRefused()
    {
        var email = $"lookup-{Guid.NewGuid():N}@example.com";
        foreach (var enterprise in new[] { _enterprise, Guid.NewGuid() })
        {
            var plan = await app.PlanAsync(enterprise, 1);
            await LicenseApi.AssignOkAsync(await app.UserAsync(IdentityRoles.EnterpriseAdmin, enterprise), plan.PlanId, email);
        }

        const string query = "query($email: String!) { licenseLookup(email: $email) { id userEmail } }";
        var found = (await (await app.OperatorAsync()).QueryAsync(query, new { email = email.ToUpperInvariant() }))["licenseLookup"]!;
        var refused = await (await app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise)).PostAsync(query, new { email });

        found.AsArray().Count.ShouldBe(2);
        refused.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
    }

    private static IEnumerable<string?> Emails(System.Text.Json.Nodes.JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => n!["userEmail"]?.GetValue<string>());
}
