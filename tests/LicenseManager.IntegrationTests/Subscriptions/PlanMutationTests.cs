using System.Text.Json.Nodes;
using LicenseManager.Platform.Gql.Relay;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Subscriptions;

public sealed class PlanMutationTests(PlanMutationTests.Factory app) : IClassFixture<PlanMutationTests.Factory>
{
    public sealed class Factory : SubscriptionsAppFactory
    {
        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            FailingLicensePool.Install(services);
        }
    }

    [Fact]
    public async Task CreateSubscriptionPlan_WithLicenses_PlanAndUnassignedLicensesTogether()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();

        var payload = await api.OkAsync(SubscriptionsApi.CreatePlan, api.PlanInput(enterprise, 250), "createSubscriptionPlan");

        payload["licensesAdded"]!.GetValue<int>().ShouldBe(250);
        var plan = payload["subscriptionPlan"]!;
        plan["desiredNumLicenses"]!.GetValue<int>().ShouldBe(250);
        plan["licenseCounts"]!["unassigned"]!.GetValue<long>().ShouldBe(250);
        plan["licenseCounts"]!["total"]!.GetValue<long>().ShouldBe(250);
        plan["catalogId"]!.GetValue<Guid>().ShouldBe(SubscriptionsApi.Key(JsonValue.Create(enterprise.CatalogId)));
        var planId = SubscriptionsApi.Key(plan["id"]);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE plan_id = @p AND status = 0 AND enterprise_customer_id = @e", ("p", planId), ("e", enterprise.Id))).ShouldBe(250);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.change_history WHERE entity_id = @p AND change_reason = 'New' AND kind = 'Created'", ("p", planId))).ShouldBe(1);
    }

    [Fact]
    public async Task CreateSubscriptionPlan_ProvisioningFailsAfterThePlanRow_NeitherPlanNorLicensesRemain()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var input = api.PlanInput(enterprise, FailingLicensePool.FailingSize);

        var response = await api.Client.PostAsync(SubscriptionsApi.CreatePlan, new { input });

        response.Errors.ShouldNotBeNull();
        response.Raw.ShouldNotContain("Simulated failure");
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plans WHERE enterprise_customer_id = @e", ("e", enterprise.Id))).ShouldBe(0);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE enterprise_customer_id = @e", ("e", enterprise.Id))).ShouldBe(0);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.change_history WHERE enterprise_customer_id = @e AND entity_type = 'SubscriptionPlan'", ("e", enterprise.Id))).ShouldBe(0);
    }

    public static TheoryData<string, object?, string> BadFields => new()
    {
        { "title", "   ", "INVALID_TITLE" },
        { "title", new string('x', 129), "INVALID_TITLE" },
        { "expirationDate", "2020-01-01T00:00:00.000Z", "INVALID_DATE_RANGE" },
        { "salesforceOpportunityLineItem", "00k-too-short", "INVALID_SALESFORCE_ID" },
        { "salesforceOpportunityLineItem", "006123456789012345", "INVALID_SALESFORCE_ID" },
        { "revokeMaxPercentage", 101, "INVALID_REVOKE_MAX_PERCENTAGE" },
        { "revokeMaxPercentage", -1, "INVALID_REVOKE_MAX_PERCENTAGE" },
        { "numLicenses", 1_000_001, "INVALID_NUM_LICENSES" },
        { "numLicenses", -1, "INVALID_NUM_LICENSES" },
        { "enterpriseCustomerId", "6a2f0000-0000-4000-8000-000000000000", "ENTERPRISE_NOT_FOUND" },
        { "productId", NodeId.Encode("Product", Guid.Empty), "PRODUCT_NOT_FOUND" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task CreateSubscriptionPlan_BadField_TypedErrorAndNothingCreated(string field, object? value, string code)
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var input = api.PlanInput(enterprise);
        input[field] = value;

        (await api.ErrorCodesAsync(SubscriptionsApi.CreatePlan, input, "createSubscriptionPlan")).ShouldBe([code]);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plans WHERE enterprise_customer_id = @e", ("e", enterprise.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task CreateSubscriptionPlan_PlanTypeRequiresSalesforceId_ErrorWithoutIt_AcceptedWithIt()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var input = api.PlanInput(enterprise);
        input["productId"] = await api.ProductAsync(SubscriptionsApi.StandardPaidPlanTypeId);

        (await api.ErrorCodesAsync(SubscriptionsApi.CreatePlan, input, "createSubscriptionPlan")).ShouldBe(["INVALID_SALESFORCE_ID"]);
        input["salesforceOpportunityLineItem"] = "00k000000000000001";
        (await api.ErrorCodesAsync(SubscriptionsApi.CreatePlan, input, "createSubscriptionPlan")).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateSubscriptionPlan_InternalPlan_MayExceedTheMaximum()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var input = api.PlanInput(enterprise, 0);
        input["numLicenses"] = 1_000_001;
        input["forInternalUseOnly"] = true;
        input["title"] = "validation only";

        // Checked without provisioning a million rows here: the error list must not mention the size.
        var errors = await api.ErrorCodesAsync(SubscriptionsApi.CreatePlan, new Dictionary<string, object?>(input) { ["revokeMaxPercentage"] = 500 }, "createSubscriptionPlan");
        errors.ShouldBe(["INVALID_REVOKE_MAX_PERCENTAGE"]);
    }

    [Fact]
    public async Task CreateSubscriptionPlan_DuplicateTitleInAgreement_Error_OtherAgreementFine()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var other = await api.EnterpriseAsync();
        await api.PlanAsync(enterprise, 0, i => i["title"] = "Annual");

        (await api.ErrorCodesAsync(SubscriptionsApi.CreatePlan, new Dictionary<string, object?>(api.PlanInput(enterprise, 5)) { ["title"] = "Annual" }, "createSubscriptionPlan"))
            .ShouldBe(["DUPLICATE_PLAN_TITLE"]);
        await api.PlanAsync(other, 0, i => i["title"] = "Annual");
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE enterprise_customer_id = @e", ("e", enterprise.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task CreateSubscriptionPlan_CatalogOfAnotherEnterprise_Error_NoCatalogAtAll_Error()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var other = await api.EnterpriseAsync();
        var input = api.PlanInput(enterprise);
        input["catalogId"] = other.CatalogId;

        (await api.ErrorCodesAsync(SubscriptionsApi.CreatePlan, input, "createSubscriptionPlan")).ShouldBe(["CATALOG_NOT_IN_ENTERPRISE"]);

        var bare = Guid.NewGuid();
        await api.OkAsync(SubscriptionsApi.CreateAgreement, new { enterpriseCustomerId = bare }, "createCustomerAgreement");
        (await api.ErrorCodesAsync(SubscriptionsApi.CreatePlan, new Dictionary<string, object?>(api.PlanInput(enterprise)) { ["enterpriseCustomerId"] = bare }, "createSubscriptionPlan"))
            .ShouldBe(["CATALOG_REQUIRED"]);
    }

    [Fact]
    public async Task UpdateSubscriptionPlan_RaiseNumLicenses_AddsTheDifference_LowerIsRefused()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var plan = await api.PlanAsync(enterprise, 20);
        var id = plan["id"]!.GetValue<string>();

        var raised = await api.OkAsync(SubscriptionsApi.UpdatePlan, new { id, changeReason = "ORGANIZATION_REQUESTED_CHANGE", numLicenses = 35 }, "updateSubscriptionPlan");
        var lowered = await api.ErrorCodesAsync(SubscriptionsApi.UpdatePlan, new { id, changeReason = "OTHER", numLicenses = 30 }, "updateSubscriptionPlan");

        raised["licensesAdded"]!.GetValue<int>().ShouldBe(15);
        raised["subscriptionPlan"]!["licenseCounts"]!["unassigned"]!.GetValue<long>().ShouldBe(35);
        lowered.ShouldBe(["NUM_LICENSES_DECREASE"]);
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE plan_id = @p", ("p", SubscriptionsApi.Key(plan["id"])))).ShouldBe(35);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.change_history WHERE entity_id = @p AND change_reason = 'OrganizationRequestedChange'", ("p", SubscriptionsApi.Key(plan["id"])))).ShouldBe(1);
    }

    [Fact]
    public async Task UpdateSubscriptionPlan_FieldsAndValidation()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var plan = await api.PlanAsync(enterprise, 0);
        var id = plan["id"]!.GetValue<string>();

        var updated = await api.OkAsync(SubscriptionsApi.UpdatePlan, new { id, changeReason = "INCORRECT_USER_INPUT", title = "Renamed", isActive = false }, "updateSubscriptionPlan");
        updated["subscriptionPlan"]!["title"]!.GetValue<string>().ShouldBe("Renamed");
        updated["subscriptionPlan"]!["isActive"]!.GetValue<bool>().ShouldBeFalse();
        (await api.ErrorCodesAsync(SubscriptionsApi.UpdatePlan, new { id, changeReason = "OTHER", expirationDate = app.Now.AddYears(-5) }, "updateSubscriptionPlan")).ShouldBe(["INVALID_DATE_RANGE"]);
        (await api.ErrorCodesAsync(SubscriptionsApi.UpdatePlan, new { id = NodeId.Encode("SubscriptionPlan", Guid.NewGuid()), changeReason = "OTHER" }, "updateSubscriptionPlan")).ShouldBe(["SUBSCRIPTION_PLAN_NOT_FOUND"]);
    }

    [Fact]
    public async Task UpdateSubscriptionPlan_ProvisioningFails_NothingChanges()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var plan = await api.PlanAsync(enterprise, 5);

        var response = await api.Client.PostAsync(SubscriptionsApi.UpdatePlan, new { input = new { id = plan["id"]!.GetValue<string>(), changeReason = "OTHER", title = "Changed", numLicenses = FailingLicensePool.FailingSize } });

        response.Errors.ShouldNotBeNull();
        (await app.ScalarAsync("SELECT count(*) FROM licenses.licenses WHERE enterprise_customer_id = @e", ("e", enterprise.Id))).ShouldBe(5);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plans WHERE enterprise_customer_id = @e AND title = 'Changed'", ("e", enterprise.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task AutoApply_OnePlanPerAgreement_SwitchingOneOnSwitchesTheOtherOff()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var first = await api.PlanAsync(enterprise, 0, i => i["shouldAutoApplyLicenses"] = true);
        var second = await api.PlanAsync(enterprise, 0, i => i["shouldAutoApplyLicenses"] = true);

        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.subscription_plans WHERE enterprise_customer_id = @e AND should_auto_apply_licenses", ("e", enterprise.Id))).ShouldBe(1);
        var agreement = await api.Client.QueryAsync(
            "query($e: UUID!) { customerAgreement(enterpriseCustomerId: $e) { autoApplyPlan { id } } }", new { e = enterprise.Id });
        agreement["customerAgreement"]!["autoApplyPlan"]!["id"]!.GetValue<string>().ShouldBe(second["id"]!.GetValue<string>());

        await api.OkAsync(SubscriptionsApi.UpdatePlan, new { id = first["id"]!.GetValue<string>(), changeReason = "OTHER", shouldAutoApplyLicenses = true }, "updateSubscriptionPlan");
        agreement = await api.Client.QueryAsync("query($e: UUID!) { customerAgreement(enterpriseCustomerId: $e) { autoApplyPlan { id } } }", new { e = enterprise.Id });
        agreement["customerAgreement"]!["autoApplyPlan"]!["id"]!.GetValue<string>().ShouldBe(first["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateProduct_ErrorsAndProductsQuery()
    {
        var api = app.Api(await app.OperatorAsync());
        var name = $"Product {Guid.NewGuid():N}";
        await api.OkAsync(SubscriptionsApi.CreateProduct, new { name, planTypeId = SubscriptionsApi.TestPlanTypeId }, "createProduct");

        (await api.ErrorCodesAsync(SubscriptionsApi.CreateProduct, new { name, planTypeId = SubscriptionsApi.TestPlanTypeId }, "createProduct")).ShouldBe(["DUPLICATE_PRODUCT_NAME"]);
        (await api.ErrorCodesAsync(SubscriptionsApi.CreateProduct, new { name = " ", planTypeId = SubscriptionsApi.TestPlanTypeId }, "createProduct")).ShouldBe(["INVALID_FIELD"]);
        (await api.ErrorCodesAsync(SubscriptionsApi.CreateProduct, new { name = "x", planTypeId = NodeId.Encode("PlanType", Guid.NewGuid()) }, "createProduct")).ShouldBe(["PLAN_TYPE_NOT_FOUND"]);
        var data = await api.Client.QueryAsync("{ products { name planType { label } } planTypes { label salesforceIdRequired internalUseOnly } }");
        data["products"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldContain(name);
        data["planTypes"]!.AsArray().Select(t => t!["label"]!.GetValue<string>()).ShouldBe(["OCE", "Standard Paid", "Test", "Trial"]);
    }
}
