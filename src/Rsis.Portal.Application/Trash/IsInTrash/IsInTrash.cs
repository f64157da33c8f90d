namespace Rsis.Portal.Application.Trash.IsInTrash;

/// <summary>
/// Whether an address no page answered belongs to a publication, page or event in the Trash, which answers 410 Gone
/// rather than 404: it was here, and was taken down on purpose. Asked only on the 404 path.
/// </summary>
public sealed record IsInTrash(string Path) : IQuery<bool>;

public sealed class IsInTrashHandler(IPortalDbContext db) : IQueryHandler<IsInTrash, bool>
{
    private static readonly string[] ArticleFiles = [".pdf", "/pdf", ".bib", ".ris"];

    public async ValueTask<bool> Handle(IsInTrash query, CancellationToken cancellationToken)
    {
        if (await LivedAtAsync(query.Path, cancellationToken))
        {
            return true;
        }

        // An old address of the item (a redirect, which is not followed while its item is away) is gone too.
        var movedTo = await db.Redirects.AsNoTracking().Where(r => r.OldPath == query.Path).Select(r => r.Target).FirstOrDefaultAsync(cancellationToken);
        return movedTo is not null && movedTo.StartsWith('/') && await LivedAtAsync(movedTo, cancellationToken);
    }

    private async Task<bool> LivedAtAsync(string path, CancellationToken cancellationToken)
    {
        var segments = path.Trim('/').Split('/');
        switch (segments)
        {
            case ["publications", var series, var article, .. var rest] when rest is [] or ["pdf"]:
                // An article's own address, its PDF and citation files (".pdf", "/pdf", ".bib", ".ris"), by slug or code.
                var slug = ArticleFiles.FirstOrDefault(f => article.EndsWith(f, StringComparison.Ordinal)) is { } file ? article[..^file.Length] : article;
                var code = slug.ToUpperInvariant();
                return await db.Publications.InTrash()
                    .AnyAsync(p => p.Series.Slug == series && (p.Slug == slug || p.Code == code), cancellationToken);
            case ["events", var eventSegment] when eventSegment.Length > 0:
                // The event's page and its calendar file.
                var eventSlug = eventSegment.EndsWith(".ics", StringComparison.Ordinal) ? eventSegment[..^4] : eventSegment;
                return await db.Events.InTrash().AnyAsync(e => e.Slug == eventSlug, cancellationToken);
            case [var page] when page.Length > 0:
                return await db.Pages.InTrash().AnyAsync(p => p.Slug == page, cancellationToken);
            default:
                return false;
        }
    }
}
