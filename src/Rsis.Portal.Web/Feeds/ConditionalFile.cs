using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Rsis.Portal.Web.Feeds;

/// <summary>
/// Feeds and sitemaps for machines that poll them: an <c>ETag</c> from the bytes and a <c>Last-Modified</c> from
/// when the content changed, so a reader or crawler that asks again with <c>If-None-Match</c> or
/// <c>If-Modified-Since</c> gets a 304 without the body. The file result answers those itself, and the output
/// cache keeps both headers, so a cached copy answers them the same way.
/// </summary>
public static class ConditionalFile
{
    public static FileContentResult For(byte[] content, string contentType, DateTime lastModifiedUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        // Eight bytes of SHA-256 tell apart any two versions a poller will ever hold.
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8))}\"");
        return new FileContentResult(content, contentType)
        {
            EntityTag = tag,
            LastModified = new DateTimeOffset(DateTime.SpecifyKind(lastModifiedUtc, DateTimeKind.Utc)),
        };
    }
}
