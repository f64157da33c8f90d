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
        if (await PublishedPdf.FindAsync(db, clock, query.Slug, query.SiteBaseUrl, cancellationToken) is not { } publication)
        {
            return null;
        }

        var fileName = publication.Code + ".pdf";
        var uploaded = await db.PublicationPdfs.AsNoTracking()
            .Where(f => f.PublicationId == publication.Id && f.Source == PdfSource.Uploaded)
            .Select(f => new { f.Content, f.Sha256, f.CreatedAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (uploaded is not null)
        {
            return new PdfFile(fileName, publication.ArticleUrl, uploaded.Content, Quote(uploaded.Sha256), AsUtc(uploaded.CreatedAtUtc));
        }

        var typeset = await typesetPdfs.GetOrTypesetAsync(publication.Id, publication.Document, cancellationToken);
        return new PdfFile(fileName, publication.ArticleUrl, typeset.Content, Quote(typeset.Sha256), AsUtc(typeset.CreatedAtUtc));
    }

    private static string Quote(string hash) => $"\"{hash[..Math.Min(32, hash.Length)]}\"";

    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

/// <summary>A published publication as its PDF shows it: what the typesetter is given, and where the article is.</summary>
internal sealed record PublishedPdf(int Id, string Code, string ArticleUrl, PublicationDocument Document)
{
    /// <summary>The visible publication at <paramref name="slug"/> (or its code); null for drafts, scheduled and unknown ones.</summary>
    public static async Task<PublishedPdf?> FindAsync(
        IPortalDbContext db, TimeProvider clock, string slug, string siteBaseUrl, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.AsNoTracking()
            .WhereVisible(clock.GetUtcNow().UtcDateTime)
            .WhereSlugOrCode(slug)
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
        var schoolName = await db.SiteSettings.AsNoTracking().Select(s => s.SchoolName).SingleAsync(cancellationToken);
        return new PublishedPdf(publication.Id, publication.Code, articleUrl, new PublicationDocument(
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
            siteBaseUrl.TrimEnd('/') + articleUrl));
    }
}
