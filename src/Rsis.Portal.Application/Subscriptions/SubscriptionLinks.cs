using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Subscriptions;

/// <summary>What a mailed link is for: confirming, or changing lists and leaving.</summary>
public enum LinkPurpose
{
    Confirm = 0,
    Manage = 1,
}

/// <summary>A mailed link as read back: whose, for what, with which key, made when.</summary>
public sealed record SubscriptionTicket(LinkPurpose Purpose, int SubscriberId, Guid Key, DateTime IssuedAtUtc);

/// <summary>
/// The links in subscription emails: <c>?subscriber={id}&amp;token={token}</c>, the token being the purpose, the
/// subscriber's id and link key and the time it was made, signed and encrypted by Data Protection (keys in the
/// database, so every node reads every link). A token cut, changed, made for another subscriber, or whose key was
/// renewed since (a confirmation already used) reads as nothing. Only a confirmation link expires (48 hours, on the
/// portal's clock); the unsubscribe link must work in any old email.
/// </summary>
public sealed class SubscriptionLinks(IDataProtectionProvider dataProtection, TimeProvider clock, IOptions<SubscriptionOptions> options)
{
    public const string ConfirmPath = "/subscribe/confirm";
    public const string ManagePath = "/subscribe/manage";
    public const string UnsubscribePath = "/unsubscribe";

    /// <summary>The address mail clients POST "List-Unsubscribe=One-Click" to (RFC 8058).</summary>
    public const string OneClickPath = "/unsubscribe/one-click";

    /// <summary>Far above any token this class makes; a longer one is not decrypted at all.</summary>
    private const int MaxTokenLength = 1024;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Rsis.Portal.SubscriptionLinks.v1");

    public string Token(LinkPurpose purpose, Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var issued = clock.GetUtcNow().UtcTicks;
        return _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{purpose}:{subscriber.Id}:{subscriber.LinkKey:N}:{issued}"));
    }

    /// <summary>The absolute address of <paramref name="path"/> with a link for <paramref name="subscriber"/>.</summary>
    public string Absolute(string path, LinkPurpose purpose, Subscriber subscriber) =>
        Absolute(path) + string.Create(CultureInfo.InvariantCulture, $"?subscriber={subscriber.Id}&token={Uri.EscapeDataString(Token(purpose, subscriber))}");

    public string Absolute(string path) => options.Value.PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>
    /// The ticket in <paramref name="token"/> if it was made here for <paramref name="purpose"/> and for subscriber
    /// <paramref name="subscriberId"/>; null otherwise. Whether the key still matches is the caller's to check.
    /// </summary>
    public SubscriptionTicket? Read(LinkPurpose purpose, string? subscriberId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength
            || !int.TryParse(subscriberId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = payload.Split(':');
        return parts.Length == 4
            && Enum.TryParse<LinkPurpose>(parts[0], out var read) && read == purpose
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var signedId) && signedId == id
            && Guid.TryParseExact(parts[2], "N", out var key)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? new SubscriptionTicket(purpose, id, key, new DateTime(ticks, DateTimeKind.Utc))
                : null;
    }

    /// <summary>Whether a confirmation link made at <paramref name="issuedAtUtc"/> has run out.</summary>
    public bool HasExpired(DateTime issuedAtUtc) => clock.GetUtcNow().UtcDateTime - issuedAtUtc > SubscriptionRules.ConfirmationLifetime;
}
