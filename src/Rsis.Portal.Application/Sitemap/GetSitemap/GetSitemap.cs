using Rsis.Portal.Application.Events;
using Rsis.Portal.Application.Navigation;
using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Sitemap.GetSitemap;

/// <summary>
/// The sitemap: every public page (home, the publications landing page, content pages, menu section
/// pages, series, authors, categories) and every published article, with when each last changed; never a
/// draft or a scheduled publication before its time. The protocol allows 50,000 addresses a file: when
/// there are more, <see cref="Part"/> null answers the index of the parts and 1, 2, … each part.
/// </summary>
public sealed record GetSitemap(int? Part, int UrlsPerFile = GetSitemap.MaxUrlsPerFile) : IQuery<SitemapDocument?>
{
    /// <summary>The sitemap protocol's limit per file.</summary>
    public const int MaxUrlsPerFile = 50_000;
}

/// <summary>
/// Either the addresses of one file (<see cref="Urls"/>), or, when <see cref="PartCount"/> is more than one
/// and no part was asked for, an index of the parts (<see cref="Urls"/> empty). <see cref="LastModifiedUtc"/>
/// is when anything it lists last changed (for the index, anything on the site).
/// </summary>
public sealed record SitemapDocument(IReadOnlyList<SitemapUrl> Urls, int PartCount, bool IsIndex, DateTime LastModifiedUtc);

/// <summary>A path on this site and when what it shows last changed (unknown for menu section pages).</summary>
public sealed record SitemapUrl(string Path, DateTime? LastModifiedUtc);

public sealed class GetSitemapHandler(IPortalDbContext db, TimeProvider clock, ISharedDataCache cache) : IQueryHandler<GetSitemap, SitemapDocument?>
{
    public async ValueTask<SitemapDocument?> Handle(GetSitemap query, CancellationToken cancellationToken)
    {
        var visible = db.Publications.AsNoTracking().WhereVisible(clock.GetUtcNow().UtcDateTime);
        var pages = await SitePagesAsync(visible, cancellationToken);
        var articleCount = await visible.CountAsync(cancellationToken);
        var partCount = Math.Max(1, (int)Math.Ceiling((pages.Count + articleCount) / (double)query.UrlsPerFile));

        if (query.Part is null && partCount > 1)
        {
            return new SitemapDocument([], partCount, IsIndex: true, NewestOf(pages));
        }

        var part = query.Part ?? 1;
        if (part < 1 || part > partCount)
        {
            return null;
        }

        // Pages first, then articles in the order they were added, so a part keeps its addresses as more come.
        var start = (part - 1) * query.UrlsPerFile;
        var end = start + query.UrlsPerFile;
        var urls = pages.Skip(start).Take(query.UrlsPerFile).ToList();
        var articlesFrom = Math.Max(0, start - pages.Count);
        var articlesTake = end - pages.Count - articlesFrom;
        if (articlesTake > 0)
        {
            var articles = await visible
                .OrderBy(p => p.Id)
                .Skip(articlesFrom).Take(articlesTake)
                .Select(p => new { SeriesSlug = p.Series.Slug, p.Slug, p.PublishedOn, p.PublishAtUtc, p.UpdatedAtUtc })
                .ToListAsync(cancellationToken);
            urls.AddRange(articles.Select(a => new SitemapUrl(
                PortalUrls.Publication(a.SeriesSlug, a.Slug),
                PublicationQueries.LastModifiedUtc(a.PublishedOn, a.PublishAtUtc, a.UpdatedAtUtc))));
        }

        return new SitemapDocument(urls, partCount, IsIndex: false, NewestOf(urls));
    }

    /// <summary>Every public page but the articles: a few hundred addresses, however many publications there are.</summary>
    private async Task<List<SitemapUrl>> SitePagesAsync(IQueryable<Domain.Publications.Publication> visible, CancellationToken cancellationToken)
    {
        DateTime? latest = await visible.AnyAsync(cancellationToken)
            ? PublicationQueries.LastModifiedUtc(
                await visible.MaxAsync(p => p.PublishedOn, cancellationToken),
                await visible.MaxAsync(p => p.PublishAtUtc, cancellationToken),
                await visible.MaxAsync(p => p.UpdatedAtUtc, cancellationToken))
            : null;
        var bySeries = await LatestAsync(visible.GroupBy(p => p.SeriesId).Select(g => new Latest(g.Key, g.Max(p => p.PublishedOn), g.Max(p => p.PublishAtUtc), g.Max(p => p.UpdatedAtUtc))), cancellationToken);
        var byAuthor = await LatestAsync(
            from p in visible
            from a in p.Authors
            group p by a.AuthorId into g
            select new Latest(g.Key, g.Max(p => p.PublishedOn), g.Max(p => p.PublishAtUtc), g.Max(p => p.UpdatedAtUtc)),
            cancellationToken);
        var byCategory = await LatestAsync(
            from p in visible
            from c in p.Categories
            group p by c.CategoryId into g
            select new Latest(g.Key, g.Max(p => p.PublishedOn), g.Max(p => p.PublishAtUtc), g.Max(p => p.UpdatedAtUtc)),
            cancellationToken);

        var urls = new List<SitemapUrl>
        {
            new("/", latest),
            new(PortalUrls.Publications, latest),
            new(PortalUrls.Authors, latest),
            new(PortalUrls.Categories, latest),
        };

        urls.AddRange((await db.Series.AsNoTracking().OrderBy(s => s.Group).ThenBy(s => s.SortOrder).Select(s => new { s.Id, s.Slug }).ToListAsync(cancellationToken))
            .Select(s => new SitemapUrl(PortalUrls.Series(s.Slug), bySeries.GetValueOrDefault(s.Id))));
        urls.AddRange((await db.Authors.AsNoTracking().OrderBy(a => a.Slug).Select(a => new { a.Id, a.Slug }).ToListAsync(cancellationToken))
            .Select(a => new SitemapUrl(PortalUrls.Author(a.Slug), byAuthor.GetValueOrDefault(a.Id))));
        urls.AddRange((await db.Categories.AsNoTracking().OrderBy(c => c.Slug).Select(c => new { c.Id, c.Slug }).ToListAsync(cancellationToken))
            .Select(c => new SitemapUrl(PortalUrls.Category(c.Slug), byCategory.GetValueOrDefault(c.Id))));
        urls.AddRange((await db.Pages.AsNoTracking().OrderBy(p => p.Slug).Select(p => new { p.Slug, p.UpdatedAtUtc }).ToListAsync(cancellationToken))
            .Select(p => new SitemapUrl(PortalUrls.Page(p.Slug), DateTime.SpecifyKind(p.UpdatedAtUtc, DateTimeKind.Utc))));
        var events = await db.Events.AsNoTracking().WhereVisible().OrderBy(e => e.Id).Select(e => new { e.Slug, e.UpdatedAtUtc }).ToListAsync(cancellationToken);
        var eventsChanged = events.Count == 0 ? (DateTime?)null : DateTime.SpecifyKind(events.Max(e => e.UpdatedAtUtc), DateTimeKind.Utc);
        urls.Add(new SitemapUrl(PortalUrls.Events, eventsChanged));
        urls.Add(new SitemapUrl(PortalUrls.PastEvents, eventsChanged));
        urls.AddRange(events.Select(e => new SitemapUrl(PortalUrls.Event(e.Slug), DateTime.SpecifyKind(e.UpdatedAtUtc, DateTimeKind.Utc))));

        // Menu entries without a page of their own open a section page; those, and any other local page the
        // menu reaches, are listed once. Links off the site are not ours to list.
        var listed = urls.Select(u => u.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Flatten(MenuTree.Build(await MenuRows.LoadAsync(db, cache, cancellationToken))).Select(n => n.Url))
        {
            if (path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && listed.Add(path))
            {
                urls.Add(new SitemapUrl(path, null));
            }
        }

        return urls;
    }

    /// <summary>The newest date among the addresses; the epoch when none has one (nothing has changed that we know of).</summary>
    private static DateTime NewestOf(IEnumerable<SitemapUrl> urls) =>
        urls.Select(u => u.LastModifiedUtc ?? DateTime.UnixEpoch).DefaultIfEmpty(DateTime.UnixEpoch).Max();

    private sealed record Latest(int Key, DateOnly PublishedOn, DateTime? PublishAtUtc, DateTime UpdatedAtUtc);

    private static async Task<Dictionary<int, DateTime?>> LatestAsync(IQueryable<Latest> latest, CancellationToken cancellationToken) =>
        (await latest.ToListAsync(cancellationToken))
        .ToDictionary(l => l.Key, l => (DateTime?)PublicationQueries.LastModifiedUtc(l.PublishedOn, l.PublishAtUtc, l.UpdatedAtUtc));

    private static IEnumerable<MenuNode> Flatten(IEnumerable<MenuNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));
}
