using System.Collections.Concurrent;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Licenses;

public sealed class AssignLicensesTests(LicensesAppFactory app) : IClassFixture<LicensesAppFactory>
{
    private readonly Guid _enterprise = Guid.NewGuid();

    private Task<GqlClient> AdminAsync() => app.UserAsync(IdentityRoles.EnterpriseAdmin, _enterprise);

    [Fact]
    public async Task Assign_MixedCaseDuplicates_AssignsNormalisedOncePerEmail()
    {
        var plan = await app.PlanAsync(_enterprise, 5);
        var admin = await AdminAsync();

        var payload = await LicenseApi.AssignOkAsync(admin, plan.PlanId, " Ann@Example.com ", "ann@example.com", "BOB@example.com");

        payload["numSuccessfulAssignments"]!.GetValue<int>().ShouldBe(2);
        LicenseApiStrings(payload).ShouldBe(["ann@example.com", "bob@example.com"], ignoreOrder: true);
        payload["assignments"]![0]!["license"]!["status"]!.GetValue<string>().ShouldBe("ASSIGNED");
        payload["assignments"]![0]!["license"]!["activationKey"].ShouldNotBeNull();
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Unassigned, counts.Assigned).ShouldBe((3, 2));
        (await app.ScalarAsync("SELECT count(*) FROM licenses.license_events WHERE plan_id = @p AND kind = 1", ("p", plan.PlanId))).ShouldBe(2);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.outbox WHERE plan_id = @p AND kind = 'license-assigned'", ("p", plan.PlanId))).ShouldBe(2);
    }

    [Fact]
    public async Task Assign_EmailAlreadyHoldsLicense_ReportedAsAlreadyAssociated()
    {
        var plan = await app.PlanAsync(_enterprise, 5);
        var admin = await AdminAsync();
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, "carol@example.com");

        var payload = await LicenseApi.AssignOkAsync(admin, plan.PlanId, "CAROL@example.com", "dave@example.com");

        payload["numAlreadyAssociated"]!.GetValue<int>().ShouldBe(1);
        payload["numSuccessfulAssignments"]!.GetValue<int>().ShouldBe(1);
        (await app.CountsAsync(plan.PlanId)).Assigned.ShouldBe(2);
    }

    [Fact]
    public async Task Assign_MoreEmailsThanUnassigned_AssignsNothingAndSaysHowMany()
    {
        var plan = await app.PlanAsync(_enterprise, 2);
        var admin = await AdminAsync();

        var response = await LicenseApi.AssignAsync(admin, plan.PlanId, "a@example.com", "b@example.com", "c@example.com");

        var error = response.Data!["assignLicenses"]!["errors"]![0]!;
        error["__typename"]!.GetValue<string>().ShouldBe("NotEnoughLicensesError");
        error["requested"]!.GetValue<int>().ShouldBe(3);
        error["available"]!.GetValue<long>().ShouldBe(2);
        error["message"]!.GetValue<string>().ShouldBe(
            "There are not enough licenses that can be assigned to complete your request.You attempted to assign 3 licenses, but there are only 2 potentially available.");
        (await app.CountsAsync(plan.PlanId)).Assigned.ShouldBe(0);
    }

    [Fact]
    public async Task Assign_InvalidEmail_AssignsNothing()
    {
        var plan = await app.PlanAsync(_enterprise, 5);

        var response = await LicenseApi.AssignAsync(await AdminAsync(), plan.PlanId, "ok@example.com", "not-an-email");

        var error = response.Data!["assignLicenses"]!["errors"]![0]!;
        error["code"]!.GetValue<string>().ShouldBe("INVALID_EMAIL");
        error["emails"]![0]!.GetValue<string>().ShouldBe("not-an-email");
        (await app.CountsAsync(plan.PlanId)).Assigned.ShouldBe(0);
    }

    [Fact]
    public async Task Assign_EmptyList_IsAnError()
    {
        var plan = await app.PlanAsync(_enterprise, 5);

        var response = await LicenseApi.AssignAsync(await AdminAsync(), plan.PlanId);

        LicenseApi.ErrorCode(response.Data!["assignLicenses"]!).ShouldBe("EMPTY_EMAIL_LIST");
    }

    [Fact]
    public async Task Assign_AdminOfAnotherEnterprise_PlanNotFound()
    {
        var plan = await app.PlanAsync(_enterprise, 5);
        var stranger = await app.UserAsync(IdentityRoles.EnterpriseAdmin, Guid.NewGuid());

        var response = await LicenseApi.AssignAsync(stranger, plan.PlanId, "z@example.com");

        LicenseApi.ErrorCode(response.Data!["assignLicenses"]!).ShouldBe("PLAN_NOT_FOUND");
        (await app.CountsAsync(plan.PlanId)).Assigned.ShouldBe(0);
    }

    [Fact]
    public async Task Assign_NotifyOff_QueuesNoMail()
    {
        var plan = await app.PlanAsync(_enterprise, 5);
        var admin = await AdminAsync();

        var response = await admin.PostAsync(LicenseApi.Assign, new { input = new { planId = LicenseApi.PlanId(plan.PlanId), userEmails = new[] { "q@example.com" }, notifyUsers = false } });

        response.Data!["assignLicenses"]!["numSuccessfulAssignments"]!.GetValue<int>().ShouldBe(1);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.outbox WHERE plan_id = @p", ("p", plan.PlanId))).ShouldBe(0);
    }

    [Fact]
    public async Task Assign_TwentyConcurrentCallsForTheLastTen_ExactlyTenAssignedNoEmailTwice()
    {
        var plan = await app.PlanAsync(_enterprise, 30);
        var admin = await AdminAsync();
        await LicenseApi.AssignOkAsync(admin, plan.PlanId, Enumerable.Range(0, 20).Select(i => $"early{i}@example.com").ToArray());
        var codes = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var response = await LicenseApi.AssignAsync(admin, plan.PlanId, $"racer{i}@example.com");
            response.Errors.ShouldBeNull(response.Raw);
            codes.Add(LicenseApi.ErrorCode(response.Data!["assignLicenses"]!) ?? "OK");
        }));

        codes.Count(c => c == "OK").ShouldBe(10);
        codes.Where(c => c != "OK").ShouldAllBe(c => c == "NOT_ENOUGH_LICENSES");
        var counts = await app.CountsAsync(plan.PlanId);
        (counts.Unassigned, counts.Assigned).ShouldBe((0, 30));
        (await app.ScalarAsync("SELECT count(DISTINCT lower(user_email)) FROM licenses.licenses WHERE plan_id = @p AND status = 1", ("p", plan.PlanId))).ShouldBe(30);
    }

    [Fact]
    public async Task Assign_SameEmailConcurrently_OneLicenseForIt()
    {
        var plan = await app.PlanAsync(_enterprise, 20);
        var admin = await AdminAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => LicenseApi.AssignAsync(admin, plan.PlanId, "same@example.com")));

        responses.ShouldAllBe(r => r.Errors == null && r.Data!["assignLicenses"]!["errors"] == null);
        responses.Sum(r => r.Data!["assignLicenses"]!["numSuccessfulAssignments"]!.GetValue<int>()).ShouldBe(1);
        (await app.CountsAsync(plan.PlanId)).Assigned.ShouldBe(1);
    }

    private static IEnumerable<string> LicenseApiStrings(System.Text.Json.Nodes.JsonNode payload) =>
        payload["assignments"]!.AsArray().Select(a => a!["userEmail"]!.GetValue<string>());
}
