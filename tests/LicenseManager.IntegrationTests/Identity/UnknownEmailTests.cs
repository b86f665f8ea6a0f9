using System.Net;
using System.Text.RegularExpressions;
using LicenseManager.Identity.Contracts;
using LicenseManager.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LicenseManager.IntegrationTests.Identity;

/// <summary>The Host with a password hasher that counts its work (the real one does it).</summary>
public sealed class CountingHasherFactory : IdentityAppFactory
{
    internal CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.RemoveAll<IPasswordHasher<User>>();
        services.AddSingleton<IPasswordHasher<User>>(Hasher);
    }
}

internal sealed class CountingPasswordHasher : IPasswordHasher<User>
{
    private readonly PasswordHasher<User> _inner = new();
    private int _hashes;
    private int _verifications;

    /// <summary>Password hashes computed so far (hashing a new password or checking one against a hash).</summary>
    public int Work => Volatile.Read(ref _hashes) + Volatile.Read(ref _verifications);

    public string HashPassword(User user, string password)
    {
        Interlocked.Increment(ref _hashes);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>
/// Issue 9 item 4: nothing tells a stranger whether an email has an account — not the status, not the words,
/// and not the time (asserted as the work done: one password hash either way, never as a wall-clock time).
/// </summary>
public sealed partial class UnknownEmailTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    private static readonly Guid Enterprise = Guid.NewGuid();

    [Fact]
    public async Task LoginPage_WrongPasswordAndUnknownEmail_AnswerAlikeAfterOneHashEach()
    {
        var known = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";

        var (knownAnswer, knownWork) = await LoginAsync(known, "Wrong-123!");
        var (unknownAnswer, unknownWork) = await LoginAsync(unknown, "Wrong-123!");

        knownAnswer.ShouldBe(unknownAnswer);
        knownWork.ShouldBe(1);
        unknownWork.ShouldBe(1);
    }

    [Fact]
    public async Task LoginPage_LockedAccountAndUnknownEmail_AnswerAlikeAfterOneHashEach()
    {
        var known = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(known, "Wrong-123!");
            await LoginAsync(unknown, "Wrong-123!");
        }

        var (knownAnswer, knownWork) = await LoginAsync(known, TestUsers.Password);
        var (unknownAnswer, unknownWork) = await LoginAsync(unknown, TestUsers.Password);

        knownAnswer.ShouldBe(unknownAnswer);
        knownAnswer.Body.ShouldNotContain("signedIn");
        knownWork.ShouldBe(1);
        unknownWork.ShouldBe(1);
    }

    [Fact]
    public async Task TokenEndpoint_WrongPasswordLockedAndUnknownEmail_AnswerAlike()
    {
        var known = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var locked = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var tokens = factory.Tokens();
        for (var i = 0; i < 5; i++)
        {
            await tokens.TryPasswordAsync(locked, "Wrong-123!");
        }

        var before = factory.Hasher.Work;
        var wrong = await tokens.TryPasswordAsync(known, "Wrong-123!");
        var afterWrong = factory.Hasher.Work;
        var lockedOut = await tokens.TryPasswordAsync(locked, TestUsers.Password);
        var afterLocked = factory.Hasher.Work;
        var unknown = await tokens.TryPasswordAsync($"nobody-{Guid.NewGuid():N}@example.com", "Wrong-123!");

        foreach (var response in new[] { lockedOut, unknown })
        {
            response.Status.ShouldBe(wrong.Status);
            response.Body.ToJsonString().ShouldBe(wrong.Body.ToJsonString());
        }

        (afterWrong - before).ShouldBe(1);
        (afterLocked - afterWrong).ShouldBe(1);
        (factory.Hasher.Work - afterLocked).ShouldBe(1);
    }

    [Theory]
    [InlineData("weak")]
    [InlineData("Strong-Enough-123!")]
    public async Task SignUp_TakenAndFreeEmail_AnswerAlikeAfterTheSameWork(string password)
    {
        var taken = await factory.AddUserAsync(IdentityRoles.Learner, Enterprise);
        var free = $"new-{Guid.NewGuid():N}@example.com";

        var (takenAnswer, takenWork) = await SignUpAsync(taken, password);
        var (freeAnswer, freeWork) = await SignUpAsync(free, password);

        takenAnswer.ShouldBe(freeAnswer);
        takenWork.ShouldBe(freeWork);
    }

    private async Task<(Answer Answer, int Work)> LoginAsync(string email, string password) =>
        await PostAsync("/account/login", email, password);

    private async Task<(Answer Answer, int Work)> SignUpAsync(string email, string password) =>
        await PostAsync("/account/signup", email, password);

    /// <summary>The answer with the email and the per-request antiforgery token masked, and the hashing it cost.</summary>
    private async Task<(Answer Answer, int Work)> PostAsync(string page, string email, string password)
    {
        var browser = new BrowserSession(factory.Browser());
        using var form = await browser.GetAsync(page);
        var before = factory.Hasher.Work;
        using var response = await browser.SubmitAsync(page, new() { ["email"] = email, ["password"] = password });
        var work = factory.Hasher.Work - before;
        var body = AntiforgeryValue().Replace((await response.Content.ReadAsStringAsync()).Replace(email, "EMAIL"), "TOKEN");
        return (new Answer(response.StatusCode, response.Headers.Location?.OriginalString, body), work);
    }

    private sealed record Answer(HttpStatusCode Status, string? Location, string Body);

    [GeneratedRegex("""name="__RequestVerificationToken" value="[^"]*"|lm\.antiforgery=[^;]*""")]
    private static partial Regex AntiforgeryValue();
}
