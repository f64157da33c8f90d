namespace Rsis.Portal.Application.Trash.ListTrash;

/// <summary>Deleted publications, pages and events still in the Trash, most recently deleted first, with when each goes for good.</summary>
public sealed record ListTrash : IQuery<IReadOnlyList<TrashedItem>>;

public sealed record TrashedItem(string EntityType, int Id, string Label, string Title, DateTime DeletedAtUtc, string? DeletedBy)
{
    public DateTime PurgedAtUtc => DeletedAtUtc + TrashRules.KeptFor;
}

public sealed class ListTrashHandler(IPortalDbContext db) : IQueryHandler<ListTrash, IReadOnlyList<TrashedItem>>
{
    public async ValueTask<IReadOnlyList<TrashedItem>> Handle(ListTrash query, CancellationToken cancellationToken)
    {
        var publications = await db.Publications.InTrash().AsNoTracking()
            .Select(p => new TrashedItem(nameof(Publication), p.Id, p.Code, p.Title, p.DeletedAtUtc!.Value, p.DeletedBy))
            .ToListAsync(cancellationToken);
        var pages = await db.Pages.InTrash().AsNoTracking()
            .Select(p => new TrashedItem(nameof(Page), p.Id, "/" + p.Slug, p.Title, p.DeletedAtUtc!.Value, p.DeletedBy))
            .ToListAsync(cancellationToken);
        var events = await db.Events.InTrash().AsNoTracking()
            .Select(e => new TrashedItem(nameof(Domain.Events.Event), e.Id, PortalUrls.Event(e.Slug), e.Title, e.DeletedAtUtc!.Value, e.DeletedBy))
            .ToListAsync(cancellationToken);
        return [.. publications.Concat(pages).Concat(events).OrderByDescending(i => i.DeletedAtUtc)];
    }
}
