using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Identity;
using LicenseManager.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace LicenseManager.IntegrationTests.Subscriptions;

/// <summary>
/// The real Host (real Licenses and Catalog modules) with a fake clock frozen at the start of the run, so tokens stay
/// valid and tests put plan dates around "now" to the millisecond.
/// </summary>
public class SubscriptionsAppFactory : IdentityAppFactory
{
    private GqlClient? _operator;

    // Whole milliseconds: the DateTime scalar carries milliseconds, so dates built from "now" round-trip exactly.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public DateTimeOffset Now => Clock.GetUtcNow();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }

    public async Task<GqlClient> OperatorAsync() => _operator ??= await UserAsync(IdentityRoles.Operator);

    public SubscriptionsApi Api(GqlClient client) => new(client, this);

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

    /// <summary>Moves <paramref name="count"/> UNASSIGNED licenses of the plan to ASSIGNED or ACTIVATED (the Licenses module's mutations are not needed here).</summary>
    public Task<long> HoldLicensesAsync(Guid planId, int count, bool activated) =>
        ScalarAsync(
            """
            WITH picked AS (SELECT id FROM licenses.licenses WHERE plan_id = @p AND status = 0 ORDER BY id LIMIT @n),
            changed AS (
                UPDATE licenses.licenses l
                SET status = @s, user_email = 'learner-' || l.id::text || '@example.com', user_id = gen_random_uuid(),
                    activation_key = gen_random_uuid(), assigned_at = now(), activated_at = CASE WHEN @s = 2 THEN now() END
                FROM picked WHERE l.id = picked.id RETURNING 1)
            SELECT count(*) FROM changed
            """,
            ("p", planId), ("n", count), ("s", activated ? 2 : 1));
}
