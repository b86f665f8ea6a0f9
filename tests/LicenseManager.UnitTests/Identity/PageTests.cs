using LicenseManager.Identity.Accounts;

namespace LicenseManager.UnitTests.Identity;

public sealed class PageTests
{
    [Theory]
    [InlineData("/connect/authorize?client_id=x", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/\r\n/evil.example", false)]
    [InlineData("/\u0000/evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsLocalUrl_Candidate_OnlyPathsOnThisSite(string? url, bool expected)
    {
        Page.IsLocalUrl(url).ShouldBe(expected);
    }
}
