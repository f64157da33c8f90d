namespace Rsis.Portal.Application.Events.PreviewEvent;

/// <summary>
/// An event as readers will see it, whatever its status: as stored, or with the unsaved values of the edit form
/// (<see cref="Unsaved"/>), shown and never saved. Null when there is no such event.
/// </summary>
public sealed record PreviewEvent(int Id, EventFields? Unsaved = null) : IQuery<EventPage?>;

public sealed class PreviewEventQueryHandler(IPortalDbContext db, MarkdownRenderer markdown, EventKind kind, TimeProvider clock)
    : IQueryHandler<PreviewEvent, EventPage?>
{
    public async ValueTask<EventPage?> Handle(PreviewEvent query, CancellationToken cancellationToken)
    {
        if (await ItemEditor.FindAsync(db, kind, query.Id, tracked: false, cancellationToken) is not { } item)
        {
            return null;
        }

        var stored = kind.FieldsOf(item);
        // The form's values are shown unchecked: a preview shows what was typed. An address or a time that cannot
        // be made keeps the stored one, as saving would refuse it.
        var draft = query.Unsaved ?? stored;
        draft = draft with
        {
            Slug = EditedItems.SlugOrFrom(draft.Slug, draft.Title) is { Length: > 0 } ? draft.Slug : stored.Slug,
            StartsAt = draft.StartsAt ?? stored.StartsAt,
            EndsAt = draft.EndsAt ?? stored.EndsAt,
        };
        return await EventQueries.PageAsync(db, markdown, kind, item.Id, draft, item.UpdatedAtUtc, item.Sequence, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
