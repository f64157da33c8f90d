using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Rsis.Portal.Application.Publications.GetPublicationPdf;

/// <summary>
/// Keeps each publication's typeset PDF: typesets it the first time it is asked for, and again when what it shows
/// (or the renderer) changed, and stores it so every app node serves the same file. The one writer behind the
/// PDF query, so the query itself only reads.
/// </summary>
public sealed class TypesetPdfStore(
    IPortalDbContext db, TimeProvider clock, IPublicationPdfRenderer renderer, IWorkLocks locks, ILogger<TypesetPdfStore> logger)
{
    /// <summary>Longer than typesetting takes; past it a reader gets a PDF typeset for them rather than an error.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    /// <summary>The name the kept PDF records as its maker.</summary>
    public const string Typesetter = "typesetter";

    /// <summary>The kept PDF of <paramref name="document"/>, typeset and stored now if missing or out of date.</summary>
    public async Task<PublicationPdf> GetOrTypesetAsync(int publicationId, PublicationDocument document, CancellationToken cancellationToken)
    {
        var contentKey = ContentKey(document, renderer.Version);
        var kept = await FindAsync(publicationId, cancellationToken);
        if (kept is not null && kept.ContentKey == contentKey)
        {
            return kept;
        }

        // Readers on several nodes asking at once (a publication just out) wait for one typesetting, not one each.
        await using var typesetting = await locks.TryTakeAsync("typeset-pdf:" + publicationId, LockWait, cancellationToken);
        if (kept is not null)
        {
            await db.PublicationPdfs.Entry(kept).ReloadAsync(cancellationToken);
        }
        else
        {
            kept = await FindAsync(publicationId, cancellationToken);
        }

        if (kept is not null && kept.ContentKey == contentKey)
        {
            return kept;
        }

        var content = renderer.Render(document);
        logger.LogInformation("Typeset the PDF of {Code}", document.Code);
        return await KeepAsync(publicationId, kept, content, contentKey, cancellationToken);
    }

    /// <summary>The length of the kept PDF of <paramref name="document"/>; null when it has not been typeset yet.</summary>
    public Task<long?> KeptLengthAsync(int publicationId, PublicationDocument document, CancellationToken cancellationToken)
    {
        var contentKey = ContentKey(document, renderer.Version);
        return db.PublicationPdfs.AsNoTracking()
            .Where(f => f.PublicationId == publicationId && f.Source == PdfSource.Generated && f.ContentKey == contentKey)
            .Select(f => (long?)f.Length)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private Task<PublicationPdf?> FindAsync(int publicationId, CancellationToken cancellationToken) =>
        db.PublicationPdfs
            .Where(f => f.PublicationId == publicationId && f.Source == PdfSource.Generated)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>What the PDF shows plus the renderer's version: a new key means a new PDF.</summary>
    internal static string ContentKey(PublicationDocument document, string rendererVersion)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { rendererVersion, document });
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private async Task<PublicationPdf> KeepAsync(
        int publicationId, PublicationPdf? stale, byte[] content, string contentKey, CancellationToken cancellationToken)
    {
        var pdf = stale ?? new PublicationPdf
        {
            PublicationId = publicationId,
            Source = PdfSource.Generated,
            Content = content,
            Sha256 = "",
        };
        pdf.Content = content;
        pdf.Length = content.Length;
        pdf.Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        pdf.ContentKey = contentKey;
        pdf.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        pdf.CreatedBy = Typesetter;
        if (stale is null)
        {
            db.PublicationPdfs.Add(pdf);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request typeset the same publication at the same moment; its copy is as good as ours.
        }

        return pdf;
    }
}
