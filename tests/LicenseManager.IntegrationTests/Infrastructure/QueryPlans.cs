using Npgsql;

namespace LicenseManager.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a captured command again under <c>EXPLAIN</c> (plan only, nothing executed) and reads the plan,
/// so a test asserts that a declared index serves a page: <c>Index Scan [Backward] using ix_…</c>, no
/// <c>Seq Scan</c>, no sort of the whole range.
/// </summary>
public static class QueryPlans
{
    /// <param name="options">e.g. <c>(ANALYZE, BUFFERS)</c>, which runs the query, to see rows a scan filtered away.</param>
    public static async Task<string> ExplainAsync(string connectionString, CapturedCommand command, string options = "")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand($"EXPLAIN {options} " + command.Text, connection);
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
