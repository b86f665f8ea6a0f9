namespace LicenseManager.Platform.Mail;

/// <summary>An email to one recipient, as plain text.</summary>
public sealed record MailMessage(string To, string Subject, string TextBody);

/// <summary>
/// Sends emails. Development writes them as <c>.eml</c> files (<see cref="PickupDirectoryMailSender"/>);
/// tests replace it with an in-memory sender; SMTP comes later.
/// </summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}
