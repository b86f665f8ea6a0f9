using LicenseManager.Subscriptions.Domain;

namespace LicenseManager.UnitTests.Subscriptions;

public sealed class RuleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PlanDraft Valid => new("Plan", Start, Start.AddYears(1), "00k123456789012345", 5, 10, ForInternalUseOnly: false);

    [Theory]
    [InlineData(100, 7, 7)]   // the reference's floating point gives 8
    [InlineData(100, 5, 5)]
    [InlineData(101, 5, 6)]   // ceil
    [InlineData(0, 5, 0)]
    [InlineData(1_000_000, 100, 1_000_000)]
    [InlineData(3, 0, 0)]
    public void RevocationCap_AllowedIsExactCeiling(long live, int percentage, long expected) =>
        RevocationCap.Allowed(live, percentage).ShouldBe(expected);

    [Fact]
    public void RevocationCap_RemainingGoesNegativeWhenPercentageLowered() =>
        RevocationCap.Remaining(100, 2, applied: 5).ShouldBe(-3);

    [Fact]
    public void PlanRules_ValidPlan_NoErrors() => PlanRules.Check(Valid, salesforceIdRequired: true).ShouldBeEmpty();

    [Fact]
    public void PlanRules_EachBadField_ItsTypedError()
    {
        PlanRules.Check(Valid with { Title = "  " }, true).Single().ShouldBeOfType<InvalidPlanTitleError>();
        PlanRules.Check(Valid with { Title = new string('x', 129) }, true).Single().ShouldBeOfType<InvalidPlanTitleError>();
        PlanRules.Check(Valid with { ExpirationDate = Start }, true).Single().ShouldBeOfType<InvalidDateRangeError>();
        PlanRules.Check(Valid with { SalesforceOpportunityLineItem = null }, true).Single().ShouldBeOfType<InvalidSalesforceIdError>();
        PlanRules.Check(Valid with { SalesforceOpportunityLineItem = "00k12345" }, false).Single().ShouldBeOfType<InvalidSalesforceIdError>();
        PlanRules.Check(Valid with { SalesforceOpportunityLineItem = "00x123456789012345" }, false).Single().ShouldBeOfType<InvalidSalesforceIdError>();
        PlanRules.Check(Valid with { RevokeMaxPercentage = 101 }, true).Single().ShouldBeOfType<InvalidRevokeMaxPercentageError>();
        PlanRules.Check(Valid with { RevokeMaxPercentage = -1 }, true).Single().ShouldBeOfType<InvalidRevokeMaxPercentageError>();
        PlanRules.Check(Valid with { NumLicenses = 1_000_001 }, true).Single().ShouldBeOfType<InvalidNumLicensesError>();
        PlanRules.Check(Valid with { NumLicenses = -1 }, true).Single().ShouldBeOfType<InvalidNumLicensesError>();
    }

    [Fact]
    public void PlanRules_LineItemOptionalWhenTypeDoesNotRequireIt_InternalPlansMayExceedMaximum()
    {
        PlanRules.Check(Valid with { SalesforceOpportunityLineItem = null }, salesforceIdRequired: false).ShouldBeEmpty();
        PlanRules.Check(Valid with { NumLicenses = 2_000_000, ForInternalUseOnly = true }, true).ShouldBeEmpty();
        PlanRules.Check(Valid with { NumLicenses = 1_000_000 }, true).ShouldBeEmpty();
    }

    [Fact]
    public void RenewedTitle_ReferenceFormat_FitsTheColumn()
    {
        PlanRules.RenewedTitle("Acme 2026", Start.AddYears(1)).ShouldBe("Acme 2026 - Renewal 2027");
        PlanRules.RenewedTitle(new string('x', 128), Start).Length.ShouldBe(128);
    }

    [Fact]
    public void RenewalRules_EachBadField_ItsTypedError()
    {
        var valid = new RenewalDraft(10, Start.AddYears(1), Start.AddYears(2), null, null);
        RenewalRules.Check(valid, Start, false).ShouldBeEmpty();
        RenewalRules.Check(valid with { NumberOfLicenses = 0 }, Start, false).Single().ShouldBeOfType<InvalidFieldError>().Field.ShouldBe("numberOfLicenses");
        RenewalRules.Check(valid with { EffectiveDate = Start.AddDays(-1) }, Start, false).Single().ShouldBeOfType<InvalidFieldError>().Field.ShouldBe("effectiveDate");
        RenewalRules.Check(valid with { RenewedExpirationDate = valid.EffectiveDate }, Start, false).Single().ShouldBeOfType<InvalidDateRangeError>();
        RenewalRules.Check(valid with { SalesforceOpportunityId = "006123456789012345" }, Start, false).Single().ShouldBeOfType<InvalidSalesforceIdError>();
    }

    [Fact]
    public void AgreementRules_SlugAndRanges()
    {
        var errors = new List<LicenseManager.Platform.Gql.Mutations.MutationError>();
        AgreementRules.CheckSlug("acme-corp-2", errors);
        AgreementRules.CheckPurgeDays(90, errors);
        AgreementRules.CheckAutoScaling(100, 30, 50, errors);
        errors.ShouldBeEmpty();

        AgreementRules.CheckSlug("Acme Corp", errors);
        AgreementRules.CheckSlug("-acme", errors);
        AgreementRules.CheckPurgeDays(-1, errors);
        AgreementRules.CheckAutoScaling(-1, 0, 101, errors);
        errors.Count.ShouldBe(6);
    }
}
