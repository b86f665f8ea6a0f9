using System.Diagnostics;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>
/// Issue 9 item 7: outside Development a missing connection string is a configuration error, not a reason to
/// start a local database with demo accounts and the password grant. Runs the built Host as a process, as an
/// operator would, because the point is what the terminal shows.
/// </summary>
public sealed class ProductionStartTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Production", "users", "add", "--email", "someone@example.com", "--password", "Secret-123!", "--role", "operator")]
    public async Task Start_WithoutConnectionString_RefusesWithOneClearLine(string environment, params string[] command)
    {
        var (exit, output, error) = await RunHostAsync(environment, command.Length > 0 ? command : ["--urls=http://127.0.0.1:0"]);

        exit.ShouldNotBe(0);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldContain("ConnectionStrings:LicenseManager is not configured");
        (output + error).ShouldNotContain("   at ");
        (output + error).ShouldNotContain("operator@example.com");
    }

    private static async Task<(int Exit, string Output, string Error)> RunHostAsync(string environment, string[] arguments)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "LicenseManager.Host.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(host);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The Host did not exit: it started although it should have refused.");
        }

        return (process.ExitCode, await output, await error);
    }
}
