using System.Security.Cryptography;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Publications.GetPublicationPdf;

/// <summary>
/// The PDF of a published publication: the uploaded one if staff attached one, otherwise the typeset one,
/// made once per content version and kept. Drafts, scheduled and unknown publications have none.
/// <c>SiteBaseUrl</c> is the public origin ("https://www.example.org") of the canonical URL printed in it.
/// </summary>
public sealed record GetPublicationPdf(string SeriesSlug, string Slug, string SiteBaseUrl) : IQuery<PdfFile?>;

/// <summary>
/// A PDF ready to send: saved by the browser as <c>FileName</c> ("CO13046.pdf"), with a quoted ETag that is
/// the same on every app node.
/// </summary>
public sealed record PdfFile(string FileName, string ArticleUrl, byte[] Content, string ETag, DateTimeOffset LastModified);

public sealed class GetPublicationPdfHandler(IPortalDbContext db, TimeProvider clock, IPublicationPdfRenderer renderer)
    : IQueryHandler<GetPublicationPdf, PdfFile?>
{
    public async ValueTask<PdfFile?> Handle(GetPublicationPdf query, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.AsNoTracking()
            .WhereVisible(clock.GetUtcNow().UtcDateTime)
            .WhereSlugOrCode(query.Slug)
            .Select(p => new
            {
                p.Id,
                p.Code,
                p.Title,
                p.Slug,
                SeriesSlug = p.Series.Slug,
                SeriesName = p.Series.Name,
                Authors = p.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name).ToList(),
                p.PublishedOn,
                p.Synopsis,
                p.Body,
                p.AboutTheAuthors,
                Categories = p.Categories.OrderBy(c => c.Category.Name).Select(c => c.Category.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (publication is null)
        {
            return null;
        }

        var articleUrl = PortalUrls.Publication(publication.SeriesSlug, publication.Slug);
        var fileName = publication.Code + ".pdf";

        var uploaded = await db.PublicationPdfs.AsNoTracking()
            .Where(f => f.PublicationId == publication.Id && f.Source == PdfSource.Uploaded)
            .Select(f => new { f.Content, f.Sha256, f.CreatedAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (uploaded is not null)
        {
            return new PdfFile(fileName, articleUrl, uploaded.Content, Quote(uploaded.Sha256), AsUtc(uploaded.CreatedAtUtc));
        }

        var schoolName = await db.SiteSettings.AsNoTracking().Select(s => s.SchoolName).SingleAsync(cancellationToken);
        var document = new PublicationDocument(
            schoolName,
            publication.SeriesName,
            publication.Code,
            publication.Title,
            publication.Authors,
            publication.PublishedOn,
            publication.Synopsis,
            publication.Body,
            publication.AboutTheAuthors,
            publication.Categories,
            query.SiteBaseUrl.TrimEnd('/') + articleUrl);
        var contentKey = ContentKey(document, renderer.Version);

        var kept = await db.PublicationPdfs
            .Where(f => f.PublicationId == publication.Id && f.Source == PdfSource.Generated)
            .SingleOrDefaultAsync(cancellationToken);
        if (kept is null || kept.ContentKey != contentKey)
        {
            kept = await KeepAsync(publication.Id, kept, renderer.Render(document), contentKey, cancellationToken);
        }

        return new PdfFile(fileName, articleUrl, kept.Content, Quote(kept.Sha256), AsUtc(kept.CreatedAtUtc));
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
        pdf.CreatedBy = "typesetter";
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

    private static string Quote(string hash) => $"\"{hash[..Math.Min(32, hash.Length)]}\"";

    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
