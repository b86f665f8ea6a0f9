using System.Net;
using LicenseManager.IntegrationTests.Infrastructure;

namespace LicenseManager.IntegrationTests.Foundation;

public sealed class SmokeTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Typename_OverPost_AnswersQuery()
    {
        var response = await factory.CreateGqlClient().PostAsync("{ __typename }");

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Data!["__typename"]!.GetValue<string>().ShouldBe("Query");
    }
}
