using System.Text.Json.Nodes;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Subscriptions.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Subscriptions;

public sealed class PlanQueryTests(PlanQueryTests.Factory app) : IClassFixture<PlanQueryTests.Factory>
{
    /// <summary>Logs the Subscriptions context's SQL so tests can count queries.</summary>
    public sealed class Factory : SubscriptionsAppFactory
    {
        public SqlLog Sql { get; } = new();

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.ConfigureDbContext<SubscriptionsDbContext>(options => options.AddInterceptors(Sql));
        }
    }

    private const string PlanById = """
        query($id: ID!) { node(id: $id) { ... on SubscriptionPlan {
          isCurrent daysUntilExpiration daysUntilExpirationIncludingRenewals isLockedForRenewalProcessing
          revocations { isCapEnabled maxPercentage applied remaining } } } }
        """;

    public static TheoryData<double, bool, int> ExpirationBoundaries => new()
    {
        // hours from now to the expiration → isCurrent, daysUntilExpiration (floored like timedelta.days)
        { 48.5, true, 2 },
        { 24, true, 1 },
        { 23.999, true, 0 },
        { 0.001, true, 0 },
        { -0.001, false, -1 },
        { -24, false, -1 },
        { -24.001, false, -2 },
    };

    [Theory]
    [MemberData(nameof(ExpirationBoundaries))]
    public async Task ComputedFields_AroundExpiration(double hoursToExpiration, bool isCurrent, int days)
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var plan = await api.PlanAsync(enterprise, 0, i =>
        {
            i["startDate"] = app.Now.AddDays(-30);
            i["expirationDate"] = app.Now.AddHours(hoursToExpiration);
        });

        var data = (await api.Client.QueryAsync(PlanById, new { id = plan["id"]!.GetValue<string>() }))["node"]!;

        data["isCurrent"]!.GetValue<bool>().ShouldBe(isCurrent);
        data["daysUntilExpiration"]!.GetValue<int>().ShouldBe(days);
        data["daysUntilExpirationIncludingRenewals"]!.GetValue<int>().ShouldBe(days);
    }

    [Theory]
    [InlineData(0.001, false)]
    [InlineData(0, true)]
    [InlineData(-5, true)]
    public async Task IsCurrent_AroundStart(double hoursUntilStart, bool isCurrent)
    {
        var api = app.Api(await app.OperatorAsync());
        var plan = await api.PlanAsync(await api.EnterpriseAsync(), 0, i => i["startDate"] = app.Now.AddHours(hoursUntilStart));

        var data = (await api.Client.QueryAsync(PlanById, new { id = plan["id"]!.GetValue<string>() }))["node"]!;

        data["isCurrent"]!.GetValue<bool>().ShouldBe(isCurrent);
    }

    [Theory]
    [InlineData(12.001, false)]
    [InlineData(12, true)]
    [InlineData(1, true)]
    public async Task IsLockedForRenewalProcessing_TwelveHoursBeforeTheRenewal(double hoursUntilEffective, bool locked)
    {
        var api = app.Api(await app.OperatorAsync());
        var plan = await api.PlanAsync(await api.EnterpriseAsync(), 0);
        await api.OkAsync(SubscriptionsApi.CreateRenewal, new
        {
            priorPlanId = plan["id"]!.GetValue<string>(), numberOfLicenses = 1,
            effectiveDate = app.Now.AddHours(hoursUntilEffective), renewedExpirationDate = app.Now.AddYears(2),
        }, "createSubscriptionPlanRenewal");

        var data = (await api.Client.QueryAsync(PlanById, new { id = plan["id"]!.GetValue<string>() }))["node"]!;

        data["isLockedForRenewalProcessing"]!.GetValue<bool>().ShouldBe(locked);
        data["daysUntilExpirationIncludingRenewals"]!.GetValue<int>().ShouldBeGreaterThan(365);
    }

    [Fact]
    public async Task Revocations_CapArithmeticFromTheLicensesCounter()
    {
        var api = app.Api(await app.OperatorAsync());
        var plan = await api.PlanAsync(await api.EnterpriseAsync(), 101, i => { i["isRevocationCapEnabled"] = true; i["revokeMaxPercentage"] = 5; });
        var uncapped = await api.PlanAsync(await api.EnterpriseAsync(), 10);

        var capped = (await api.Client.QueryAsync(PlanById, new { id = plan["id"]!.GetValue<string>() }))["node"]!["revocations"]!;
        var off = (await api.Client.QueryAsync(PlanById, new { id = uncapped["id"]!.GetValue<string>() }))["node"]!["revocations"]!;

        capped["isCapEnabled"]!.GetValue<bool>().ShouldBeTrue();
        capped["applied"]!.GetValue<int>().ShouldBe(0);
        capped["remaining"]!.GetValue<long>().ShouldBe(6); // ceil(101 × 5 / 100)
        off["remaining"].ShouldBeNull();
    }

    [Fact]
    public async Task SubscriptionPlans_FilterSortPage_CountsForTheWholePageInOneCall()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        foreach (var (title, size) in new[] { ("C plan", 3), ("A plan", 1), ("B plan", 2) })
        {
            await api.PlanAsync(enterprise, size, i => i["title"] = title);
        }

        const string query = """
            query($e: UUID!, $after: String) {
              subscriptionPlans(where: { enterpriseCustomerId: { eq: $e } }, order: [{ title: ASC }], first: 2, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } nodes { title licenseCounts { total } customerAgreement { enterpriseCustomerId } }
              }
            }
            """;
        var page1 = (await api.Client.QueryAsync(query, new { e = enterprise.Id }))["subscriptionPlans"]!;
        var page2 = (await api.Client.QueryAsync(query, new { e = enterprise.Id, after = page1["pageInfo"]!["endCursor"]!.GetValue<string>() }))["subscriptionPlans"]!;

        page1["totalCount"]!.GetValue<int>().ShouldBe(3);
        page1["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ShouldBe(["A plan", "B plan"]);
        page1["nodes"]!.AsArray().Select(n => n!["licenseCounts"]!["total"]!.GetValue<long>()).ShouldBe([1L, 2L]);
        page1["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        page2["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ShouldBe(["C plan"]);
        page2["nodes"]![0]!["customerAgreement"]!["enterpriseCustomerId"]!.GetValue<Guid>().ShouldBe(enterprise.Id);
    }

    [Fact]
    public async Task AgreementWithPlans_OneQueryPerLevelNotPerPlan()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        for (var i = 0; i < 5; i++)
        {
            await api.PlanAsync(enterprise, 1);
        }

        app.Sql.Clear();
        var data = await api.Client.QueryAsync(
            """
            query($e: UUID!) { customerAgreement(enterpriseCustomerId: $e) { netDaysUntilExpiration
              subscriptionPlans(first: 10) { nodes { title daysUntilExpirationIncludingRenewals renewal { id } priorRenewals { id } product { name } planType { label } } } } }
            """,
            new { e = enterprise.Id });

        data["customerAgreement"]!["subscriptionPlans"]!["nodes"]!.AsArray().Count.ShouldBe(5);
        data["customerAgreement"]!["netDaysUntilExpiration"]!.GetValue<int>().ShouldBe(355);
        // Agreement, plans page, renewals + plan expirations once per level (shared by that level's fields), products,
        // plan types: 8 whatever the number of plans (one query per plan per field would be 5 × 6 more).
        app.Sql.Commands.Count.ShouldBeLessThanOrEqualTo(8, string.Join("\n---\n", app.Sql.Commands));
    }

    [Fact]
    public async Task Node_ResolvesEveryType()
    {
        var api = app.Api(await app.OperatorAsync());
        var enterprise = await api.EnterpriseAsync();
        var plan = await api.PlanAsync(enterprise, 0);
        var renewal = (await api.OkAsync(SubscriptionsApi.CreateRenewal, new
        {
            priorPlanId = plan["id"]!.GetValue<string>(), numberOfLicenses = 1,
            effectiveDate = app.Now.AddDays(30), renewedExpirationDate = app.Now.AddYears(2),
        }, "createSubscriptionPlanRenewal"))["renewal"]!["id"]!.GetValue<string>();

        var ids = new[] { enterprise.AgreementId, plan["id"]!.GetValue<string>(), renewal, enterprise.ProductId, SubscriptionsApi.TestPlanTypeId };
        var data = await api.Client.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids });

        data["nodes"]!.AsArray().Select(n => n!["__typename"]!.GetValue<string>())
            .ShouldBe(["CustomerAgreement", "SubscriptionPlan", "SubscriptionPlanRenewal", "Product", "PlanType"]);
        data["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ShouldBe(ids);
    }
}
