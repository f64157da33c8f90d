namespace Rsis.Portal.Application.Events.ListEvents;

/// <summary>
/// <c>/events</c>: every event not yet over, soonest first (a short list: a school holds a few a month), and
/// whether there are past ones to link to. <see cref="Take"/> limits it (the home page shows three).
/// </summary>
public sealed record ListUpcomingEvents(int? Take = null) : IQuery<UpcomingEvents>;

public sealed record UpcomingEvents(IReadOnlyList<EventSummary> Events, bool HasPast);

public sealed class ListUpcomingEventsHandler(IPortalDbContext db, TimeProvider clock) : IQueryHandler<ListUpcomingEvents, UpcomingEvents>
{
    public const int MaxListed = 200;

    public async ValueTask<UpcomingEvents> Handle(ListUpcomingEvents query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = await db.Events.AsNoTracking().WhereVisible().Upcoming(now)
            .Take(Math.Clamp(query.Take ?? MaxListed, 1, MaxListed)).Summaries().ToListAsync(cancellationToken);
        var hasPast = await db.Events.WhereVisible().AnyAsync(e => e.EndsAtUtc <= now, cancellationToken);
        return new UpcomingEvents(events, hasPast);
    }
}

/// <summary><c>/events/past?year=&amp;page=</c>: events that are over, the latest first, a page at a time, by year on the site's clock.</summary>
public sealed record ListPastEvents(int? Year, int? Page) : IQuery<PastEvents>;

public sealed record PastEvents(IReadOnlyList<EventSummary> Events, Paging Paging, int? Year, IReadOnlyList<int> Years);

public sealed class ListPastEventsHandler(IPortalDbContext db, TimeProvider clock, ISiteZone site) : IQueryHandler<ListPastEvents, PastEvents>
{
    public const int PageSize = 20;

    public async ValueTask<PastEvents> Handle(ListPastEvents query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var past = db.Events.AsNoTracking().WhereVisible().Where(e => e.EndsAtUtc <= now);
        // The years offered: those with past events, on the site's clock (read as start times; a short list).
        var starts = await past.Select(e => e.StartsAtUtc).ToListAsync(cancellationToken);
        var years = starts.Select(s => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(s, DateTimeKind.Utc), site.Zone).Year)
            .Distinct().OrderDescending().ToList();

        var inYear = past;
        if (query.Year is { } year && year is >= 1900 and <= 2100)
        {
            var from = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), site.Zone);
            var to = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), site.Zone);
            inYear = past.Where(e => e.StartsAtUtc >= from && e.StartsAtUtc < to);
        }
        else if (query.Year is not null)
        {
            inYear = past.Where(e => false);
        }

        var paging = Paging.Clamp(query.Page, PageSize, await inYear.CountAsync(cancellationToken));
        var events = await inYear.Past(now).Skip(paging.Skip).Take(PageSize).Summaries().ToListAsync(cancellationToken);
        return new PastEvents(events, paging, query.Year, years);
    }
}
