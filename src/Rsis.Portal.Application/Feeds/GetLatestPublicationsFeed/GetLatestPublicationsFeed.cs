using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Feeds.GetLatestPublicationsFeed;

/// <summary>The latest publications across every series, for the RSS feed the footer links to.</summary>
public sealed record GetLatestPublicationsFeed : IQuery<LatestPublicationsFeed>
{
    public const int ItemCount = 30;
}

public sealed record LatestPublicationsFeed(string Title, string Description, IReadOnlyList<PublicationSummary> Items);

public sealed class GetLatestPublicationsFeedHandler(IPortalDbContext db, IClock clock)
    : IQueryHandler<GetLatestPublicationsFeed, LatestPublicationsFeed>
{
    public async ValueTask<LatestPublicationsFeed> Handle(GetLatestPublicationsFeed query, CancellationToken cancellationToken)
    {
        var schoolName = await db.SiteSettings.AsNoTracking().Select(s => s.SchoolName).SingleAsync(cancellationToken);
        var items = await db.Publications.AsNoTracking()
            .WhereVisible(clock.UtcNow)
            .NewestFirst()
            .Take(GetLatestPublicationsFeed.ItemCount)
            .Select(PublicationQueries.ToSummary)
            .ToListAsync(cancellationToken);
        return new LatestPublicationsFeed($"{schoolName}: latest publications", $"The latest publications of the {schoolName}.", items);
    }
}
