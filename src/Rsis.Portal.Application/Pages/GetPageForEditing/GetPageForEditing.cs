namespace Rsis.Portal.Application.Pages.GetPageForEditing;

/// <summary>A content page as the admin edit and delete pages show it: fields, token, menu entries and history.</summary>
public sealed record GetPageForEditing(int Id) : IQuery<PageForEditing?>;

public sealed record PageForEditing(int Id, Guid ConcurrencyToken, PageFields Fields, PageFacts Facts) : IForEditing<PageFields, PageFacts>
{
    public string Label => Fields.Title;
}

public sealed record PageFacts(
    int Id,
    string Title,
    string Url,
    DateTime UpdatedAtUtc,
    IReadOnlyList<string> MenuEntries,
    IReadOnlyList<ItemHistoryEntry> History)
{
    public bool IsInUse => MenuEntries.Count > 0;
}

public sealed class GetPageForEditingHandler(IPortalDbContext db) : IQueryHandler<GetPageForEditing, PageForEditing?>
{
    public async ValueTask<PageForEditing?> Handle(GetPageForEditing query, CancellationToken cancellationToken)
    {
        var p = await db.Pages.AsNoTracking()
            .Where(p => p.Id == query.Id)
            .Select(p => new { p.Id, p.ConcurrencyToken, Page = p })
            .SingleOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            return null;
        }

        var menuEntries = await db.MenuItems.AsNoTracking()
            .Where(m => m.TargetKind == MenuTargetKind.Page && m.PageId == p.Id)
            .OrderBy(m => m.Title).Select(m => m.Title)
            .ToListAsync(cancellationToken);
        var facts = new PageFacts(p.Id, p.Page.Title, PortalUrls.Page(p.Page.Slug), p.Page.UpdatedAtUtc, menuEntries,
            await EditedItems.HistoryAsync(db, nameof(Page), p.Id, cancellationToken));
        return new PageForEditing(p.Id, p.ConcurrencyToken, PageKind.Instance.FieldsOf(p.Page), facts);
    }
}
