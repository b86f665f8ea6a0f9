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
}
