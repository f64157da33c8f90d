using Rsis.Portal.Domain.Events;

namespace Rsis.Portal.Application.Events.ListEventsForEditing;

/// <summary>The three tabs of the admin list of events.</summary>
public enum EventTab
{
    /// <summary>Published or cancelled, not over yet, soonest first.</summary>
    Upcoming = 0,

    /// <summary>Published or cancelled and over, the latest first.</summary>
    Past = 1,

    /// <summary>Not published yet, by start, the latest first.</summary>
    Drafts = 2,
}

/// <summary>The admin list of events on one tab, a page at a time.</summary>
public sealed record ListEventsForEditing(EventTab Tab, int? Page) : IQuery<EventsForEditing>;

public sealed record EventsForEditing(EventTab Tab, IReadOnlyList<EventRow> Events, Paging Paging);

public sealed record EventRow(int Id, string Title, string Url, DateTime StartsAtUtc, bool IsAllDay, EventStatus Status, DateTime UpdatedAtUtc);

public sealed class ListEventsForEditingHandler(IPortalDbContext db, TimeProvider clock) : IQueryHandler<ListEventsForEditing, EventsForEditing>
{
    public const int PageSize = 50;

    public async ValueTask<EventsForEditing> Handle(ListEventsForEditing query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = db.Events.AsNoTracking();
        var listed = query.Tab switch
        {
            EventTab.Past => events.WhereVisible().Past(now),
            EventTab.Drafts => events.Where(e => e.Status == EventStatus.Draft).OrderByDescending(e => e.StartsAtUtc).ThenByDescending(e => e.Id),
            _ => events.WhereVisible().Upcoming(now),
        };
        var paging = Paging.Clamp(query.Page, PageSize, await listed.CountAsync(cancellationToken));
        var rows = await listed.Skip(paging.Skip).Take(PageSize)
            .Select(e => new EventRow(e.Id, e.Title, PortalUrls.Event(e.Slug), e.StartsAtUtc, e.IsAllDay, e.Status, e.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return new EventsForEditing(query.Tab, rows, paging);
    }
}
