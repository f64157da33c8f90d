using Rsis.Portal.Application.Publications.GetPublication;

namespace Rsis.Portal.Application.Publications.PreviewPublication;

/// <summary>
/// A publication's article page as readers will see it, whatever its status: as stored, or with the unsaved values
/// of the edit form (<see cref="Unsaved"/>), which are shown and never saved. With <see cref="PreviewKey"/> (a shared
/// link), only while the publication still has that key. Null when there is no such publication.
/// </summary>
public sealed record PreviewPublication(int Id, PublicationFields? Unsaved = null, Guid? PreviewKey = null) : IQuery<ArticlePage?>;

public sealed class PreviewPublicationHandler(IPortalDbContext db, ISharedDataCache cache, MarkdownRenderer markdown, TimeProvider clock)
    : IQueryHandler<PreviewPublication, ArticlePage?>
{
    public async ValueTask<ArticlePage?> Handle(PreviewPublication query, CancellationToken cancellationToken)
    {
        var stored = await db.Publications.AsNoTracking()
            .Where(p => p.Id == query.Id && (query.PreviewKey == null || p.PreviewKey == query.PreviewKey))
            .Select(p => new
            {
                p.SeriesId,
                SeriesName = p.Series.Name,
                SeriesSlug = p.Series.Slug,
                p.Code,
                p.Title,
                AuthorIds = p.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId).ToList(),
                CategoryIds = p.Categories.Select(c => c.CategoryId).ToList(),
                p.PublishedOn,
                p.PublishAtUtc,
                p.UpdatedAtUtc,
                p.Synopsis,
                p.Body,
                p.AboutTheAuthors,
                Corrections = db.PublicationCorrections.Where(c => c.PublicationId == p.Id)
                    .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Select(c => new Correction(c.AtUtc, c.Note)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        // The form's values are shown unchecked: what cannot be shown (a series or author since deleted, no date)
        // falls back to the stored value or is left out.
        var draft = query.Unsaved ?? new PublicationFields
        {
            SeriesId = stored.SeriesId,
            Code = stored.Code,
            Title = stored.Title,
            AuthorIds = stored.AuthorIds,
            CategoryIds = stored.CategoryIds,
            PublishedOn = stored.PublishedOn,
            Synopsis = stored.Synopsis,
            Body = stored.Body,
            AboutTheAuthors = stored.AboutTheAuthors,
        };

        var chosenSeries = await db.Series.AsNoTracking().Where(s => s.Id == draft.SeriesId)
            .Select(s => new { s.Name, s.Slug }).FirstOrDefaultAsync(cancellationToken);
        var (seriesName, seriesSlug) = chosenSeries is null ? (stored.SeriesName, stored.SeriesSlug) : (chosenSeries.Name, chosenSeries.Slug);
        var authorIds = draft.AuthorIds.Distinct().ToList();
        var authors = await db.Authors.AsNoTracking().Where(a => authorIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Slug }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var categories = await db.Categories.AsNoTracking().Where(c => draft.CategoryIds.Contains(c.Id))
            .OrderBy(c => c.Name).Select(c => new Link(c.Name, PortalUrls.Category(c.Slug))).ToListAsync(cancellationToken);

        var code = PublicationKind.NormaliseCode(draft.Code);
        var title = draft.Title.Trim();
        var slug = PublicationKind.SlugFor(code, title);
        var publishedOn = draft.PublishedOn ?? stored.PublishedOn;
        var changedAtUtc = query.Unsaved is null ? stored.UpdatedAtUtc : clock.GetUtcNow().UtcDateTime;
        var metadata = new PublicationMetadata(
            code,
            title,
            authorIds.Where(authors.ContainsKey).Select(id => new Link(authors[id].Name, PortalUrls.Author(authors[id].Slug))).ToList(),
            publishedOn,
            PublicationQueries.LastModifiedUtc(publishedOn, stored.PublishAtUtc, changedAtUtc),
            new Link(seriesName, PortalUrls.Series(seriesSlug)),
            await PublicationMetadata.LoadPublisherAsync(db, cache, cancellationToken),
            draft.Synopsis.Trim(),
            PortalUrls.Publication(seriesSlug, slug),
            PortalUrls.PublicationPdf(seriesSlug, slug),
            categories,
            stored.Corrections);

        return ArticlePage.From(
            metadata, markdown, draft.Body, draft.AboutTheAuthors, await PublicationQueries.LoadSeriesSidebarAsync(db, cache, clock.GetUtcNow().UtcDateTime, cancellationToken));
    }
}
