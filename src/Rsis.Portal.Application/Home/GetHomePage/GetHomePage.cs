using Rsis.Portal.Application.Events;
using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Home.GetHomePage;

/// <summary>The home page: the latest publications across every series, and the next events when there are any.</summary>
public sealed record GetHomePage : IQuery<HomePage>
{
    public const int LatestCount = 10;
    public const int UpcomingEventCount = 3;
}

public sealed record HomePage(IReadOnlyList<PublicationSummary> Latest, IReadOnlyList<Link> Series, IReadOnlyList<EventSummary> UpcomingEvents);

public sealed class GetHomePageHandler(IPortalDbContext db, TimeProvider clock, ISharedDataCache cache) : IQueryHandler<GetHomePage, HomePage>
{
    public async ValueTask<HomePage> Handle(GetHomePage query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.Publications.AsNoTracking()
            .WhereVisible(now)
            .NewestAsync(db, GetHomePage.LatestCount, cancellationToken);
        var series = await PublicationQueries.LoadSeriesSidebarAsync(db, cache, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var events = await db.Events.AsNoTracking().WhereVisible().Upcoming(now).Take(GetHomePage.UpcomingEventCount).Summaries().ToListAsync(cancellationToken);
        return new HomePage(latest, series, events);
    }
}
