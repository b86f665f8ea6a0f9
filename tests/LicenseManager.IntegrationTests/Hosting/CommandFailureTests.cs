using LicenseManager.Host;
using LicenseManager.Host.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Hosting;

/// <summary>Every command failure is one line on stderr and a non-zero exit code: no stack trace reaches the terminal.</summary>
public sealed class CommandFailureTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task UsersAdd_ProductionWithoutCertificates_OneLineNonZero()
    {
        var (exit, output, error) = await HostProcess.RunAsync(
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__LicenseManager"] = factory.ConnectionString },
            "users", "add", "--email", "ops@example.com", "--password", "Operator-123!", "--role", "operator");

        exit.ShouldNotBe(0, error);
        OneLine(error).ShouldContain("Certificate", Case.Insensitive);
        output.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task Serve_ProductionWithoutCertificates_RefusesWithOneClearLine()
    {
        var (exit, _, error) = await HostProcess.RunAsync(
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__LicenseManager"] = factory.ConnectionString },
            "--urls", "http://127.0.0.1:0");

        exit.ShouldNotBe(0, error);
        OneLine(error).ShouldContain("Auth:SigningCertificate");
    }

    [Fact]
    public async Task UsersAdd_DatabaseUnreachable_OneLineNonZero()
    {
        // In process (a second Host process costs seconds of JIT): the Host's composition on a database nobody serves.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:LicenseManager"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";
        builder.Logging.ClearProviders();
        builder.Services.AddLicenseManager(builder.Configuration);
        await using var app = builder.Build();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(
            app.Services, ["users", "add", "--email", "ops@example.com", "--password", "Operator-123!", "--role", "operator"], TextWriter.Null, error);

        exit.ShouldBe(1);
        OneLine(error.ToString()).ShouldContain("127.0.0.1:1");
    }

    [Fact]
    public async Task UnknownCommand_MessageAndUsage_Exit2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync(factory.Services, ["users", "frobnicate"], output, error);

        exit.ShouldBe(2);
        error.ToString().Split('\n')[0].ShouldBe("Unknown command 'users frobnicate'.");
        error.ToString().ShouldContain("users add --email");
        error.ToString().ShouldNotContain(" at ");
    }

    [Fact]
    public async Task Help_ListsTheModulesCommands()
    {
        using var output = new StringWriter();

        (await CommandLine.RunAsync(factory.Services, ["help"], output, TextWriter.Null)).ShouldBe(0);

        // Contributed by the Identity module through IModule.Commands; the Host only lists and dispatches them.
        output.ToString().ShouldContain("users add --email");
        output.ToString().ShouldContain("clients add --client-id");
        output.ToString().ShouldContain("certs generate --output");
        output.ToString().ShouldContain("seed-demo");
    }

    /// <summary>The error output must be exactly one non-empty line (what the terminal shows), without a stack trace.</summary>
    private static string OneLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldNotContain(" at ");
        return lines[0];
    }
}
