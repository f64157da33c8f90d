using Rsis.Portal.Domain.Events;

namespace Rsis.Portal.Application.Events.GetEventCalendar;

/// <summary>
/// What a calendar file holds: one event (<c>/events/{slug}.ics</c>, "Add to calendar"), or, with no slug, every
/// upcoming event (<c>/events.ics</c>, to subscribe to). Cancelled events are kept, so calendars that hold them
/// learn they are off. Null when the one event asked for is not public.
/// </summary>
public sealed record GetEventCalendar(string? Slug = null) : IQuery<EventCalendar?>;

public sealed record EventCalendar(IReadOnlyList<CalendarEntry> Entries, DateTime UpdatedUtc);

/// <summary>
/// One VEVENT. <see cref="FirstDay"/> and <see cref="DayAfterLast"/> are the days on the site's clock, for an all-day
/// event (VALUE=DATE, end exclusive as RFC 5545 counts).
/// </summary>
public sealed record CalendarEntry(
    int Id, string Title, string Url, DateTime StartsAtUtc, DateTime EndsAtUtc, bool IsAllDay, DateOnly FirstDay, DateOnly DayAfterLast,
    bool IsCancelled, string Location, string Description, int Sequence, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

public sealed class GetEventCalendarHandler(IPortalDbContext db, TimeProvider clock, ISiteZone site) : IQueryHandler<GetEventCalendar, EventCalendar?>
{
    public async ValueTask<EventCalendar?> Handle(GetEventCalendar query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = db.Events.AsNoTracking().WhereVisible();
        events = query.Slug is { } slug
            ? events.Where(e => e.Slug == slug)
            : events.Upcoming(now).Take(ListEvents.ListUpcomingEventsHandler.MaxListed);
        var rows = await events.Select(e => new
        {
            e.Id,
            e.Title,
            e.Slug,
            e.StartsAtUtc,
            e.EndsAtUtc,
            e.IsAllDay,
            e.Status,
            e.VenueName,
            e.VenueAddress,
            e.OnlineUrl,
            e.Summary,
            e.Sequence,
            e.CreatedAtUtc,
            e.UpdatedAtUtc,
        }).ToListAsync(cancellationToken);
        if (query.Slug is not null && rows.Count == 0)
        {
            return null;
        }

        var entries = rows.Select(e => new CalendarEntry(
            e.Id, e.Title, PortalUrls.Event(e.Slug), e.StartsAtUtc, e.EndsAtUtc, e.IsAllDay, Day(e.StartsAtUtc), Day(e.EndsAtUtc),
            e.Status == EventStatus.Cancelled,
            string.Join(", ", new[] { e.VenueName, e.VenueAddress.Replace("\n", ", ", StringComparison.Ordinal), e.OnlineUrl }.Where(s => s.Length > 0)),
            e.Summary, e.Sequence, e.CreatedAtUtc, e.UpdatedAtUtc)).ToList();
        // An empty calendar is still a calendar; it changed when the last event in it (or none) did.
        var updated = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.UpdatedAtUtc);
        return new EventCalendar(entries, DateTime.SpecifyKind(updated, DateTimeKind.Utc));
    }

    private DateOnly Day(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), site.Zone));
}
