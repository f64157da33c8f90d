using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Rsis.Portal.Web.Configuration;

/// <summary>The <c>Preview</c> configuration section.</summary>
public sealed class PreviewOptions
{
    public const string SectionName = "Preview";

    /// <summary>How long a shared preview link works after it was made.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Who a shared preview link lets in: one item, while it keeps its preview key. <c>Expires</c>, when the link stops
/// working, is known once a link has been read.
/// </summary>
public sealed record PreviewTicket(PreviewKind Kind, int Id, Guid Key, DateTimeOffset? Expires = null);

/// <summary>
/// Shared preview links, <c>/preview/{token}</c>: the token is the item's kind, id and preview key, signed and
/// encrypted by Data Protection (keys in the database, so every app node reads every link) and time-limited.
/// Anything but a token this portal made, unchanged and unexpired, reads as nothing.
/// </summary>
public sealed class PreviewLinks(IDataProtectionProvider dataProtection, TimeProvider clock, IOptions<PreviewOptions> options)
{
    /// <summary>Far above any token this class makes; a longer one is not decrypted at all.</summary>
    private const int MaxTokenLength = 1024;

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("Rsis.Portal.PreviewLinks.v1").ToTimeLimitedDataProtector();

    /// <summary>What a request log shows of a preview link's address.</summary>
    public const string LoggedPath = "/preview/(token)";

    private const string Prefix = "/preview/";

    public static string Path(string token) => Prefix + token;

    /// <summary><paramref name="path"/>, or <see cref="LoggedPath"/> when it is a preview link (whose token opens it).</summary>
    public static string WithoutToken(string path) =>
        path is not null && path.Length > Prefix.Length && path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? LoggedPath : path!;

    /// <summary>A token for <paramref name="ticket"/>, and when it stops working.</summary>
    public (string Token, DateTimeOffset Expires) Create(PreviewTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var expires = clock.GetUtcNow() + options.Value.LinkLifetime;
        var payload = string.Create(CultureInfo.InvariantCulture, $"{ticket.Kind}:{ticket.Id}:{ticket.Key:N}");
        return (_protector.Protect(payload, expires), expires);
    }

    /// <summary>What <paramref name="token"/> lets in; null when it was not made here, was changed, or has expired.</summary>
    public PreviewTicket? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        string payload;
        DateTimeOffset expires;
        try
        {
            payload = _protector.Unprotect(token, out expires);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        // The protector checks the expiry against the system clock; the portal's own clock (which tests move)
        // decides too, so a link ends when the portal says seven days have passed.
        if (clock.GetUtcNow() >= expires)
        {
            return null;
        }

        var parts = payload.Split(':');
        return parts.Length == 3
            && Enum.TryParse<PreviewKind>(parts[0], out var kind) && Enum.IsDefined(kind)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && Guid.TryParseExact(parts[2], "N", out var key)
                ? new PreviewTicket(kind, id, key, expires)
                : null;
    }
}

public static class PreviewLinksConfig
{
    public static IServiceCollection AddPreviewLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PreviewOptions>(configuration.GetSection(PreviewOptions.SectionName));
        return services.AddSingleton<PreviewLinks>();
    }
}
