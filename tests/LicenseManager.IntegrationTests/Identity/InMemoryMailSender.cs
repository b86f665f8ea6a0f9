using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LicenseManager.Platform.Mail;

namespace LicenseManager.IntegrationTests.Identity;

public sealed partial class InMemoryMailSender : IMailSender
{
    private readonly ConcurrentQueue<MailMessage> _sent = new();

    public IReadOnlyList<MailMessage> Sent => [.. _sent];

    public Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The first link in the last message sent to <paramref name="to"/>, as a path and query.</summary>
    public string LinkTo(string to)
    {
        var message = Sent.Last(m => m.To == to);
        var url = new Uri(Link().Match(message.TextBody).Value);
        return url.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
