using MimeKit;
using Rsis.Portal.Infrastructure.Email;

namespace Rsis.Portal.UnitTests.Email;

public sealed class PickupFolderMailSenderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rsis-portal-tests", "pickup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_message_with_non_ascii_text_is_written_7_bit_clean_and_reads_back_unchanged()
    {
        const string text = "15 December 2026, 14:00 Singapore time · Séminaire, Block S4 — 新加坡";
        var message = new MimeMessage(
            [new MailboxAddress("S. Rajaratnam School of International Studies", "noreply@example.org")],
            [new MailboxAddress(null, "reader@example.org")],
            "Cyber Norms · a roundtable",
            new Multipart("alternative")
            {
                new TextPart("plain") { Text = text },
                new TextPart("html") { Text = $"<p>{text}</p>" },
            });

        await new PickupFolderMailSender(folder).SendAsync(message, TestContext.Current.CancellationToken);

        var file = Directory.GetFiles(folder, "*.eml").Single();
        // A part that declares no transfer encoding is 7-bit by definition: any byte above 127 in the file
        // would be read by some mail programs as another character set.
        Assert.All(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), b => Assert.True(b < 0x80));
        var read = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal(text, read.TextBody?.TrimEnd());
        Assert.Equal("Cyber Norms · a roundtable", read.Subject);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
