using System.Net;
using LicenseManager.Host.Commands;
using LicenseManager.Identity.Contracts;

namespace LicenseManager.IntegrationTests.Identity;

public sealed class CommandTests(IdentityAppFactory factory) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task UsersAdd_ValidOperator_CanSignInAndIsOperator()
    {
        var email = $"op-{Guid.NewGuid():N}@example.com";

        var (exit, output, _) = await RunAsync("users", "add", "--email", email, "--password", "Operator-123!", "--role", "operator");

        exit.ShouldBe(0);
        output.ShouldContain("Created user");
        var data = await (await factory.SignedInAsync(email, "Operator-123!")).QueryAsync("{ me { roles emailVerified } }");
        data["me"]!["roles"]![0]!.GetValue<string>().ShouldBe("operator");
        data["me"]!["emailVerified"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task UsersAdd_Twice_IsIdempotent()
    {
        var email = $"learner-{Guid.NewGuid():N}@example.com";
        string[] command = ["users", "add", "--email", email, "--password", "Learner-123!", "--role", "learner", "--enterprise", Guid.NewGuid().ToString()];

        (await RunAsync(command)).Exit.ShouldBe(0);
        var (exit, output, _) = await RunAsync(command);

        exit.ShouldBe(0);
        output.ShouldContain("already exists");
    }

    [Theory]
    [InlineData("--role", "learner")]
    [InlineData("--role", "wizard")]
    [InlineData("--role", "learner", "--enterprise", "not-a-uuid")]
    [InlineData("--role", "operator", "--enterprise", "6f1c1d2e-7a4b-4e3c-9d5f-0a1b2c3d4e5f")]
    public async Task UsersAdd_BadInput_ExitsNonZeroWithMessage(params string[] options)
    {
        var (exit, _, error) = await RunAsync(["users", "add", "--email", $"x-{Guid.NewGuid():N}@example.com", "--password", "Secret-123!", .. options]);

        exit.ShouldNotBe(0);
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task ClientsAdd_Partner_GetsTokenByClientCredentials()
    {
        var clientId = $"partner-{Guid.NewGuid():N}";

        var (exit, _, error) = await RunAsync("clients", "add", "--client-id", clientId, "--secret", "partner-secret-0123456789",
            "--role", "partner", "--enterprise", Guid.NewGuid().ToString(), "--scopes", "api");

        exit.ShouldBe(0, error);
        (await factory.Tokens().ClientCredentialsAsync(clientId, "partner-secret-0123456789")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ClientsAdd_UnknownScope_ExitsNonZero()
    {
        var (exit, _, error) = await RunAsync("clients", "add", "--client-id", $"p-{Guid.NewGuid():N}", "--secret", "partner-secret-0123456789",
            "--role", "provisioning", "--scopes", "everything");

        exit.ShouldNotBe(0);
        error.ShouldContain("scope");
    }

    [Fact]
    public async Task SeedDemo_Twice_CreatesOnceAndDemoAdminAdministersDemoEnterprise()
    {
        var first = await RunAsync("seed-demo");
        var second = await RunAsync("seed-demo");

        first.Output.ShouldContain("Demo accounts created");
        second.Exit.ShouldBe(0);
        second.Output.ShouldNotContain("created");
        var data = await (await factory.SignedInAsync("admin@example.com", "Admin-123!")).QueryAsync("{ me { enterprises { enterpriseCustomerId role } } }");
        data["me"]!["enterprises"]![0]!["enterpriseCustomerId"]!.GetValue<string>().ShouldBe(DemoAccounts.EnterpriseId.ToString());
    }

    [Fact]
    public async Task SeedDemo_EveryModule_DemoLearnersFirstContentAccessIsGranted()
    {
        (await RunAsync("seed-demo")).Exit.ShouldBe(0);

        var learner = await factory.SignedInAsync("learner@example.com", "Learner-123!");
        var data = await learner.QueryAsync(
            "query($e: UUID!) { contentAccess(enterpriseCustomerId: $e, contentKeys: [\"course-v1:edX+DemoX+2026\", \"course-v1:Nope+X+2026\"]) { contentKey granted reason } }",
            new { e = DemoAccounts.EnterpriseId });

        var answers = data["contentAccess"]!.AsArray();
        answers[0]!["granted"]!.GetValue<bool>().ShouldBeTrue();
        answers[1]!["granted"]!.GetValue<bool>().ShouldBeFalse();
        answers[1]!["reason"]!.GetValue<string>().ShouldBe("NOT_IN_CATALOG");
    }

    [Fact]
    public async Task CertsGenerate_IntoExistingPair_RefusesToOverwrite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "lm-test-certs", Guid.NewGuid().ToString("N"));
        try
        {
            (await RunAsync("certs", "generate", "--output", directory)).Exit.ShouldBe(0);
            File.Exists(Path.Combine(directory, "signing.pfx")).ShouldBeTrue();

            var (exit, _, error) = await RunAsync("certs", "generate", "--output", directory);

            exit.ShouldNotBe(0);
            error.ShouldContain("already");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(factory.Services, command, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
