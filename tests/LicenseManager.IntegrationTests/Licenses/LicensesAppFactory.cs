using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Identity;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Licenses.Contracts;
using LicenseManager.Platform.Data;
using LicenseManager.Subscriptions.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace LicenseManager.IntegrationTests.Licenses;

/// <summary>
/// The real Host with a fake clock (started at the real time, so tokens stay valid until a test moves it),
/// plan terms held in memory, and builders for plans and people.
/// </summary>
public class LicensesAppFactory : IdentityAppFactory
{
    public const string ChecksumSecret = "test-checksum-secret-0123456789";

    private GqlClient? _operator;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public InMemoryPlanTerms Plans { get; } = new();

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Licenses:ChecksumSecret"] = ChecksumSecret };

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        services.RemoveAll<IPlanTerms>();
        services.AddSingleton<IPlanTerms>(Plans);
    }

    /// <summary>A current, active plan of <paramref name="size"/> licenses (terms in memory, licenses provisioned for real).</summary>
    public async Task<PlanTerms> PlanAsync(Guid enterprise, int size, Func<PlanTerms, PlanTerms>? adjust = null, Guid? catalogId = null)
    {
        var now = Clock.GetUtcNow();
        var terms = new PlanTerms(
            Guid.NewGuid(), enterprise, $"Plan {Guid.NewGuid():N}", now.AddDays(-1), now.AddDays(365), true, catalogId,
            IsRevocationCapEnabled: false, RevokeMaxPercentage: 5, ShouldAutoApplyLicenses: false, ForInternalUseOnly: false,
            RenewalEffectiveDate: null, DisableOnboardingNotifications: false, DisableExpirationNotifications: false);
        terms = adjust?.Invoke(terms) ?? terms;
        Plans.Set(terms);
        await ProvisionAsync(terms, size);
        return terms;
    }

    public async Task<int> ProvisionAsync(PlanTerms plan, int size)
    {
        await using var unit = await Services.GetRequiredService<UnitOfWorkFactory>().BeginAsync(CancellationToken.None);
        var added = await Services.GetRequiredService<ILicensePool>().ProvisionAsync(unit, plan.PlanId, plan.EnterpriseCustomerId, size, CancellationToken.None);
        await unit.CommitAsync(CancellationToken.None);
        return added;
    }

    public async Task<LicenseCounts> CountsAsync(Guid planId) =>
        (await Services.GetRequiredService<ILicenseCounts>().GetManyAsync([planId], CancellationToken.None))[planId];

    public async Task<GqlClient> OperatorAsync() => _operator ??= await UserAsync(IdentityRoles.Operator);

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
