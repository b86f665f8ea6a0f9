using LicenseManager.Licenses.Mutations;

namespace LicenseManager.UnitTests.Licenses;

public sealed class EmailInputTests
{
    [Theory]
    [InlineData(false, false, false, true)]
    [InlineData(true, false, false, false)]
    [InlineData(false, true, false, false)]
    [InlineData(false, false, true, false)]
    [InlineData(true, true, false, true)]
    [InlineData(true, true, true, true)]
    public void ExactlyOne_RefusesNoneOrSeveral_NamingEveryChoice(bool emails, bool where, bool all, bool refused)
    {
        var error = EmailInput.ExactlyOne(("userEmails", emails), ("where", where), ("all", all));

        (error is not null).ShouldBe(refused);
        error?.Message.ShouldBe("Give exactly one of: userEmails, where, all.");
    }

    [Fact]
    public void Check_NotGiven_IsAnErrorOnlyWhenRequired()
    {
        EmailInput.Check(null, required: false, out var none).ShouldBeNull();
        none.ShouldBeEmpty();
        EmailInput.Check([], required: true, out _).ShouldBeOfType<EmptyEmailListError>();
    }

    [Fact]
    public void Check_TooManyOrInvalid_AreErrors_ElseNormalised()
    {
        EmailInput.Check(Enumerable.Repeat("a@example.com", EmailInput.MaxEmails + 1).ToList(), required: true, out _)
            .ShouldBeOfType<TooManyEmailsError>();
        EmailInput.Check(["ok@example.com", "nope"], required: true, out _).ShouldBeOfType<InvalidEmailError>()
            .Emails.ShouldBe(["nope"]);
        EmailInput.Check([" A@Example.com", "a@example.com"], required: true, out var emails).ShouldBeNull();
        emails.ShouldBe(["a@example.com"]);
    }
}
