using System.Text;
using LicenseManager.IntegrationTests.Infrastructure;
using Npgsql;

namespace LicenseManager.IntegrationTests.Foundation;

public sealed class CancellationTests(TransportFactory factory) : IClassFixture<TransportFactory>
{
    [Fact]
    public async Task ClientGoesAway_RunningSqlIsCancelled()
    {
        using var abort = new CancellationTokenSource();
        using var content = new StringContent("""{"query":"{ sleep(seconds: 60) }"}""", Encoding.UTF8, "application/json");
        var request = factory.CreateClient().PostAsync("/graphql", content, abort.Token);

        (await WaitUntilAsync(async () => await RunningSleepsAsync() == 1)).ShouldBeTrue("the query never started");
        await abort.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(request);

        (await WaitUntilAsync(async () => await RunningSleepsAsync() == 0)).ShouldBeTrue("the SQL kept running after the client left");
    }

    private async Task<long> RunningSleepsAsync()
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%transport-test-sleep%' AND pid <> pg_backend_pid()",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
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
