using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Rsis.Portal.Application.Subscriptions;

namespace Rsis.Portal.Infrastructure.Email;

/// <summary>The <c>Email:Smtp</c> configuration section: the server that sends the portal's mail.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Email:Smtp";

    /// <summary>Empty (the default): no server, and messages are written to <see cref="MailDestination"/>'s folder instead.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS (required when set); off, port 465 uses TLS from the start and any other none.</summary>
    public bool UseStartTls { get; set; } = true;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Where mail goes, for the log at start: "smtp.example.org:587", or the folder of .eml files.</summary>
public sealed record MailDestination(string Description, bool IsFolder);

public static class EmailSetup
{
    /// <summary>
    /// MailKit over SMTP when <c>Email:Smtp:Host</c> is set; otherwise every message is written as an .eml file to
    /// <c>Email:PickupDirectory</c> (default <c>App_Data/mail</c> under the content root), so the portal runs with
    /// nothing else and a developer can open what it would have sent.
    /// </summary>
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<SubscriptionOptions>(configuration.GetSection(SubscriptionOptions.SectionName));
        var smtp = configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions();
        if (!string.IsNullOrWhiteSpace(smtp.Host))
        {
            services.AddSingleton(smtp);
            services.AddSingleton(new MailDestination($"{smtp.Host}:{smtp.Port}", IsFolder: false));
            return services.AddSingleton<IMailSender, SmtpMailSender>();
        }

        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Email:PickupDirectory"] ?? Path.Combine("App_Data", "mail")));
        services.AddSingleton(new MailDestination(folder, IsFolder: true));
        return services.AddSingleton<IMailSender>(new PickupFolderMailSender(folder));
    }
}

/// <summary>Sends each message over a connection of its own: the outbox sends a few at a time, and a broken connection then costs one message.</summary>
internal sealed class SmtpMailSender(SmtpOptions options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        var security = options.UseStartTls ? SecureSocketOptions.StartTls
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
        await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>No SMTP server: each message becomes a file, named by time and a random part so none overwrites another.</summary>
internal sealed class PickupFolderMailSender(string folder) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        // Written under a temporary name and moved, so a reader never sees half a message.
        var temporary = Path.Combine(folder, name + ".tmp");
        // An SMTP client chooses each part's transfer encoding for its server; a file has no server to ask, so
        // it is made 7-bit clean (quoted-printable or base64, declared in each part's header), which every mail
        // program reads. Written as it is, a "·" or an "é" would be raw 8-bit bytes in a part that claims 7-bit.
        message.Prepare(EncodingConstraint.SevenBit);
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name));
    }
}
