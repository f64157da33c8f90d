using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Rsis.Portal.Application.Publications.GetSocialCard;

/// <summary>The folder the drawn social cards are kept in (<c>SocialCards:Directory</c>, under the content root).</summary>
public sealed record SocialCardFolder(string Path);

/// <summary>
/// Keeps each publication's social card on disk: draws it the first time it is asked for, and again when what it
/// shows (or the drawing) changed. The one writer behind the card query, so the query itself only reads.
/// A card is a pure function of what it shows, so each node may keep its own copy: every node draws the same bytes
/// and names the same ETag, and nothing needs to be shared through the database.
/// </summary>
public sealed class SocialCardStore(SocialCardFolder folder, ISocialCardRenderer renderer, TimeProvider clock, ILogger<SocialCardStore> logger)
{
    /// <summary>The kept card of <paramref name="card"/>, drawn and stored now if missing or out of date.</summary>
    public async Task<KeptSocialCard> GetOrDrawAsync(int publicationId, SocialCardDocument card, CancellationToken cancellationToken)
    {
        var contentKey = ContentKey(card, renderer.Version);
        var path = Path.Combine(folder.Path, $"{publicationId}-{contentKey}.png");
        try
        {
            return new KeptSocialCard(await File.ReadAllBytesAsync(path, cancellationToken), contentKey, File.GetLastWriteTimeUtc(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Not drawn yet, or removed a moment ago by a request drawing a later version: drawn below.
        }

        var content = renderer.Render(card);
        logger.LogInformation("Drew the social card of {Code}", card.Code);
        DateTime drawnAtUtc;
        try
        {
            Keep(path, content);
            drawnAtUtc = File.GetLastWriteTimeUtc(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder the process may not write (a read-only image, a full disk) costs a drawing per request, not the card.
            logger.LogWarning(e, "The social card of {Code} could not be kept in {Folder}", card.Code, folder.Path);
            return new KeptSocialCard(content, contentKey, clock.GetUtcNow().UtcDateTime);
        }

        RemoveEarlierVersions(publicationId, path);
        return new KeptSocialCard(content, contentKey, drawnAtUtc);
    }

    private void Keep(string path, byte[] content)
    {
        Directory.CreateDirectory(folder.Path);
        // Written aside and moved into place, so a reader on another request never reads half a card; two readers
        // drawing at once write the same bytes, and the later move simply wins.
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(partial, content);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Best effort: a card of an earlier version left behind only takes room, and is removed next time.</summary>
    private void RemoveEarlierVersions(int publicationId, string path)
    {
        try
        {
            foreach (var stale in Directory.EnumerateFiles(folder.Path, $"{publicationId}-*.png").Where(f => f != path))
            {
                File.Delete(stale);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogInformation(e, "Earlier social cards of publication {Id} could not be removed from {Folder}", publicationId, folder.Path);
        }
    }

    /// <summary>What the card shows plus the drawing's version: a new key means a new card.</summary>
    internal static string ContentKey(SocialCardDocument card, string rendererVersion)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { rendererVersion, card });
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }
}

/// <summary>A kept card: its PNG bytes, the key of what it shows, and when it was drawn.</summary>
public sealed record KeptSocialCard(byte[] Content, string ContentKey, DateTime DrawnAtUtc);
