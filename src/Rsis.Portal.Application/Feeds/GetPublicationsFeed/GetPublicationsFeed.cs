using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Feeds.GetPublicationsFeed;

/// <summary>What a feed follows: every publication, or one series, author or category.</summary>
public enum FeedSubject
{
    Latest,
    Series,
    Author,
    Category,
}

/// <summary>
/// The latest publications of a feed (RSS and Atom alike): across every series for the footer's
/// "Subscribe to RSIS Publications", or of one series, author or category. Null when the slug names nothing.
/// </summary>
public sealed record GetPublicationsFeed(FeedSubject Subject, string? Slug = null) : IQuery<PublicationsFeed?>
{
    public const int ItemCount = 30;
}

/// <summary>
/// A feed as the writers need it. URLs are paths; the web layer makes them absolute. <see cref="PageUrl"/>
/// is the HTML page showing the same publications.
/// </summary>
public sealed record PublicationsFeed(
    string Title,
    string Description,
    string PageUrl,
    string RssUrl,
    string AtomUrl,
    string Publisher,
    DateTime UpdatedUtc,
    IReadOnlyList<FeedEntry> Entries);

public sealed record FeedEntry(
    string Code,
    string Title,
    string Url,
    string PdfUrl,
    string Synopsis,
    DateOnly PublishedOn,
    DateTime UpdatedUtc,
    Link Series,
    IReadOnlyList<Link> Authors,
    IReadOnlyList<string> Categories)
{
    /// <summary>The heading as the site shows it: "CO13046 | US-China Cyber Talks: …"; an event's is its title.</summary>
    public string Heading { get; init; } = $"{Code} | {Title}";

    /// <summary>What the entry's lasting id is under (with <see cref="Code"/>): "publications", or "events" for the events feed.</summary>
    public string Collection { get; init; } = "publications";
}

public sealed class GetPublicationsFeedHandler(IPortalDbContext db, TimeProvider clock)
    : IQueryHandler<GetPublicationsFeed, PublicationsFeed?>
{
    public async ValueTask<PublicationsFeed?> Handle(GetPublicationsFeed query, CancellationToken cancellationToken)
    {
        var school = await db.SiteSettings.AsNoTracking().Select(s => s.SchoolName).SingleAsync(cancellationToken);
        var publications = db.Publications.AsNoTracking().WhereVisible(clock.GetUtcNow().UtcDateTime);
        string title, description, pageUrl, rssUrl, atomUrl;

        switch (query.Subject)
        {
            case FeedSubject.Latest:
                (title, description, pageUrl) = ($"{school}: latest publications", $"The latest publications of the {school}.", PortalUrls.Publications);
                (rssUrl, atomUrl) = (PortalUrls.LatestFeed(PortalUrls.Rss), PortalUrls.LatestFeed(PortalUrls.Atom));
                break;
            case FeedSubject.Series:
                var series = await db.Series.AsNoTracking().Where(s => s.Slug == query.Slug)
                    .Select(s => new { s.Id, s.Name, s.Slug, s.Description }).SingleOrDefaultAsync(cancellationToken);
                if (series is null)
                {
                    return null;
                }

                publications = publications.Where(p => p.SeriesId == series.Id);
                (title, pageUrl) = ($"{series.Name}: {school}", PortalUrls.Series(series.Slug));
                description = string.IsNullOrWhiteSpace(series.Description) ? $"The latest publications in the {series.Name}." : series.Description;
                (rssUrl, atomUrl) = (PortalUrls.SeriesFeed(series.Slug, PortalUrls.Rss), PortalUrls.SeriesFeed(series.Slug, PortalUrls.Atom));
                break;
            case FeedSubject.Author:
                var author = await db.Authors.AsNoTracking().Where(a => a.Slug == query.Slug)
                    .Select(a => new { a.Id, a.Name, a.Slug }).SingleOrDefaultAsync(cancellationToken);
                if (author is null)
                {
                    return null;
                }

                publications = publications.Where(p => p.Authors.Any(a => a.AuthorId == author.Id));
                (title, description, pageUrl) = ($"Publications by {author.Name}: {school}", $"The latest publications by {author.Name}.", PortalUrls.Author(author.Slug));
                (rssUrl, atomUrl) = (PortalUrls.AuthorFeed(author.Slug, PortalUrls.Rss), PortalUrls.AuthorFeed(author.Slug, PortalUrls.Atom));
                break;
            case FeedSubject.Category:
                var category = await db.Categories.AsNoTracking().Where(c => c.Slug == query.Slug)
                    .Select(c => new { c.Id, c.Name, c.Slug }).SingleOrDefaultAsync(cancellationToken);
                if (category is null)
                {
                    return null;
                }

                publications = publications.Where(p => p.Categories.Any(c => c.CategoryId == category.Id));
                (title, description, pageUrl) = ($"{category.Name}: {school}", $"The latest publications in {category.Name}.", PortalUrls.Category(category.Slug));
                (rssUrl, atomUrl) = (PortalUrls.CategoryFeed(category.Slug, PortalUrls.Rss), PortalUrls.CategoryFeed(category.Slug, PortalUrls.Atom));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(query), query.Subject, "Not a feed subject.");
        }

        // The collections are read in queries of their own (see PublicationQueries.LoadSummariesAsync).
        var ids = await publications.NewestFirst().Take(GetPublicationsFeed.ItemCount).Select(p => p.Id).ToListAsync(cancellationToken);
        var rows = await PublicationRow.LoadAsync(db, ids, cancellationToken);
        var authors = await PublicationQueries.LoadBylinesAsync(db, ids, cancellationToken);
        var categories = (await db.PublicationCategories.AsNoTracking()
                .Where(c => ids.Contains(c.PublicationId))
                .OrderBy(c => c.Category.Name)
                .Select(c => new { c.PublicationId, c.Category.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.PublicationId, c => c.Name);

        var entries = ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new FeedEntry(
            r.Code, r.Title, r.Url, r.PdfUrl, r.Synopsis, r.PublishedOn, r.LastModifiedUtc, r.Series, authors[r.Id].ToList(), categories[r.Id].ToList()))
            .ToList();

        // An empty feed has changed at the latest when its subject was created; the epoch says "never" honestly.
        var updated = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.UpdatedUtc);
        return new PublicationsFeed(title, description, pageUrl, rssUrl, atomUrl, school, updated, entries);
    }
}
