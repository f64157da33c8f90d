namespace Rsis.Portal.Application.Navigation;

public static class MenuRows
{
    /// <summary>
    /// Every menu entry with its target resolved to a URL: kept in <paramref name="cache"/> until a save evicts
    /// <see cref="CacheTags.Site"/> (every change to the menu, or to a series, page, publication, author or category it opens, does).
    /// </summary>
    public static ValueTask<IReadOnlyList<MenuRow>> LoadAsync(IPortalDbContext db, ISharedDataCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.GetOrLoadAsync("menu-rows", CacheTags.Site, token => ReadAsync(db, token), cancellationToken);
    }

    /// <summary>Every menu entry with its target resolved to a URL, in one query.</summary>
    private static async Task<IReadOnlyList<MenuRow>> ReadAsync(IPortalDbContext db, CancellationToken cancellationToken)
    {
        var rows = await (
            from m in db.MenuItems.AsNoTracking()
            join s in db.Series on m.SeriesId equals s.Id into series
            from s in series.DefaultIfEmpty()
            join pg in db.Pages on m.PageId equals pg.Id into pages
            from pg in pages.DefaultIfEmpty()
            join p in db.Publications.Where(p => p.Status == PublicationStatus.Published) on m.PublicationId equals p.Id into publications
            from p in publications.DefaultIfEmpty()
            join a in db.Authors on m.AuthorId equals a.Id into authors
            from a in authors.DefaultIfEmpty()
            join c in db.Categories on m.CategoryId equals c.Id into categories
            from c in categories.DefaultIfEmpty()
            select new
            {
                m.Id,
                m.ParentId,
                m.Title,
                m.Slug,
                m.TargetKind,
                m.Url,
                SeriesSlug = s == null ? null : s.Slug,
                PageSlug = pg == null ? null : pg.Slug,
                PublicationSlug = p == null ? null : p.Slug,
                PublicationSeriesSlug = p == null ? null : p.Series.Slug,
                AuthorSlug = a == null ? null : a.Slug,
                CategorySlug = c == null ? null : c.Slug,
                m.SortOrder,
                m.IsVisible,
            }).ToListAsync(cancellationToken);

        return rows.Select(r => new MenuRow(
            r.Id, r.ParentId, r.Title, r.Slug, r.TargetKind,
            r.TargetKind switch
            {
                MenuTargetKind.Series when r.SeriesSlug is not null => PortalUrls.Series(r.SeriesSlug),
                MenuTargetKind.Page when r.PageSlug is not null => PortalUrls.Page(r.PageSlug),
                MenuTargetKind.Publication when r.PublicationSlug is not null =>
                    PortalUrls.Publication(r.PublicationSeriesSlug!, r.PublicationSlug),
                MenuTargetKind.Url => r.Url,
                MenuTargetKind.Author when r.AuthorSlug is not null => PortalUrls.Author(r.AuthorSlug),
                MenuTargetKind.Category when r.CategorySlug is not null => PortalUrls.Category(r.CategorySlug),
                _ => null,
            },
            r.SortOrder, r.IsVisible)).ToList();
    }
}
