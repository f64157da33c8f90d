using MimeKit;

namespace Rsis.Portal.Application.Subscriptions;

/// <summary>Hands a message to the mail system (SMTP, or a folder of .eml files when none is configured); throws when it cannot.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
