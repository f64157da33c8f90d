namespace Rsis.Portal.Application.Publications.ExtractPdfText;

/// <summary>
/// Reads the text of uploaded PDFs still waiting for it (<see cref="PdfTextStatus.Pending"/>), a few at a time,
/// and stores it for search: <see cref="PdfTextStatus.Extracted"/> with the text, or
/// <see cref="PdfTextStatus.NoTextFound"/> for a scan or a file that cannot be read. Run in the background,
/// never in the upload's request: a 20 MB scan takes seconds to open. Answers how many PDFs it read; a full
/// batch means more may be waiting.
/// </summary>
public sealed record ExtractPendingPdfText : ICommand<int>
{
    public const int BatchSize = 10;
}

public sealed class ExtractPendingPdfTextHandler(IPortalDbContext db, IPdfTextExtractor extractor, IPublicPageCache cache)
    : ICommandHandler<ExtractPendingPdfText, int>
{
    public async ValueTask<int> Handle(ExtractPendingPdfText command, CancellationToken cancellationToken)
    {
        var pending = await db.PublicationPdfs.AsNoTracking()
            .Where(f => f.Source == PdfSource.Uploaded && f.TextStatus == PdfTextStatus.Pending)
            .OrderBy(f => f.PublicationId)
            .Select(f => new { f.PublicationId, f.Sha256 })
            .Take(ExtractPendingPdfText.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var pdf in pending)
        {
            // One file in memory at a time (up to 20 MB each).
            var content = await db.PublicationPdfs.AsNoTracking()
                .Where(f => f.PublicationId == pdf.PublicationId && f.Source == PdfSource.Uploaded && f.Sha256 == pdf.Sha256)
                .Select(f => f.Content)
                .SingleOrDefaultAsync(cancellationToken);
            if (content is null)
            {
                continue;
            }

            var text = extractor.Extract(content);
            var status = text is null ? PdfTextStatus.NoTextFound : PdfTextStatus.Extracted;
            // Only the file that was read: one replaced or removed meanwhile is left to its own turn, so an old
            // file's text never lands on a new one.
            await db.PublicationPdfs
                .Where(f => f.PublicationId == pdf.PublicationId && f.Source == PdfSource.Uploaded
                    && f.Sha256 == pdf.Sha256 && f.TextStatus == PdfTextStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.ExtractedText, text).SetProperty(f => f.TextStatus, status), cancellationToken);
        }

        // Evicted here rather than through IChangesPublicPages, which would empty the cache at every idle turn.
        if (pending.Count > 0)
        {
            await cache.EvictAsync(CacheTags.Publications, cancellationToken);
        }

        return pending.Count;
    }
}
