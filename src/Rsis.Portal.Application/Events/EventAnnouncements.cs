using Rsis.Portal.Application.Subscriptions;
using Rsis.Portal.Domain.Events;

namespace Rsis.Portal.Application.Events;

/// <summary>
/// Events as the subscription emails announce them: the title, when (on the site's clock, the zone named) and
/// where, the summary, and the event's page. A draft, cancelled or deleted event is left out, so a row queued
/// for it is closed unsent.
/// </summary>
public sealed class EventAnnouncements(ISiteZone site) : IAnnouncedItems
{
    public string ItemType => SubscriberNotices.EventItem;

    public async Task<IReadOnlyList<Announcement>> ReadAsync(
        IPortalDbContext db, IReadOnlyCollection<int> ids, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Events.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.Status == EventStatus.Published && e.DeletedAtUtc == null)
            .Select(e => new { e.Id, e.Title, e.Slug, e.StartsAtUtc, e.IsAllDay, e.VenueName, e.OnlineUrl, e.Summary })
            .ToListAsync(cancellationToken);
        return rows.Select(e => new Announcement(
                e.Id,
                e.Title,
                string.Join(" · ", new[] { When(e.StartsAtUtc, e.IsAllDay), e.VenueName, e.OnlineUrl.Length > 0 ? "Online" : "" }.Where(part => part.Length > 0)),
                e.Summary,
                PortalUrls.Event(e.Slug),
                "Details and registration"))
            .ToList();
    }

    private string When(DateTime startsAtUtc, bool isAllDay)
    {
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc), site.Zone);
        return isAllDay
            ? start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : start.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + site.ZoneName;
    }
}
