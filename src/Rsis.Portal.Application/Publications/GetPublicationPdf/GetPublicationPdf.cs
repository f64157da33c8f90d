namespace Rsis.Portal.Application.Publications.GetPublicationPdf;

/// <summary>
/// The PDF of a published publication: the uploaded one if staff attached one, otherwise the typeset one,
/// made once per content version and kept (by <see cref="TypesetPdfStore"/>: this query only reads). Drafts, scheduled and unknown publications have none.
/// <c>SiteBaseUrl</c> is the public origin ("https://www.example.org") of the canonical URL printed in it.
/// </summary>
public sealed record GetPublicationPdf(string Slug, string SiteBaseUrl) : IQuery<PdfFile?>;

/// <summary>
/// A PDF ready to send: saved by the browser as <c>FileName</c> ("CO13046.pdf"), with a quoted ETag that is
/// the same on every app node.
/// </summary>
public sealed record PdfFile(string FileName, string ArticleUrl, byte[] Content, string ETag, DateTimeOffset LastModified);

public sealed class GetPublicationPdfHandler(IPortalDbContext db, TimeProvider clock, TypesetPdfStore typesetPdfs)
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
        var typeset = await typesetPdfs.GetOrTypesetAsync(publication.Id, document, cancellationToken);
        return new PdfFile(fileName, articleUrl, typeset.Content, Quote(typeset.Sha256), AsUtc(typeset.CreatedAtUtc));
    }

    private static string Quote(string hash) => $"\"{hash[..Math.Min(32, hash.Length)]}\"";

    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
