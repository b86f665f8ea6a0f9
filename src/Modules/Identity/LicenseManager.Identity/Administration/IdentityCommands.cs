using System.Text;
using LicenseManager.Identity.Auth;
using LicenseManager.Identity.Contracts;
using LicenseManager.Platform.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Identity.Administration;

/// <summary>
/// Identity's administrative commands (<c>users add</c>, <c>clients add</c>, <c>certs generate</c>) and its part
/// of the demo. Only the command-line wiring lives here; the work is <see cref="IIdentityAdministration"/>'s.
/// </summary>
internal static class IdentityCommands
{
    public static IEnumerable<ModuleCommand> All =>
    [
        new(
            "users add",
            "--email <email> --password <password> --role operator|enterprise_admin|learner [--enterprise <uuid>]",
            "Add a verified user (or add the role to an existing one).",
            ["--email", "--password", "--role", "--enterprise"],
            NeedsDatabase: true,
            context => WithAdministrationAsync(context, admin => admin.AddUserAsync(
                new NewUser(context.Required("--email"), context.Required("--password"), context.Required("--role"), context.OptionalGuid("--enterprise")),
                context.CancellationToken))),
        new(
            "clients add",
            "--client-id <id> --secret <secret> --role partner|provisioning|operator [--enterprise <uuid>] [--scopes \"api ...\"]",
            "Add (or update) a client-credentials service client.",
            ["--client-id", "--secret", "--role", "--enterprise", "--scopes"],
            NeedsDatabase: true,
            context => WithAdministrationAsync(context, admin => admin.AddClientAsync(
                new NewClient(
                    context.Required("--client-id"), context.Required("--secret"), context.Required("--role"), context.OptionalGuid("--enterprise"),
                    context.Optional("--scopes")?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries) ?? []),
                context.CancellationToken))),
        new(
            "certs generate",
            "--output <dir> [--password <pfx password>]   (relative to the repository root)",
            "Write a signing + encryption certificate pair for Auth:*Certificate.",
            ["--output", "--password"],
            NeedsDatabase: false,
            GenerateCertificatesAsync),
    ];

    /// <summary>The demo operator, enterprise admin and learner (idempotent).</summary>
    public static async Task<string?> SeedDemoAsync(IServiceProvider services, bool onlyIntoEmptyDatabase, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IIdentityAdministration>().SeedDemoAsync(onlyIntoEmptyDatabase, cancellationToken);
        var text = new StringBuilder(result.Created ? "Demo accounts created" : "Demo accounts");
        text.AppendLine($" (enterprise {DemoAccounts.EnterpriseId}; password grant: client_id=license-manager-cli):");
        foreach (var account in result.Accounts)
        {
            text.AppendLine($"  {account.Role,-17} {account.Email,-22} {account.Password}");
        }

        return text.ToString().TrimEnd();
    }

    private static async Task<string> WithAdministrationAsync(CommandContext context, Func<IIdentityAdministration, Task<string>> action)
    {
        try
        {
            return await action(context.Services.GetRequiredService<IIdentityAdministration>());
        }
        catch (IdentityAdministrationException exception)
        {
            throw new CommandException(exception.Message);
        }
    }

    private static Task<string> GenerateCertificatesAsync(CommandContext context)
    {
        try
        {
            var (signing, encryption) = CertificateFiles.Generate(context.ResolvePath(context.Required("--output")), context.Optional("--password"), TimeProvider.System);
            return Task.FromResult(
                $"Wrote {Path.GetFullPath(signing)} and {Path.GetFullPath(encryption)}.\n" +
                "Configure every instance with Auth:SigningCertificate:Path / Auth:EncryptionCertificate:Path (and :Password).");
        }
        catch (IOException exception)
        {
            throw new CommandException(exception.Message);
        }
    }
}
