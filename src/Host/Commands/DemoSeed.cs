using System.Text;
using LicenseManager.Identity.Contracts;

namespace LicenseManager.Host.Commands;

/// <summary>The demo accounts as printed by <c>seed-demo</c> and the local default.</summary>
internal static class DemoSeed
{
    public static string Describe(DemoSeedResult result)
    {
        var text = new StringBuilder(result.Created ? "Demo accounts created" : "Demo accounts");
        text.AppendLine($" (enterprise {DemoAccounts.EnterpriseId}; password grant: client_id=license-manager-cli):");
        foreach (var account in result.Accounts)
        {
            text.AppendLine($"  {account.Role,-17} {account.Email,-22} {account.Password}");
        }

        return text.ToString().TrimEnd();
    }
}
