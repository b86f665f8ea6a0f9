using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LicenseManager.Platform.Mail;

/// <summary>Configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public string From { get; set; } = "License Manager <no-reply@license-manager.local>";

    /// <summary>Where <c>.eml</c> files are written (the Host defaults it to <c>.data/mail</c> at the repository root).</summary>
    public string PickupDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "license-manager-mail");
}

/// <summary>Writes each message as an <c>.eml</c> file that any mail client opens.</summary>
public sealed class PickupDirectoryMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var directory = options.Value.PickupDirectory;
        Directory.CreateDirectory(directory);
        using var mail = new System.Net.Mail.MailMessage(options.Value.From, message.To, message.Subject, message.TextBody)
        {
            // Plain 8-bit text so that a developer can copy links straight out of the file (no quoted-printable).
            BodyEncoding = System.Text.Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.EightBit,
        };
        using var client = new System.Net.Mail.SmtpClient
        {
            DeliveryMethod = System.Net.Mail.SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = directory,
        };
        await client.SendMailAsync(mail, cancellationToken);
    }
}

public static class MailRegistration
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName));
        services.TryAddSingleton<IMailSender, PickupDirectoryMailSender>();
        return services;
    }
}
