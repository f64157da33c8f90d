using System.Security.Cryptography;
using System.Text.Json;

namespace Rsis.Portal.Application.Publications.GetPublicationPdf;

/// <summary>
/// Keeps each publication's typeset PDF: typesets it the first time it is asked for, and again when what it shows
/// (or the renderer) changed, and stores it so every app node serves the same file. The one writer behind the
/// PDF query, so the query itself only reads.
/// </summary>
public sealed class TypesetPdfStore(IPortalDbContext db, TimeProvider clock, IPublicationPdfRenderer renderer)
{
    /// <summary>The name the kept PDF records as its maker.</summary>
    public const string Typesetter = "typesetter";

    /// <summary>The kept PDF of <paramref name="document"/>, typeset and stored now if missing or out of date.</summary>
    public async Task<PublicationPdf> GetOrTypesetAsync(int publicationId, PublicationDocument document, CancellationToken cancellationToken)
    {
        var contentKey = ContentKey(document, renderer.Version);
        var kept = await db.PublicationPdfs
            .Where(f => f.PublicationId == publicationId && f.Source == PdfSource.Generated)
            .SingleOrDefaultAsync(cancellationToken);
        return kept is not null && kept.ContentKey == contentKey
            ? kept
            : await KeepAsync(publicationId, kept, renderer.Render(document), contentKey, cancellationToken);
    }

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
