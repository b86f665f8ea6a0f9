using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.IntegrationTests.Subscriptions;

public sealed class AgreementMutationTests(SubscriptionsAppFactory app) : IClassFixture<SubscriptionsAppFactory>
{
    private const string Update = """
        mutation($input: UpdateCustomerAgreementInput!) {
          updateCustomerAgreement(input: $input) {
            customerAgreement { id enterpriseCustomerId enterpriseCustomerSlug disableOnboardingNotifications licenseDurationBeforePurge }
            errors { __typename ... on Error { message code } }
          }
        }
        """;

    [Fact]
    public async Task CreateCustomerAgreement_SameEnterpriseTwice_ReturnsTheFirstAgreementUnchanged()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = Guid.NewGuid();

        var first = await api.OkAsync(SubscriptionsApi.CreateAgreement, new { enterpriseCustomerId = enterprise, enterpriseCustomerSlug = $"acme-{enterprise:N}", enterpriseCustomerName = "Acme" }, "createCustomerAgreement");
        var second = await api.OkAsync(SubscriptionsApi.CreateAgreement, new { enterpriseCustomerId = enterprise, enterpriseCustomerName = "Other name" }, "createCustomerAgreement");

        first["created"]!.GetValue<bool>().ShouldBeTrue();
        first["customerAgreement"]!["licenseDurationBeforePurge"]!.GetValue<int>().ShouldBe(90);
        second["created"]!.GetValue<bool>().ShouldBeFalse();
        second["customerAgreement"]!["id"]!.GetValue<string>().ShouldBe(first["customerAgreement"]!["id"]!.GetValue<string>());
        second["customerAgreement"]!["enterpriseCustomerName"]!.GetValue<string>().ShouldBe("Acme");
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.customer_agreements WHERE enterprise_customer_id = @e", ("e", enterprise))).ShouldBe(1);
    }

    [Fact]
    public async Task CreateCustomerAgreement_ConcurrentCreates_OneAgreement()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.OkAsync(SubscriptionsApi.CreateAgreement, new { enterpriseCustomerId = enterprise }, "createCustomerAgreement")));

        results.Select(r => r["customerAgreement"]!["id"]!.GetValue<string>()).Distinct().Count().ShouldBe(1);
        results.Count(r => r["created"]!.GetValue<bool>()).ShouldBe(1);
    }

    [Theory]
    [InlineData("enterpriseCustomerSlug", "Not A Slug", "INVALID_SLUG")]
    [InlineData("enterpriseCustomerName", "   ", "INVALID_FIELD")]
    [InlineData("licenseDurationBeforePurge", -1, "INVALID_FIELD")]
    [InlineData("autoScalingThresholdPercentage", 0, "INVALID_FIELD")]
    [InlineData("autoScalingIncrementPercentage", 101, "INVALID_FIELD")]
    [InlineData("autoScalingMaxLicenses", -5, "INVALID_FIELD")]
    public async Task CreateCustomerAgreement_BadField_TypedErrorAndNothingCreated(string field, object value, string code)
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = Guid.NewGuid();

        var codes = await api.ErrorCodesAsync(SubscriptionsApi.CreateAgreement, new Dictionary<string, object?> { ["enterpriseCustomerId"] = enterprise, [field] = value }, "createCustomerAgreement");

        codes.ShouldBe([code]);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.customer_agreements WHERE enterprise_customer_id = @e", ("e", enterprise))).ShouldBe(0);
    }

    [Fact]
    public async Task CreateCustomerAgreement_SlugTaken_DuplicateSlugError()
    {
        var api = app.Api(await app.OperatorAsync());
        var slug = $"taken-{Guid.NewGuid():N}";
        await api.OkAsync(SubscriptionsApi.CreateAgreement, new { enterpriseCustomerId = Guid.NewGuid(), enterpriseCustomerSlug = slug }, "createCustomerAgreement");

        (await api.ErrorCodesAsync(SubscriptionsApi.CreateAgreement, new { enterpriseCustomerId = Guid.NewGuid(), enterpriseCustomerSlug = slug }, "createCustomerAgreement"))
            .ShouldBe(["DUPLICATE_SLUG"]);
    }

    [Fact]
    public async Task CreateCustomerAgreement_DefaultCatalogOfAnotherEnterprise_CatalogNotInEnterpriseError()
    {
        var api = app.Api(await app.OperatorAsync());
        var other = await api.EnterpriseAsync();

        (await api.ErrorCodesAsync(SubscriptionsApi.CreateAgreement, new { enterpriseCustomerId = Guid.NewGuid(), defaultCatalogId = other.CatalogId }, "createCustomerAgreement"))
            .ShouldBe(["CATALOG_NOT_IN_ENTERPRISE"]);
    }

    [Fact]
    public async Task UpdateCustomerAgreement_ChangesGivenFieldsOnly_AndRecordsHistory()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();

        var payload = await api.OkAsync(Update, new { id = enterprise.AgreementId, disableOnboardingNotifications = true, licenseDurationBeforePurge = 30 }, "updateCustomerAgreement");

        payload["customerAgreement"]!["disableOnboardingNotifications"]!.GetValue<bool>().ShouldBeTrue();
        payload["customerAgreement"]!["licenseDurationBeforePurge"]!.GetValue<int>().ShouldBe(30);
        payload["customerAgreement"]!["enterpriseCustomerId"]!.GetValue<Guid>().ShouldBe(enterprise.Id);
        (await app.ScalarAsync(
            "SELECT count(*) FROM subscriptions.change_history WHERE entity_id = @a AND kind = 'Updated' AND snapshot->>'licenseDurationBeforePurgeDays' = '30'",
            ("a", SubscriptionsApi.Key(System.Text.Json.Nodes.JsonValue.Create(enterprise.AgreementId))))).ShouldBe(1);
    }

    [Fact]
    public async Task UpdateCustomerAgreement_AnotherEnterpriseId_ImmutableErrorAndUnchanged()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();

        var codes = await api.ErrorCodesAsync(Update, new { id = enterprise.AgreementId, enterpriseCustomerId = Guid.NewGuid(), licenseDurationBeforePurge = 5 }, "updateCustomerAgreement");

        codes.ShouldBe(["ENTERPRISE_ID_IMMUTABLE"]);
        (await app.ScalarAsync("SELECT count(*) FROM subscriptions.customer_agreements WHERE enterprise_customer_id = @e AND license_duration_before_purge_days = 90", ("e", enterprise.Id))).ShouldBe(1);
        // Its own id is accepted (clients may send the whole object back).
        await api.OkAsync(Update, new { id = enterprise.AgreementId, enterpriseCustomerId = enterprise.Id }, "updateCustomerAgreement");
    }

    [Fact]
    public async Task EnterpriseId_UpdatedInSql_RefusedByTheDatabase()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();

        var failure = await Should.ThrowAsync<Npgsql.PostgresException>(() =>
            app.ScalarAsync("UPDATE subscriptions.customer_agreements SET enterprise_customer_id = gen_random_uuid() WHERE enterprise_customer_id = @e", ("e", enterprise.Id)));
        failure.SqlState.ShouldBe("23514");
    }

    [Fact]
    public async Task UpdateCustomerAgreement_UnknownId_NotFoundError()
    {
        var api = app.Api(await app.OperatorAsync());

        (await api.ErrorCodesAsync(Update, new { id = NodeId.Encode("CustomerAgreement", Guid.NewGuid()) }, "updateCustomerAgreement"))
            .ShouldBe(["CUSTOMER_AGREEMENT_NOT_FOUND"]);
    }
}
