using LicenseManager.Platform.Gql.Scalars;

namespace LicenseManager.UnitTests.Platform;

public sealed class ScalarTests
{
    [Fact]
    public void Serialize_DateTimeWithOffset_IsUtcWithMilliseconds() =>
        new DateTimeType().Serialize(new DateTimeOffset(2024, 6, 1, 14, 30, 0, 123, TimeSpan.FromHours(2))).ShouldBe("2024-06-01T12:30:00.123Z");

    [Fact]
    public void ParseValue_DateTimeWithoutOffset_Throws() =>
        Should.Throw<FormatException>(() => new DateTimeType().ParseValue("2024-06-01T12:30:00"));

    [Fact]
    public void ParseValue_DateTimeWithOffset_IsThatInstant() =>
        new DateTimeType().ParseValue("2024-06-01T14:30:00+02:00").ShouldBe(new DateTimeOffset(2024, 6, 1, 12, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Serialize_Date_IsIsoCalendarDate() =>
        new DateType().Serialize(new DateOnly(2024, 2, 29)).ShouldBe("2024-02-29");

    [Fact]
    public void Names_AreHotChocolates()
    {
        new DateTimeType().Name.ShouldBe("DateTime");
        new DateType().Name.ShouldBe("Date");
        new UuidType().Name.ShouldBe("UUID");
    }

    [Fact]
    public void Serialize_Uuid_IsHyphenated() =>
        new UuidType().Serialize(Guid.Parse("0123456789abcdef0123456789abcdef")).ShouldBe("01234567-89ab-cdef-0123-456789abcdef");
}

public sealed class ExpressionValuesTests
{
    [Fact]
    public void Convert_DateTimeOffsetToDateTime_IsUtc() =>
        LicenseManager.Platform.Gql.Conventions.ExpressionValues.Convert(new DateTimeOffset(2024, 1, 1, 2, 0, 0, TimeSpan.FromHours(2)), typeof(DateTime?))
            .ShouldBe(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Convert_IntToLong_Widens() =>
        LicenseManager.Platform.Gql.Conventions.ExpressionValues.Convert(5, typeof(long)).ShouldBe(5L);
}
