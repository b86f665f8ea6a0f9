using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Catalog;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql.Relay;
using LicenseManager.Subscriptions.Contracts;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>An enterprise with a catalog, an admin, and learners who get licenses through the API.</summary>
public sealed class LearnerScenario(LicensesAppFactory app)
{
    public Guid Enterprise { get; } = Guid.NewGuid();

    public Guid CatalogId { get; private set; }

    public GqlClient Admin { get; private set; } = null!;

    public static async Task<LearnerScenario> CreateAsync(LicensesAppFactory app, params string[] courseKeys)
    {
        var scenario = new LearnerScenario(app);
        var catalog = await CatalogApi.CreateAsync(await app.OperatorAsync(), $"Catalog {Guid.NewGuid():N}", scenario.Enterprise);
        if (courseKeys.Length > 0)
        {
            await CatalogApi.AddAsync(await app.OperatorAsync(), catalog, courseKeys.Select(k => (k, "COURSE", k)).ToArray());
        }

        NodeId.TryDecodeGuid(catalog, "Catalog", out var catalogId).ShouldBeTrue();
        scenario.CatalogId = catalogId;
        scenario.Admin = await app.UserAsync(IdentityRoles.EnterpriseAdmin, scenario.Enterprise);
        return scenario;
    }

    public Task<PlanTerms> PlanAsync(int size = 5, Func<PlanTerms, PlanTerms>? adjust = null) =>
        app.PlanAsync(Enterprise, size, adjust, CatalogId);

    /// <summary>A learner of the enterprise with a license of <paramref name="plan"/> assigned; returns the learner and the key.</summary>
    public async Task<(string Email, GqlClient Client, string ActivationKey)> AssignedLearnerAsync(PlanTerms plan, string? email = null)
    {
        email ??= await app.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var payload = await LicenseApi.AssignOkAsync(Admin, plan.PlanId, email);
        var key = payload["assignments"]![0]!["license"]!["activationKey"]!.GetValue<string>();
        return (email, await app.SignedInAsync(email), key);
    }

    public async Task<(string Email, GqlClient Client, string LicenseId)> ActivatedLearnerAsync(PlanTerms plan, string? email = null)
    {
        var (mail, client, key) = await AssignedLearnerAsync(plan, email);
        var response = await LearnerApi.ActivateAsync(client, key);
        var license = response.Data!["activateLicense"]!["license"]!;
        return (mail, client, license["id"]!.GetValue<string>());
    }
}
