using System.Net;
using LicenseManager.Identity.Contracts;
using LicenseManager.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>The Host as configured by default outside the local launcher: no password grant.</summary>
public sealed class PasswordFlowDisabledTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Token_PasswordGrantNotEnabled_IsUnsupported()
    {
        var email = $"learner-{Guid.NewGuid():N}@example.com";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IIdentityAdministration>()
                .AddUserAsync(new NewUser(email, TestUsers.Password, IdentityRoles.Learner, Guid.NewGuid()), CancellationToken.None);
        }

        var response = await new TokenClient(factory.CreateClient()).TryPasswordAsync(email, TestUsers.Password);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Error.ShouldBe("unsupported_grant_type");
    }
}
