using System.Text;
using LicenseManager.IntegrationTests.Foundation.TestFields;
using LicenseManager.IntegrationTests.Infrastructure;
using LicenseManager.Platform.Gql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LicenseManager.IntegrationTests.Foundation;

/// <summary>
/// A client that goes away cancels its running SQL. Deterministic: the statement is found by its own tag in
/// its own database (other classes' sleeps on the shared cluster cannot satisfy the wait), and no execution
/// timeout can end the request first.
/// </summary>
public sealed class CancellationTests(CancellationTests.Factory factory) : IClassFixture<CancellationTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["GraphQL:ExecutionTimeout"] = "00:10:00",
        };

        protected override void ConfigureServices(IServiceCollection services) => services.AddQueryExtension<TransportTestQueries>();
    }

    [Fact]
    public async Task ClientGoesAway_RunningSqlIsCancelled()
    {
        var tag = Guid.NewGuid();
        using var abort = new CancellationTokenSource();
        using var content = new StringContent($$"""{"query":"{ sleep(seconds: 600, tag: \"{{tag}}\") }"}""", Encoding.UTF8, "application/json");
        var request = factory.CreateClient().PostAsync("/graphql", content, abort.Token);

        (await WaitUntilAsync(async () => await RunningSleepsAsync(tag) == 1)).ShouldBeTrue("the query never started");
        await abort.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(request);

        (await WaitUntilAsync(async () => await RunningSleepsAsync(tag) == 0)).ShouldBeTrue("the SQL kept running after the client left");
    }

    private async Task<long> RunningSleepsAsync(Guid tag)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND query LIKE @marker AND pid <> pg_backend_pid()
            """,
            connection);
        command.Parameters.AddWithValue("marker", $"%transport-test-sleep {tag:N}%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls until the condition holds; the bound only ends a broken run, it asserts no timing.</summary>
    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
