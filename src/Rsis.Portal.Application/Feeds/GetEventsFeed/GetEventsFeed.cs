using Rsis.Portal.Application.Events;
using Rsis.Portal.Application.Feeds.GetPublicationsFeed;

namespace Rsis.Portal.Application.Feeds.GetEventsFeed;

/// <summary>
/// The events feed (<c>/feeds/events.rss</c> and <c>.atom</c>): the latest events announced, newest first, in the
/// shape the publications feeds are written from. Each says when it is, on the site's clock, before its summary.
/// </summary>
public sealed record GetEventsFeed : IQuery<PublicationsFeed>
{
    public const int ItemCount = 30;
}

public sealed class GetEventsFeedHandler(IPortalDbContext db, ISiteZone site) : IQueryHandler<GetEventsFeed, PublicationsFeed>
{
    private static readonly Link Listing = new("Events", PortalUrls.Events);

    public async ValueTask<PublicationsFeed> Handle(GetEventsFeed query, CancellationToken cancellationToken)
    {
        var school = await db.SiteSettings.AsNoTracking().Select(s => s.SchoolName).SingleAsync(cancellationToken);
        var rows = await db.Events.AsNoTracking().WhereVisible()
            .OrderByDescending(e => e.CreatedAtUtc).ThenByDescending(e => e.Id).Take(GetEventsFeed.ItemCount)
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.Slug,
                e.Summary,
                e.StartsAtUtc,
                e.IsAllDay,
                e.Status,
                e.CreatedAtUtc,
                e.UpdatedAtUtc,
                Speakers = e.Speakers.OrderBy(s => s.Position).Select(s => new Link(s.Author.Name, "/authors/" + s.Author.Slug)).ToList(),
                Categories = e.Categories.OrderBy(c => c.Category.Name).Select(c => c.Category.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        var entries = rows.Select(e => new FeedEntry(
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.Title,
            PortalUrls.Event(e.Slug),
            "",
            $"{(e.Status == Domain.Events.EventStatus.Cancelled ? "Cancelled. " : "")}{When(e.StartsAtUtc, e.IsAllDay)}. {e.Summary}".Trim(),
            DateOnly.FromDateTime(e.CreatedAtUtc),
            DateTime.SpecifyKind(e.UpdatedAtUtc, DateTimeKind.Utc),
            Listing,
            e.Speakers,
            e.Categories)
        {
            Heading = e.Title,
            Collection = "events",
        }).ToList();
        var updated = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.UpdatedUtc);
        return new PublicationsFeed($"{school}: events", $"Events of the {school}.", PortalUrls.Events,
            PortalUrls.EventsFeed(PortalUrls.Rss), PortalUrls.EventsFeed(PortalUrls.Atom), school, updated, entries);
    }

    private string When(DateTime startsAtUtc, bool isAllDay)
    {
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc), site.Zone);
        return isAllDay
            ? start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : start.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + site.ZoneName;
    }
}
