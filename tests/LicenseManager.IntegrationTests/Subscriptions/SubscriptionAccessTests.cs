using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Authorization;
using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Subscriptions;

/// <summary>
/// The tenant-isolation matrix over every Subscriptions query and mutation: operators everywhere, the provisioning
/// service everywhere on the fields its role opens (managing agreements, plans, renewals; reading them), enterprise
/// admins and partners read their own enterprise, learners see a plan only through node/their license; another
/// enterprise's object behaves exactly like an unknown id.
/// </summary>
public sealed class SubscriptionAccessTests(SubscriptionAccessTests.Fixture fixture) : IClassFixture<SubscriptionAccessTests.Fixture>
{
    private static readonly Caller[] Readers = [Caller.Operator, Caller.OperatorService, Caller.AdminOfOwn, Caller.AdminOfOther, Caller.PartnerOfOwn, Caller.Provisioning];
    private static readonly Caller[] Managers = [Caller.Operator, Caller.OperatorService, Caller.Provisioning];
    private static readonly Caller[] Everyone = IsolationMatrix.AllCallers.ToArray();
    private static readonly Caller[] Provisioning = [Caller.Provisioning];

    public sealed class Fixture : IsolationFixture<SubscriptionsAppFactory>
    {
        public Dictionary<Target, Guid> Enterprises { get; } = [];

        public Dictionary<Target, string> AgreementIds { get; } = [];

        public Dictionary<Target, string> PlanIds { get; } = [];

        /// <summary>A processed renewal: probes on it change nothing.</summary>
        public Dictionary<Target, (string Id, string Prior, string Renewed)> ProcessedRenewals { get; } = [];

        public Dictionary<Target, string> OpenRenewalIds { get; } = [];

        public string ProductId { get; private set; } = string.Empty;

        protected override async Task SeedAsync(GqlClient @operator)
        {
            var api = Factory.Api(@operator);
            foreach (var (target, enterpriseId) in new[] { (Target.Own, Own), (Target.Other, Other) })
            {
                var enterprise = await api.EnterpriseAsync(enterpriseId);
                ProductId = enterprise.ProductId;
                Enterprises[target] = enterpriseId;
                AgreementIds[target] = enterprise.AgreementId;
                var plan = await api.PlanAsync(enterprise, 2);
                PlanIds[target] = plan["id"]!.GetValue<string>();
                var renewal = (await api.OkAsync(SubscriptionsApi.CreateRenewal, new
                {
                    priorPlanId = PlanIds[target], numberOfLicenses = 2,
                    effectiveDate = Factory.Now.AddDays(300), renewedExpirationDate = Factory.Now.AddDays(700),
                }, "createSubscriptionPlanRenewal"))["renewal"]!["id"]!.GetValue<string>();
                var processed = await api.OkAsync(SubscriptionsApi.ProcessRenewal, new { id = renewal }, "processSubscriptionPlanRenewal");
                ProcessedRenewals[target] = (renewal, PlanIds[target], processed["renewal"]!["renewedPlan"]!["id"]!.GetValue<string>());
                var open = await api.PlanAsync(enterprise, 0);
                OpenRenewalIds[target] = (await api.OkAsync(SubscriptionsApi.CreateRenewal, new
                {
                    priorPlanId = open["id"]!.GetValue<string>(), numberOfLicenses = 1,
                    effectiveDate = Factory.Now.AddDays(300), renewedExpirationDate = Factory.Now.AddDays(700),
                }, "createSubscriptionPlanRenewal"))["renewal"]!["id"]!.GetValue<string>();
            }

            Enterprises[Target.None] = Guid.NewGuid();
            AgreementIds[Target.None] = NodeId.Encode("CustomerAgreement", Guid.NewGuid());
            PlanIds[Target.None] = NodeId.Encode("SubscriptionPlan", Guid.NewGuid());
            var unknownRenewal = NodeId.Encode("SubscriptionPlanRenewal", Guid.NewGuid());
            ProcessedRenewals[Target.None] = (unknownRenewal, PlanIds[Target.None], NodeId.Encode("SubscriptionPlan", Guid.NewGuid()));
            OpenRenewalIds[Target.None] = unknownRenewal;
        }
    }

    private Outcome Classify(GqlClient client, GqlResponse response, Func<GqlResponse, bool> seen) =>
        IsolationMatrix.Classify(response, fixture.CallerOf(client), seen);

    private static Func<GqlResponse, bool> Payload(string field, params string[] hiddenCodes) => r =>
    {
        var errors = r.Data![field]!["errors"]?.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToArray() ?? [];
        errors.ShouldAllBe(code => hiddenCodes.Contains(code), r.Raw);
        return errors.Length == 0;
    };

    [Fact]
    public Task CustomerAgreements_List() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Read, Readers, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(
            "query($e: UUID!) { customerAgreements(where: { enterpriseCustomerId: { eq: $e } }) { totalCount nodes { id } } }", new { e = fixture.Enterprises[target] });
        return Classify(client, response, r =>
        {
            var count = r.Data!["customerAgreements"]!["totalCount"]!.GetValue<int>();
            r.Data!["customerAgreements"]!["nodes"]!.AsArray().Count.ShouldBe(count);
            return count > 0;
        });
    }, Provisioning);

    [Fact]
    public Task CustomerAgreement_ByEnterprise() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Read, Readers, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync("query($e: UUID!) { customerAgreement(enterpriseCustomerId: $e) { id } }", new { e = fixture.Enterprises[target] });
        return Classify(client, response, r => r.Data!["customerAgreement"] is not null);
    }, Provisioning);

    [Fact]
    public Task SubscriptionPlans_List() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Read, Readers, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(
            "query($e: UUID!) { subscriptionPlans(where: { enterpriseCustomerId: { eq: $e } }) { totalCount nodes { id } } }", new { e = fixture.Enterprises[target] });
        return Classify(client, response, r => r.Data!["subscriptionPlans"]!["totalCount"]!.GetValue<int>() > 0);
    }, Provisioning);

    [Theory]
    [InlineData("agreement")]
    [InlineData("plan")]
    [InlineData("renewal")]
    public Task Node_EachType(string type) => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Read, Everyone, Outcome.Hidden, async (client, target) =>
    {
        var id = type switch { "agreement" => fixture.AgreementIds[target], "plan" => fixture.PlanIds[target], _ => fixture.ProcessedRenewals[target].Id };
        var response = await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });
        return Classify(client, response, r => r.Data!["node"] is not null);
    }, Provisioning);

    [Fact]
    public Task RenewalPlans_FollowTheSameRule() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Read, Everyone, Outcome.Hidden, async (client, target) =>
    {
        var response = await client.PostAsync(
            "query($id: ID!) { node(id: $id) { ... on SubscriptionPlanRenewal { priorPlan { id } renewedPlan { id } } } }", new { id = fixture.ProcessedRenewals[target].Id });
        return Classify(client, response, r => r.Data!["node"] is { } node && node["priorPlan"] is not null && node["renewedPlan"] is not null);
    }, Provisioning);

    [Fact]
    public Task UpdateCustomerAgreement() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, Managers, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(
            "mutation($input: UpdateCustomerAgreementInput!) { updateCustomerAgreement(input: $input) { customerAgreement { id } errors { ... on Error { code } } } }",
            new { input = new { id = fixture.AgreementIds[target], disableExpirationNotifications = false } });
        return Classify(client, response, Payload("updateCustomerAgreement", "CUSTOMER_AGREEMENT_NOT_FOUND"));
    }, Provisioning);

    [Fact]
    public Task CreateSubscriptionPlan() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, Managers, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(SubscriptionsApi.CreatePlan, new
        {
            input = new
            {
                enterpriseCustomerId = fixture.Enterprises[target], title = $"Probe {Guid.NewGuid():N}", startDate = fixture.Factory.Now,
                expirationDate = fixture.Factory.Now.AddDays(30), productId = fixture.ProductId, numLicenses = 1, changeReason = "NEW",
            },
        });
        return Classify(client, response, Payload("createSubscriptionPlan", "ENTERPRISE_NOT_FOUND"));
    }, Provisioning);

    [Fact]
    public Task UpdateSubscriptionPlan() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, Managers, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(SubscriptionsApi.UpdatePlan, new { input = new { id = fixture.PlanIds[target], changeReason = "OTHER" } });
        return Classify(client, response, Payload("updateSubscriptionPlan", "SUBSCRIPTION_PLAN_NOT_FOUND"));
    }, Provisioning);

    [Fact]
    public Task CreateSubscriptionPlanRenewal() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, Managers, Outcome.Refused, async (client, target) =>
    {
        // The existing pair: the idempotent create answers with the existing renewal and changes nothing.
        var (_, prior, renewed) = fixture.ProcessedRenewals[target];
        var response = await client.PostAsync(SubscriptionsApi.CreateRenewal, new
        {
            input = new { priorPlanId = prior, renewedPlanId = renewed, numberOfLicenses = 2, effectiveDate = fixture.Factory.Now.AddDays(300), renewedExpirationDate = fixture.Factory.Now.AddDays(700) },
        });
        return Classify(client, response, Payload("createSubscriptionPlanRenewal", "SUBSCRIPTION_PLAN_NOT_FOUND"));
    }, Provisioning);

    [Fact]
    public Task UpdateSubscriptionPlanRenewal() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, Managers, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(
            "mutation($input: UpdateSubscriptionPlanRenewalInput!) { updateSubscriptionPlanRenewal(input: $input) { renewal { id } errors { ... on Error { code } } } }",
            new { input = new { id = fixture.OpenRenewalIds[target], numberOfLicenses = 1 } });
        return Classify(client, response, Payload("updateSubscriptionPlanRenewal", "RENEWAL_NOT_FOUND"));
    }, Provisioning);

    [Fact]
    public Task ProcessSubscriptionPlanRenewal() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, Managers, Outcome.Refused, async (client, target) =>
    {
        var response = await client.PostAsync(SubscriptionsApi.ProcessRenewal, new { input = new { id = fixture.ProcessedRenewals[target].Id } });
        return Classify(client, response, Payload("processSubscriptionPlanRenewal", "RENEWAL_NOT_FOUND"));
    }, Provisioning);

    [Fact]
    public Task DeleteSubscriptionPlanRenewal() => IsolationMatrix.RunAsync(fixture.Clients, TenantAccess.Administer, Managers, Outcome.Refused, async (client, target) =>
    {
        // On a processed renewal: a caller who may see it is told it cannot be deleted; nobody deletes anything.
        var response = await client.PostAsync(
            "mutation($input: DeleteSubscriptionPlanRenewalInput!) { deleteSubscriptionPlanRenewal(input: $input) { deletedRenewalId errors { ... on Error { code } } } }",
            new { input = new { id = fixture.ProcessedRenewals[target].Id } });
        return Classify(client, response, r =>
        {
            var code = r.Data!["deleteSubscriptionPlanRenewal"]!["errors"]![0]!["code"]!.GetValue<string>();
            code.ShouldBeOneOf("RENEWAL_ALREADY_PROCESSED", "RENEWAL_NOT_FOUND");
            return code == "RENEWAL_ALREADY_PROCESSED";
        });
    }, Provisioning);

    [Theory]
    [InlineData(Caller.Operator, true)]
    [InlineData(Caller.Provisioning, true)]
    [InlineData(Caller.AdminOfOwn, true)]
    [InlineData(Caller.PartnerOfOwn, true)]
    [InlineData(Caller.LearnerOfOwn, false)]
    public async Task PlanFigures_AdministrativeReadersOnly(Caller caller, bool allowed)
    {
        var response = await fixture.Clients[caller].PostAsync(
            "query($id: ID!) { node(id: $id) { ... on SubscriptionPlan { title licenseCounts { total } revocations { applied } } } }", new { id = fixture.PlanIds[Target.Own] });

        response.Data!["node"].ShouldNotBeNull(response.Raw);
        if (allowed)
        {
            response.Errors.ShouldBeNull(response.Raw);
            response.Data!["node"]!["licenseCounts"]!["total"]!.GetValue<long>().ShouldBe(2);
        }
        else
        {
            response.Errors!.Select(e => e!["extensions"]!["code"]!.GetValue<string>()).ShouldAllBe(code => code == "AUTH_NOT_AUTHORIZED");
        }
    }

    [Theory]
    [InlineData(Caller.Anonymous, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(Caller.AdminOfOwn, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Caller.LearnerOfOwn, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Caller.PartnerOfOwn, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Caller.UserWithoutMembership, "AUTH_NOT_AUTHORIZED")]
    public async Task CreateCustomerAgreementAndProduct_NonManagers_Refused(Caller caller, string code)
    {
        var enterprise = Guid.NewGuid();
        var agreement = await fixture.Clients[caller].PostAsync(SubscriptionsApi.CreateAgreement, new { input = new { enterpriseCustomerId = enterprise } });
        var product = await fixture.Clients[caller].PostAsync(SubscriptionsApi.CreateProduct, new { input = new { name = "Refused", planTypeId = SubscriptionsApi.TestPlanTypeId } });

        agreement.FirstErrorCode.ShouldBe(code);
        product.FirstErrorCode.ShouldBe(code);
        (await fixture.Factory.ScalarAsync("SELECT count(*) FROM subscriptions.customer_agreements WHERE enterprise_customer_id = @e", ("e", enterprise))).ShouldBe(0);
    }

    [Fact]
    public async Task CreateCustomerAgreement_Provisioning_Allowed_CreateProduct_OperatorsOnly()
    {
        var client = fixture.Clients[Caller.Provisioning];

        var agreement = await client.PostAsync(SubscriptionsApi.CreateAgreement, new { input = new { enterpriseCustomerId = Guid.NewGuid() } });
        var product = await client.PostAsync(SubscriptionsApi.CreateProduct, new { input = new { name = "By provisioning", planTypeId = SubscriptionsApi.TestPlanTypeId } });

        agreement.Errors.ShouldBeNull(agreement.Raw);
        agreement.Data!["createCustomerAgreement"]!["created"]!.GetValue<bool>().ShouldBeTrue();
        product.FirstErrorCode.ShouldBe("AUTH_NOT_AUTHORIZED");
    }

    [Theory]
    [InlineData(Caller.Anonymous, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(Caller.LearnerOfOwn, "AUTH_NOT_AUTHORIZED")]
    [InlineData(Caller.UserWithoutMembership, "AUTH_NOT_AUTHORIZED")]
    public async Task ProductsAndPlanTypes_NonReaders_Refused(Caller caller, string code)
    {
        var response = await fixture.Clients[caller].PostAsync("{ products { id } }");
        var types = await fixture.Clients[caller].PostAsync("{ planTypes { id } }");

        response.FirstErrorCode.ShouldBe(code);
        types.FirstErrorCode.ShouldBe(code);
    }
}
