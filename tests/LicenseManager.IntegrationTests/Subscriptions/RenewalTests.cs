using System.Text.Json.Nodes;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Subscriptions;

public sealed class RenewalTests(RenewalTests.Factory app) : IClassFixture<RenewalTests.Factory>
{
    public sealed class Factory : SubscriptionsAppFactory
    {
        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            FailingLicensePool.Install(services);
        }
    }

    /// <summary>A current plan of 10 licenses: 3 ACTIVATED, 2 ASSIGNED, 5 UNASSIGNED; auto-apply on.</summary>
    private async Task<(SubscriptionsApi Api, Enterprise Enterprise, JsonNode Plan)> PriorPlanAsync()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var plan = await api.PlanAsync(enterprise, 10, i => i["shouldAutoApplyLicenses"] = true);
        var planId = SubscriptionsApi.Key(plan["id"]);
        await app.HoldLicensesAsync(planId, 3, activated: true);
        await app.HoldLicensesAsync(planId, 2, activated: false);
        return (api, enterprise, plan);
    }

    private object RenewalInput(JsonNode prior, int numberOfLicenses, string types = "ASSIGNED_AND_ACTIVATED", object? extra = null) => new Dictionary<string, object?>
    {
        ["priorPlanId"] = prior["id"]!.GetValue<string>(),
        ["numberOfLicenses"] = numberOfLicenses,
        ["effectiveDate"] = prior["expirationDate"]!.GetValue<DateTimeOffset>(),
        ["renewedExpirationDate"] = prior["expirationDate"]!.GetValue<DateTimeOffset>().AddYears(1),
        ["licenseTypesToCopy"] = types,
        ["renewedPlanTitle"] = extra as string,
    };

    private async Task<string> RenewalAsync(SubscriptionsApi api, object input) =>
        (await api.OkAsync(SubscriptionsApi.CreateRenewal, input, "createSubscriptionPlanRenewal"))["renewal"]!["id"]!.GetValue<string>();

    [Theory]
    [InlineData("ASSIGNED_AND_ACTIVATED", 5, 2, 3, 3)]
    [InlineData("ACTIVATED", 3, 0, 3, 5)]
    [InlineData("NOTHING", 0, 0, 0, 8)]
    public async Task Process_EachLicenseTypesToCopy_CopiesThoseAndIsIdempotent(string types, int copied, long assigned, long activated, long unassigned)
    {
        var (api, enterprise, prior) = await PriorPlanAsync();
        var renewalId = await RenewalAsync(api, RenewalInput(prior, 8, types));

        var first = await api.OkAsync(SubscriptionsApi.ProcessRenewal, new { id = renewalId }, "processSubscriptionPlanRenewal");
        var second = await api.OkAsync(SubscriptionsApi.ProcessRenewal, new { id = renewalId }, "processSubscriptionPlanRenewal");

        first["licensesCopied"]!.GetValue<int>().ShouldBe(copied);
        second["licensesCopied"]!.GetValue<int>().ShouldBe(0);
        var renewal = second["renewal"]!;
        renewal["processed"]!.GetValue<bool>().ShouldBeTrue();
        var renewed = renewal["renewedPlan"]!;
        renewed["id"]!.GetValue<string>().ShouldBe(first["renewal"]!["renewedPlan"]!["id"]!.GetValue<string>());
        renewed["licenseCounts"]!["assigned"]!.GetValue<long>().ShouldBe(assigned);
        renewed["licenseCounts"]!["activated"]!.GetValue<long>().ShouldBe(activated);
        renewed["licenseCounts"]!["unassigned"]!.GetValue<long>().ShouldBe(unassigned);
        renewed["title"]!.GetValue<string>().ShouldBe($"{prior["title"]!.GetValue<string>()} - Renewal {prior["expirationDate"]!.GetValue<DateTimeOffset>().UtcDateTime.Year}");
        renewed["startDate"]!.GetValue<DateTimeOffset>().ShouldBe(prior["expirationDate"]!.GetValue<DateTimeOffset>());
        renewed["catalogId"]!.GetValue<Guid>().ShouldBe(prior["catalogId"]!.GetValue<Guid>());
        // Auto-apply moved to the future plan; the prior plan keeps its licenses as they were.
        renewed["shouldAutoApplyLicenses"]!.GetValue<bool>().ShouldBeTrue();
        renewal["priorPlan"]!["shouldAutoApplyLicenses"]!.GetValue<bool>().ShouldBeFalse();
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE plan_id = @p AND status IN (1, 2)", ("p", SubscriptionsApi.Key(prior["id"])))).ShouldBe(5);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plans WHERE enterprise_customer_id = @e", ("e", enterprise.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task Process_ConcurrentCalls_OneCopiesTheOthersFindItProcessed()
    {
        var (api, enterprise, prior) = await PriorPlanAsync();
        var renewalId = await RenewalAsync(api, RenewalInput(prior, 8));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            api.OkAsync(SubscriptionsApi.ProcessRenewal, new { id = renewalId }, "processSubscriptionPlanRenewal")));

        results.Select(r => r["licensesCopied"]!.GetValue<int>()).OrderBy(n => n).ShouldBe([0, 0, 0, 5]);
        results.Select(r => r["renewal"]!["renewedPlan"]!["id"]!.GetValue<string>()).Distinct().Count().ShouldBe(1);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plans WHERE enterprise_customer_id = @e", ("e", enterprise.Id))).ShouldBe(2);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE enterprise_customer_id = @e", ("e", enterprise.Id))).ShouldBe(18);
    }

    [Fact]
    public async Task Process_DisableAutoApply_TurnsItOffEverywhere()
    {
        var (api, _, prior) = await PriorPlanAsync();
        var input = (Dictionary<string, object?>)RenewalInput(prior, 8);
        input["disableAutoApplyLicenses"] = true;
        var renewalId = await RenewalAsync(api, input);

        var processed = await api.OkAsync(SubscriptionsApi.ProcessRenewal, new { id = renewalId }, "processSubscriptionPlanRenewal");

        processed["renewal"]!["renewedPlan"]!["shouldAutoApplyLicenses"]!.GetValue<bool>().ShouldBeFalse();
        processed["renewal"]!["priorPlan"]!["shouldAutoApplyLicenses"]!.GetValue<bool>().ShouldBeFalse();
    }

    public static TheoryData<string> FailingSteps => new() { "too few licenses", "failure after copying", "title taken" };

    [Theory]
    [MemberData(nameof(FailingSteps))]
    public async Task Process_FailingStep_NothingChanges(string step)
    {
        var (api, enterprise, prior) = await PriorPlanAsync();
        var input = (Dictionary<string, object?>)RenewalInput(prior, step switch { "too few licenses" => 4, "failure after copying" => FailingLicensePool.FailingSize, _ => 8 });
        if (step == "title taken")
        {
            await api.PlanAsync(enterprise, 0, i => i["title"] = "Taken");
            input["renewedPlanTitle"] = "Taken";
        }

        var renewalId = await RenewalAsync(api, input);
        var before = await SnapshotAsync(enterprise.Id);

        var response = await api.Client.PostAsync(SubscriptionsApi.ProcessRenewal, new { input = new { id = renewalId } });

        var codes = response.Data?["processSubscriptionPlanRenewal"]?["errors"]?.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToArray();
        switch (step)
        {
            case "too few licenses":
                codes.ShouldBe(["NOT_ENOUGH_RENEWAL_LICENSES"]);
                break;
            case "title taken":
                codes.ShouldBe(["DUPLICATE_PLAN_TITLE"]);
                break;
            default:
                response.Errors.ShouldNotBeNull();
                break;
        }

        (await SnapshotAsync(enterprise.Id)).ShouldBe(before);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plan_renewals WHERE enterprise_customer_id = @e AND NOT processed AND renewed_plan_id IS NULL", ("e", enterprise.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Process_ExistingFuturePlanWithHeldLicenses_Refused()
    {
        var (api, enterprise, prior) = await PriorPlanAsync();
        var future = await api.PlanAsync(enterprise, 2);
        await app.HoldLicensesAsync(SubscriptionsApi.Key(future["id"]), 1, activated: false);
        var input = (Dictionary<string, object?>)RenewalInput(prior, 8);
        input["renewedPlanId"] = future["id"]!.GetValue<string>();
        var renewalId = await RenewalAsync(api, input);

        (await api.ErrorCodesAsync(SubscriptionsApi.ProcessRenewal, new { id = renewalId }, "processSubscriptionPlanRenewal")).ShouldBe(["RENEWED_PLAN_NOT_EMPTY"]);
    }

    [Fact]
    public async Task Process_ExistingEmptyFuturePlan_ReceivesTheCopies()
    {
        var (api, enterprise, prior) = await PriorPlanAsync();
        var future = await api.PlanAsync(enterprise, 2);
        var input = (Dictionary<string, object?>)RenewalInput(prior, 8);
        input["renewedPlanId"] = future["id"]!.GetValue<string>();
        var renewalId = await RenewalAsync(api, input);

        var processed = await api.OkAsync(SubscriptionsApi.ProcessRenewal, new { id = renewalId }, "processSubscriptionPlanRenewal");

        processed["renewal"]!["renewedPlan"]!["id"]!.GetValue<string>().ShouldBe(future["id"]!.GetValue<string>());
        processed["renewal"]!["renewedPlan"]!["licenseCounts"]!["total"]!.GetValue<long>().ShouldBe(8);
        processed["renewal"]!["renewedPlan"]!["licenseCounts"]!["allocated"]!.GetValue<long>().ShouldBe(5);
    }

    [Fact]
    public async Task ChainOfRenewals_PriorRenewalsAndDaysIncludingRenewals()
    {
        var (api, _, a) = await PriorPlanAsync();
        var ab = await RenewalAsync(api, RenewalInput(a, 8));
        var b = (await api.OkAsync(SubscriptionsApi.ProcessRenewal, new { id = ab }, "processSubscriptionPlanRenewal"))["renewal"]!["renewedPlan"]!;
        var bc = await RenewalAsync(api, new
        {
            priorPlanId = b["id"]!.GetValue<string>(), numberOfLicenses = 9, effectiveDate = b["expirationDate"]!.GetValue<DateTimeOffset>(),
            renewedExpirationDate = b["expirationDate"]!.GetValue<DateTimeOffset>().AddYears(1),
        });
        var c = (await api.OkAsync(SubscriptionsApi.ProcessRenewal, new { id = bc }, "processSubscriptionPlanRenewal"))["renewal"]!["renewedPlan"]!;

        var data = await api.Client.QueryAsync(
            """
            query($a: ID!, $c: ID!) {
              a: node(id: $a) { ... on SubscriptionPlan { daysUntilExpiration daysUntilExpirationIncludingRenewals renewal { id } priorRenewals { id } } }
              c: node(id: $c) { ... on SubscriptionPlan { daysUntilExpiration licenseCounts { activated assigned } priorRenewals { id priorPlan { id } renewedPlan { id } } renewal { id } } }
            }
            """,
            new { a = a["id"]!.GetValue<string>(), c = c["id"]!.GetValue<string>() });

        data["a"]!["renewal"]!["id"]!.GetValue<string>().ShouldBe(ab);
        data["a"]!["priorRenewals"]!.AsArray().ShouldBeEmpty();
        data["a"]!["daysUntilExpirationIncludingRenewals"]!.GetValue<int>().ShouldBe(data["c"]!["daysUntilExpiration"]!.GetValue<int>());
        data["a"]!["daysUntilExpiration"]!.GetValue<int>().ShouldBeLessThan(data["c"]!["daysUntilExpiration"]!.GetValue<int>());
        data["c"]!["priorRenewals"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ShouldBe([ab, bc]);
        data["c"]!["priorRenewals"]![0]!["priorPlan"]!["id"]!.GetValue<string>().ShouldBe(a["id"]!.GetValue<string>());
        data["c"]!["renewal"].ShouldBeNull();
        // Copies of copies: the learners of A are still there two renewals later.
        data["c"]!["licenseCounts"]!["activated"]!.GetValue<long>().ShouldBe(3);
        data["c"]!["licenseCounts"]!["assigned"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task CreateRenewal_SamePairTwice_Idempotent_OnePlanTaken_Conflict()
    {
        var (api, enterprise, prior) = await PriorPlanAsync();
        var future = await api.PlanAsync(enterprise, 0);
        var other = await api.PlanAsync(enterprise, 0);
        var input = (Dictionary<string, object?>)RenewalInput(prior, 8);
        input["renewedPlanId"] = future["id"]!.GetValue<string>();

        var first = await api.OkAsync(SubscriptionsApi.CreateRenewal, input, "createSubscriptionPlanRenewal");
        var again = await api.OkAsync(SubscriptionsApi.CreateRenewal, input, "createSubscriptionPlanRenewal");
        var conflict = await api.ErrorCodesAsync(SubscriptionsApi.CreateRenewal, new Dictionary<string, object?>(input) { ["renewedPlanId"] = other["id"]!.GetValue<string>() }, "createSubscriptionPlanRenewal");
        var conflictOnFuture = await api.ErrorCodesAsync(SubscriptionsApi.CreateRenewal, new Dictionary<string, object?>(input) { ["priorPlanId"] = other["id"]!.GetValue<string>() }, "createSubscriptionPlanRenewal");

        first["created"]!.GetValue<bool>().ShouldBeTrue();
        again["created"]!.GetValue<bool>().ShouldBeFalse();
        again["renewal"]!["id"]!.GetValue<string>().ShouldBe(first["renewal"]!["id"]!.GetValue<string>());
        conflict.ShouldBe(["RENEWAL_CONFLICT"]);
        conflictOnFuture.ShouldBe(["RENEWAL_CONFLICT"]);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plan_renewals WHERE enterprise_customer_id = @e", ("e", enterprise.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task CreateRenewal_Validation_TypedErrors()
    {
        var (api, enterprise, prior) = await PriorPlanAsync();
        var foreign = await api.PlanAsync(await api.EnterpriseAsync(), 0);
        var input = (Dictionary<string, object?>)RenewalInput(prior, 8);

        (await api.ErrorCodesAsync(SubscriptionsApi.CreateRenewal, new Dictionary<string, object?>(input) { ["numberOfLicenses"] = 0 }, "createSubscriptionPlanRenewal")).ShouldBe(["INVALID_FIELD"]);
        (await api.ErrorCodesAsync(SubscriptionsApi.CreateRenewal, new Dictionary<string, object?>(input) { ["effectiveDate"] = app.Now.AddYears(-3) }, "createSubscriptionPlanRenewal")).ShouldBe(["INVALID_FIELD"]);
        (await api.ErrorCodesAsync(SubscriptionsApi.CreateRenewal, new Dictionary<string, object?>(input) { ["renewedExpirationDate"] = input["effectiveDate"] }, "createSubscriptionPlanRenewal")).ShouldBe(["INVALID_DATE_RANGE"]);
        (await api.ErrorCodesAsync(SubscriptionsApi.CreateRenewal, new Dictionary<string, object?>(input) { ["salesforceOpportunityId"] = "bad" }, "createSubscriptionPlanRenewal")).ShouldBe(["INVALID_SALESFORCE_ID"]);
        (await api.ErrorCodesAsync(SubscriptionsApi.CreateRenewal, new Dictionary<string, object?>(input) { ["renewedPlanId"] = foreign["id"]!.GetValue<string>() }, "createSubscriptionPlanRenewal")).ShouldBe(["INVALID_RENEWAL_PLANS"]);
        (await api.ErrorCodesAsync(SubscriptionsApi.CreateRenewal, new Dictionary<string, object?>(input) { ["renewedPlanId"] = input["priorPlanId"] }, "createSubscriptionPlanRenewal")).ShouldBe(["INVALID_RENEWAL_PLANS"]);
        (await api.ErrorCodesAsync(SubscriptionsApi.CreateRenewal, new Dictionary<string, object?>(input) { ["priorPlanId"] = NodeId.Encode("SubscriptionPlan", Guid.NewGuid()) }, "createSubscriptionPlanRenewal")).ShouldBe(["SUBSCRIPTION_PLAN_NOT_FOUND"]);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plan_renewals WHERE enterprise_customer_id = @e", ("e", enterprise.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task UpdateAndDeleteRenewal_UnprocessedOnly()
    {
        var (api, _, prior) = await PriorPlanAsync();
        var renewalId = await RenewalAsync(api, RenewalInput(prior, 8));
        const string update = "mutation($input: UpdateSubscriptionPlanRenewalInput!) { updateSubscriptionPlanRenewal(input: $input) { renewal { numberOfLicenses licenseTypesToCopy } errors { ... on Error { code } } } }";
        const string delete = "mutation($input: DeleteSubscriptionPlanRenewalInput!) { deleteSubscriptionPlanRenewal(input: $input) { deletedRenewalId errors { ... on Error { code } } } }";

        var updated = await api.OkAsync(update, new { id = renewalId, numberOfLicenses = 9, licenseTypesToCopy = "ACTIVATED" }, "updateSubscriptionPlanRenewal");
        updated["renewal"]!["numberOfLicenses"]!.GetValue<int>().ShouldBe(9);
        updated["renewal"]!["licenseTypesToCopy"]!.GetValue<string>().ShouldBe("ACTIVATED");
        (await api.ErrorCodesAsync(update, new { id = renewalId, numberOfLicenses = 0 }, "updateSubscriptionPlanRenewal")).ShouldBe(["INVALID_FIELD"]);

        await api.OkAsync(SubscriptionsApi.ProcessRenewal, new { id = renewalId }, "processSubscriptionPlanRenewal");
        (await api.ErrorCodesAsync(update, new { id = renewalId, numberOfLicenses = 10 }, "updateSubscriptionPlanRenewal")).ShouldBe(["RENEWAL_ALREADY_PROCESSED"]);
        (await api.ErrorCodesAsync(delete, new { id = renewalId }, "deleteSubscriptionPlanRenewal")).ShouldBe(["RENEWAL_ALREADY_PROCESSED"]);

        var (api2, _, prior2) = await PriorPlanAsync();
        var toDelete = await RenewalAsync(api2, RenewalInput(prior2, 8));
        (await api2.OkAsync(delete, new { id = toDelete }, "deleteSubscriptionPlanRenewal"))["deletedRenewalId"]!.GetValue<string>().ShouldBe(toDelete);
        (await api2.ErrorCodesAsync(delete, new { id = toDelete }, "deleteSubscriptionPlanRenewal")).ShouldBe(["RENEWAL_NOT_FOUND"]);
    }

    /// <summary>Everything a renewal could have changed for the enterprise, as one comparable string.</summary>
    private async Task<string> SnapshotAsync(Guid enterprise)
    {
        var plans = await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plans WHERE enterprise_customer_id = @e", ("e", enterprise));
        var autoApply = await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plans WHERE enterprise_customer_id = @e AND should_auto_apply_licenses", ("e", enterprise));
        var licenses = await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE enterprise_customer_id = @e", ("e", enterprise));
        var linked = await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE enterprise_customer_id = @e AND renewed_to_id IS NOT NULL", ("e", enterprise));
        var processed = await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plan_renewals WHERE enterprise_customer_id = @e AND processed", ("e", enterprise));
        var history = await app.ScalarAsync("SELECT count(*) FROM subscriptions.change_history WHERE enterprise_customer_id = @e", ("e", enterprise));
        return $"plans {plans} autoApply {autoApply} licenses {licenses} linked {linked} processed {processed} history {history}";
    }
}
