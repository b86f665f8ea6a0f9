using System.Security.Claims;
using LicenseManager.Identity.Actors;
using LicenseManager.Identity.Auth;
using Microsoft.Extensions.Time.Testing;

namespace LicenseManager.UnitTests.Identity;

public sealed class AccessTokenCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_BeforeExpiry_Hits_FromExpiryOn_MissesAndForgets()
    {
        var cache = new AccessTokenCache(_clock);
        cache.Add("Bearer a", new ClaimsPrincipal(), CurrentActor.Anonymous, _clock.GetUtcNow().AddMinutes(10));

        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        cache.TryGet("Bearer a", out _).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromTicks(1));
        cache.TryGet("Bearer a", out _).ShouldBeFalse();
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void Add_AlreadyExpired_IsNotCached()
    {
        var cache = new AccessTokenCache(_clock);

        cache.Add("Bearer a", new ClaimsPrincipal(), CurrentActor.Anonymous, _clock.GetUtcNow());

        cache.TryGet("Bearer a", out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGet_IsExactText_AnotherByteMisses()
    {
        var cache = new AccessTokenCache(_clock);
        cache.Add("Bearer abc", new ClaimsPrincipal(), CurrentActor.Anonymous, _clock.GetUtcNow().AddMinutes(10));

        cache.TryGet("Bearer abd", out _).ShouldBeFalse();
        cache.TryGet("bearer abc", out _).ShouldBeFalse();
    }

    [Fact]
    public void Add_AtCapacity_DropsExpiredFirst_ThenEverything_NeverGrowsPastCapacity()
    {
        var cache = new AccessTokenCache(_clock);
        var now = _clock.GetUtcNow();
        for (var i = 0; i < AccessTokenCache.Capacity; i++)
        {
            cache.Add($"t{i}", new ClaimsPrincipal(), CurrentActor.Anonymous, now.AddMinutes(i % 2 == 0 ? 1 : 10));
        }

        _clock.Advance(TimeSpan.FromMinutes(2));
        cache.Add("fresh", new ClaimsPrincipal(), CurrentActor.Anonymous, _clock.GetUtcNow().AddMinutes(10));
        cache.Count.ShouldBe(AccessTokenCache.Capacity / 2 + 1);
        cache.TryGet("t1", out _).ShouldBeTrue();

        for (var i = 0; i < AccessTokenCache.Capacity; i++)
        {
            cache.Add($"u{i}", new ClaimsPrincipal(), CurrentActor.Anonymous, _clock.GetUtcNow().AddMinutes(10));
            cache.Count.ShouldBeLessThanOrEqualTo(AccessTokenCache.Capacity);
        }
    }
}
