using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Rsis.Portal.Web.Harvesting;

/// <summary>
/// Where a list harvest stands: the request it continues (verb, prefix, set, from, until as sent), the key of the
/// last record given and how many were given before the next page (the protocol's <c>cursor</c>).
/// </summary>
public sealed record HarvestContinuation(
    OaiVerb Verb,
    string MetadataPrefix,
    string? Set,
    string? From,
    string? Until,
    HarvestKey After,
    int Cursor);

/// <summary>
/// Resumption tokens that keep nothing on the server: the continuation and its expiry, signed and encrypted by Data
/// Protection (keys in the database, so any app node resumes any harvest) and good for <see cref="Lifetime"/> on the
/// portal's clock. A token that was not made here, was changed, or has expired reads as nothing: the harvester gets
/// <c>badResumptionToken</c>. The expiry is in the payload rather than a time-limited protector's, which would
/// check it against the system clock as well, and so answer differently from the clock the portal (and its
/// tests) run on.
/// </summary>
public sealed class ResumptionTokens(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    /// <summary>Long enough for a slow harvester to come back for the next page, short enough that keys can rotate.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>Far above any token this class makes; a longer one is not decrypted at all.</summary>
    private const int MaxTokenLength = 2048;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Rsis.Portal.OaiPmh.ResumptionTokens.v1");

    /// <summary>A token for <paramref name="continuation"/>, and when it stops working.</summary>
    public (string Token, DateTimeOffset Expires) Create(HarvestContinuation continuation)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        var payload = JsonSerializer.Serialize(new Payload(
            continuation.Verb, continuation.MetadataPrefix, continuation.Set, continuation.From, continuation.Until,
            continuation.After.DatestampUtc.Ticks, continuation.After.Id, continuation.Cursor, expires));
        return (_protector.Protect(payload), expires);
    }

    /// <summary>The continuation <paramref name="token"/> carries; null when it was not made here, was changed or has expired.</summary>
    public HarvestContinuation? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }

        return payload is null || clock.GetUtcNow() >= payload.Expires || !Enum.IsDefined(payload.Verb)
            || payload.AfterTicks < 0 || payload.AfterTicks > DateTime.MaxValue.Ticks || payload.Cursor < 0
            ? null
            : new HarvestContinuation(
                payload.Verb, payload.MetadataPrefix, payload.Set, payload.From, payload.Until,
                new HarvestKey(new DateTime(payload.AfterTicks, DateTimeKind.Utc), payload.AfterId), payload.Cursor);
    }

    private sealed record Payload(
        OaiVerb Verb, string MetadataPrefix, string? Set, string? From, string? Until, long AfterTicks, int AfterId, int Cursor, DateTimeOffset Expires);
}
