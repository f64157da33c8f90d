using Rsis.Portal.Domain.Events;

namespace Rsis.Portal.Application.Events.GetEventForEditing;

/// <summary>An event as the admin edit and delete pages show it: its fields on the site's clock, token and history.</summary>
public sealed record GetEventForEditing(int Id) : IQuery<EventForEditing?>;

public sealed record EventForEditing(int Id, Guid ConcurrencyToken, EventFields Fields, EventFacts Facts) : IForEditing<EventFacts>
{
    public string Label => Fields.Title;
}

/// <summary>What the pages say beside the form: the public address, the status, and the latest changes.</summary>
public sealed record EventFacts(
    int Id,
    string Title,
    string Url,
    EventStatus Status,
    DateTime UpdatedAtUtc,
    string? UpdatedBy,
    IReadOnlyList<ItemHistoryEntry> History)
{
    public bool IsPublic => Status != EventStatus.Draft;
}

public sealed class GetEventForEditingHandler(IPortalDbContext db, EventKind kind) : IQueryHandler<GetEventForEditing, EventForEditing?>
{
    public async ValueTask<EventForEditing?> Handle(GetEventForEditing query, CancellationToken cancellationToken)
    {
        if (await ItemEditor.FindAsync(db, kind, query.Id, tracked: false, cancellationToken) is not { } e)
        {
            return null;
        }

        var facts = new EventFacts(e.Id, e.Title, PortalUrls.Event(e.Slug), e.Status, e.UpdatedAtUtc, e.UpdatedBy,
            await EditedItems.HistoryAsync(db, nameof(Event), e.Id, cancellationToken));
        return new EventForEditing(e.Id, e.ConcurrencyToken, kind.FieldsOf(e), facts);
    }
}
