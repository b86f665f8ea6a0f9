using System.Security.Cryptography;
using System.Text;
using LicenseManager.Licenses.Access;

namespace LicenseManager.UnitTests.Licenses;

public sealed class ChecksumTests
{
    [Fact]
    public void Compute_IsBase64HmacOfUserKeyAndLicense()
    {
        var user = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var license = Guid.Parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        var expected = Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes("s3cret"))
            .ComputeHash(Encoding.UTF8.GetBytes("11111111-2222-3333-4444-555555555555:course-v1:x+y:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")));

        Checksum.Compute("s3cret", user, "course-v1:x+y", license).ShouldBe(expected);
    }

    [Fact]
    public void Compute_OtherContentKey_Differs() =>
        Checksum.Compute("s", Guid.Empty, "a", Guid.Empty).ShouldNotBe(Checksum.Compute("s", Guid.Empty, "b", Guid.Empty));

    [Theory]
    [InlineData("course-v1:x+y")]
    [InlineData("course-v1:Ünïcödé+课程+2026")]
    [InlineData(null)] // a 2,000-character key: past the stack buffer
    public void Signer_ReusedAcrossCallsAndSigners_MatchesOneShotHmac(string? contentKey)
    {
        contentKey ??= new string('k', 2000);
        var user = Guid.NewGuid();
        var license = Guid.NewGuid();
        static string OneShot(string secret, string message) =>
            Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));

        var first = new ChecksumSigner(Encoding.UTF8.GetBytes("first-secret"));
        var second = new ChecksumSigner(Encoding.UTF8.GetBytes("second-secret"));
        for (var round = 0; round < 3; round++)
        {
            // Alternating signers on one thread: each keeps its own key, and a reset hash carries nothing over.
            first.Compute(user, contentKey, license).ShouldBe(OneShot("first-secret", $"{user:D}:{contentKey}:{license:D}"));
            second.Compute(user, contentKey, license).ShouldBe(OneShot("second-secret", $"{user:D}:{contentKey}:{license:D}"));
        }
    }
}
