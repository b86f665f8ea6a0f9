using LicenseManager.Platform.Gql.Relay;

namespace LicenseManager.UnitTests.Platform;

public sealed class NodeIdTests
{
    [Fact]
    public void Encode_IsBase64OfTypeColonValue()
    {
        NodeId.Encode("Catalog", "42").ShouldBe(Convert.ToBase64String("Catalog:42"u8.ToArray()));
    }

    [Fact]
    public void EncodeGuid_RoundTrips()
    {
        var id = Guid.CreateVersion7();

        NodeId.TryDecodeGuid(NodeId.Encode("License", id), "License", out var decoded).ShouldBeTrue();
        decoded.ShouldBe(id);
    }

    [Fact]
    public void TryDecodeGuid_OtherType_IsFalse()
    {
        NodeId.TryDecodeGuid(NodeId.Encode("Catalog", Guid.NewGuid()), "License", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("Q2F0YWxvZw==")] // "Catalog": no colon
    [InlineData("OjQy")] // ":42": no type
    [InlineData("Q2F0YWxvZzo=")] // "Catalog:": no value
    [InlineData("/w==")] // invalid UTF-8
    public void TryDecode_Garbage_IsFalse(string id)
    {
        NodeId.TryDecode(id, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryDecode_ValueWithColons_KeepsTheRest()
    {
        NodeId.TryDecode(NodeId.Encode("ContentItem", "course-v1:edX+DemoX"), out var type, out var value).ShouldBeTrue();

        type.ShouldBe("ContentItem");
        value.ShouldBe("course-v1:edX+DemoX");
    }
}
