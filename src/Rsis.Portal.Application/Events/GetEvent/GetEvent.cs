namespace Rsis.Portal.Application.Events.GetEvent;

/// <summary>A published or cancelled event at <c>/events/{slug}</c>; null for a draft, an event in the Trash, or none.</summary>
public sealed record GetEvent(string Slug) : IQuery<EventPage?>;

public sealed class GetEventQueryHandler(IPortalDbContext db, MarkdownRenderer markdown, EventKind kind, TimeProvider clock)
    : IQueryHandler<GetEvent, EventPage?>
{
    public async ValueTask<EventPage?> Handle(GetEvent query, CancellationToken cancellationToken)
    {
        var item = await kind.Loading(db.Events.AsNoTracking()).WhereVisible().SingleOrDefaultAsync(e => e.Slug == query.Slug, cancellationToken);
        return item is null
            ? null
            : await EventQueries.PageAsync(db, markdown, kind, item.Id, kind.FieldsOf(item), item.UpdatedAtUtc, item.Sequence,
                clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
