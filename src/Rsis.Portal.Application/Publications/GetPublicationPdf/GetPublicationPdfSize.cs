using Microsoft.Extensions.Logging;

namespace Rsis.Portal.Application.Publications.GetPublicationPdf;

/// <summary>
/// How many bytes a reader downloads from the article's PDF link ("Download PDF, 77 KB"): the uploaded file's,
/// or the typeset one's, typeset now if this version has none yet (the reader who follows the link then gets it
/// at once). Null for drafts, scheduled and unknown publications, and when typesetting fails: the page goes out
/// without the size rather than not at all. Kept per article (and site address, which the typeset PDF's links
/// carry) until the next save of a publication, author or category evicts <see cref="CacheTags.Publications"/>:
/// finding it read the article's document again, hashed it and asked for two lengths, on every uncached view.
/// </summary>
public sealed record GetPublicationPdfSize(string Slug, string SiteBaseUrl) : IQuery<long?>;

public sealed class GetPublicationPdfSizeHandler(
    IPortalDbContext db, TimeProvider clock, TypesetPdfStore typesetPdfs, ISharedDataCache cache, ILogger<GetPublicationPdfSizeHandler> logger)
    : IQueryHandler<GetPublicationPdfSize, long?>
{
    public async ValueTask<long?> Handle(GetPublicationPdfSize query, CancellationToken cancellationToken) =>
        (await cache.GetOrLoadAsync(
            $"pdf-size:{query.Slug}:{query.SiteBaseUrl}",
            CacheTags.Publications,
            async token => new KnownSize(await FindSizeAsync(query, token)),
            cancellationToken)).Bytes;

    private async Task<long?> FindSizeAsync(GetPublicationPdfSize query, CancellationToken cancellationToken)
    {
        if (await PublishedPdf.FindAsync(db, clock, query.Slug, query.SiteBaseUrl, cancellationToken) is not { } publication)
        {
            return null;
        }

        // The length alone: an uploaded report can be 20 MB, and the page needs only its size.
        var uploaded = await db.PublicationPdfs.AsNoTracking()
            .Where(f => f.PublicationId == publication.Id && f.Source == PdfSource.Uploaded)
            .Select(f => (long?)f.Length)
            .SingleOrDefaultAsync(cancellationToken);
        return uploaded
            ?? await typesetPdfs.KeptLengthAsync(publication.Id, publication.Document, cancellationToken)
            ?? await TypesetAsync(publication, cancellationToken);
    }

    private async Task<long?> TypesetAsync(PublishedPdf publication, CancellationToken cancellationToken)
    {
        try
        {
            return (await typesetPdfs.GetOrTypesetAsync(publication.Id, publication.Document, cancellationToken)).Length;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not typeset the PDF of {Code}; its article goes out without the size", publication.Code);
            return null;
        }
    }

    /// <summary>A size or none (a draft, or typesetting failed), kept alike: the page is cached as long.</summary>
    private sealed record KnownSize(long? Bytes);
}
