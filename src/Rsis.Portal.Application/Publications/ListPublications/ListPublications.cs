namespace Rsis.Portal.Application.Publications.ListPublications;

/// <summary>
/// A series page (<c>/publications/{series}</c>) or, without a series, the publications landing page:
/// newest first, twenty a page, optionally one year.
/// </summary>
public sealed record ListPublications(string? SeriesSlug, int? Year, int? Page) : IQuery<PublicationListing?>
{
    public const int PageSize = 20;
}

public sealed class ListPublicationsValidator : AbstractValidator<ListPublications>
{
    public const int FirstYear = 1900;
    public const int LastYear = 2100;

    public ListPublicationsValidator()
    {
        RuleFor(q => q.Year)
            .InclusiveBetween(FirstYear, LastYear)
            .WithMessage($"Choose a year between {FirstYear} and {LastYear}.");
    }
}

public sealed record PublicationListing(
    SeriesHeading? Series,
    int? Year,
    IReadOnlyList<YearCount> Years,
    IReadOnlyList<PublicationSummary> Items,
    Paging Paging,
    IReadOnlyList<Link> Sidebar,
    IReadOnlyList<SeriesGroupListing> Groups);

public sealed record SeriesHeading(string Name, string Slug, string Url, string Description, SeriesGroup Group);

public sealed record YearCount(int Year, int Count);

/// <summary>A group of series on the landing page, each with how many publications it has.</summary>
public sealed record SeriesGroupListing(SeriesGroup Group, string Title, IReadOnlyList<SeriesCount> Series);

public sealed record SeriesCount(string Name, string Url, int Count);

public sealed class ListPublicationsHandler(IPortalDbContext db, TimeProvider clock, ISharedDataCache cache)
    : IQueryHandler<ListPublications, PublicationListing?>
{
    public async ValueTask<PublicationListing?> Handle(ListPublications query, CancellationToken cancellationToken)
    {
        SeriesHeading? series = null;
        var visible = db.Publications.AsNoTracking().WhereVisible(clock.GetUtcNow().UtcDateTime);
        if (query.SeriesSlug is not null)
        {
            var found = await db.Series.AsNoTracking()
                .Where(s => s.Slug == query.SeriesSlug)
                .Select(s => new { s.Id, Heading = new SeriesHeading(s.Name, s.Slug, PortalUrls.Series(s.Slug), s.Description, s.Group) })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            // By the series' id, which leads its index; through the slug SQLite joined every visible publication to its series.
            series = found.Heading;
            visible = visible.Where(p => p.SeriesId == found.Id);
        }

        // The counts beside the list pass over every visible publication, and change only when publications
        // do: they are kept until a save (or a scheduled publication coming out) evicts the listings' tag.
        var years = await cache.GetOrLoadAsync(
            "listing-years:" + (series?.Slug ?? "all"), CacheTags.Publications, token => CountYearsAsync(visible, token), cancellationToken);

        // The year counts hold the total already.
        var total = query.Year is int year ? years.FirstOrDefault(y => y.Year == year)?.Count ?? 0 : years.Sum(y => y.Count);
        var (items, paging) = await visible.InYear(query.Year)
            .PageAsync(db, query.Page, ListPublications.PageSize, total, cancellationToken);

        var sidebar = await PublicationQueries.LoadSeriesSidebarAsync(db, cache, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var groups = series is null
            ? await cache.GetOrLoadAsync("listing-series-counts", CacheTags.Publications, LoadGroupsAsync, cancellationToken)
            : [];

        return new PublicationListing(series, query.Year, years, items, paging, sidebar, groups);
    }

    /// <summary>
    /// Counted year by year, newest first, between the first and the last date: each count is a range of the
    /// listing's index, read without sorting or handing rows back. Grouped by day instead, every day came back
    /// to be added up here (9,500 rows at 100,000 publications, 23 ms); grouped by the year computed in SQL,
    /// SQLite sorted the entries again (60 ms).
    /// </summary>
    private static async Task<IReadOnlyList<YearCount>> CountYearsAsync(IQueryable<Publication> visible, CancellationToken cancellationToken)
    {
        var first = await visible.OrderBy(p => p.PublishedOn).Select(p => (DateOnly?)p.PublishedOn).FirstOrDefaultAsync(cancellationToken);
        if (first is not { } firstDay)
        {
            return [];
        }

        var lastDay = await visible.OrderByDescending(p => p.PublishedOn).Select(p => p.PublishedOn).FirstAsync(cancellationToken);
        var years = new List<YearCount>();
        for (var year = lastDay.Year; year >= firstDay.Year; year--)
        {
            if (await visible.InYear(year).CountAsync(cancellationToken) is var count and > 0)
            {
                years.Add(new YearCount(year, count));
            }
        }

        return years;
    }

    private async Task<IReadOnlyList<SeriesGroupListing>> LoadGroupsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var series = await db.Series.AsNoTracking()
            .OrderBy(s => s.Group).ThenBy(s => s.SortOrder)
            .Select(s => new
            {
                s.Group,
                s.Name,
                s.Slug,
                Count = s.Publications.Count(p => p.Status == PublicationStatus.Published && (p.PublishAtUtc == null || p.PublishAtUtc <= now)),
            })
            .ToListAsync(cancellationToken);

        // A series with nothing published is not offered; its own page still answers, saying so.
        return series
            .Where(s => s.Count > 0)
            .GroupBy(s => s.Group)
            .Select(g => new SeriesGroupListing(
                g.Key,
                g.Key == SeriesGroup.RsisPublications ? "RSIS Publications" : "External Publications",
                g.Select(s => new SeriesCount(s.Name, PortalUrls.Series(s.Slug), s.Count)).ToList()))
            .ToList();
    }
}
