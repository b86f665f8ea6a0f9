using LicenseManager.Platform.Mail;
using Microsoft.Extensions.Options;

namespace LicenseManager.UnitTests.Platform;

public sealed class PickupDirectoryMailSenderTests
{
    [Fact]
    public async Task SendAsync_Message_WritesOneEmlFileWithRecipientSubjectAndBody()
    {
        var directory = Path.Combine(Path.GetTempPath(), "lm-mail-test", Guid.NewGuid().ToString("N"));
        var sender = new PickupDirectoryMailSender(Options.Create(new MailOptions { PickupDirectory = directory }));
        try
        {
            await sender.SendAsync(new MailMessage("learner@example.com", "Verify your email", "Open https://x.test/verify?token=abc"), CancellationToken.None);

            var file = Directory.GetFiles(directory).ShouldHaveSingleItem();
            file.ShouldEndWith(".eml");
            var text = await File.ReadAllTextAsync(file);
            text.ShouldContain("To: learner@example.com");
            text.ShouldContain("Subject: Verify your email");
            text.ShouldContain("token=abc");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
