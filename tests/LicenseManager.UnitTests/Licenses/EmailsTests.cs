using LicenseManager.Licenses.Domain;

namespace LicenseManager.UnitTests.Licenses;

public sealed class EmailsTests
{
    [Fact]
    public void Prepare_TrimsLowerCasesAndDeduplicates_KeepingFirstOrder()
    {
        var (valid, invalid) = Emails.Prepare([" Ann@Example.COM", "bob@example.com", "ann@example.com\t"]);

        valid.ShouldBe(["ann@example.com", "bob@example.com"]);
        invalid.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("@example.com")]
    [InlineData("a@")]
    [InlineData("a@localhost")]
    [InlineData("a b@example.com")]
    [InlineData("")]
    [InlineData("   ")]
    public void Prepare_Invalid_ReportedAsGiven(string email)
    {
        var (valid, invalid) = Emails.Prepare([email]);

        valid.ShouldBeEmpty();
        invalid.ShouldBe([email]);
    }

    [Fact]
    public void IsValid_TooLong_False() =>
        Emails.IsValid(new string('a', 315) + "@x.com").ShouldBeFalse();
}
