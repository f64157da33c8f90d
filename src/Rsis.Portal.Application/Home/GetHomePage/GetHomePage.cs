using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Home.GetHomePage;

/// <summary>The home page: the latest publications across every series.</summary>
public sealed record GetHomePage : IQuery<HomePage>
{
    public const int LatestCount = 10;
}

public sealed record HomePage(IReadOnlyList<PublicationSummary> Latest, IReadOnlyList<Link> Series);

public sealed class GetHomePageHandler(IPortalDbContext db, TimeProvider clock, ISharedDataCache cache) : IQueryHandler<GetHomePage, HomePage>
{
    public async ValueTask<HomePage> Handle(GetHomePage query, CancellationToken cancellationToken)
    {
        var latest = await db.Publications.AsNoTracking()
            .WhereVisible(clock.GetUtcNow().UtcDateTime)
            .NewestAsync(GetHomePage.LatestCount, cancellationToken);
        var series = await PublicationQueries.LoadSeriesSidebarAsync(db, cache, cancellationToken);
        return new HomePage(latest, series);
    }
}
