namespace Rsis.Portal.Application.Pages.ListPagesForEditing;

/// <summary>The admin list of content pages, A to Z, with the menu entries that open each. A short list, so one page.</summary>
public sealed record ListPagesForEditing : IQuery<IReadOnlyList<PageRow>>;

public sealed record PageRow(int Id, string Title, string Url, DateTime UpdatedAtUtc, IReadOnlyList<string> MenuEntries);

public sealed class ListPagesForEditingHandler(IPortalDbContext db) : IQueryHandler<ListPagesForEditing, IReadOnlyList<PageRow>>
{
    public async ValueTask<IReadOnlyList<PageRow>> Handle(ListPagesForEditing query, CancellationToken cancellationToken)
    {
        var pages = await db.Pages.AsNoTracking()
            .OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Slug, p.UpdatedAtUtc })
            .ToListAsync(cancellationToken);
        var entries = (await db.MenuItems.AsNoTracking()
                .Where(m => m.TargetKind == MenuTargetKind.Page && m.PageId != null)
                .Select(m => new { PageId = m.PageId!.Value, m.Title })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.PageId, m => m.Title);
        return pages.Select(p => new PageRow(p.Id, p.Title, PortalUrls.Page(p.Slug), p.UpdatedAtUtc, entries[p.Id].Order(StringComparer.Ordinal).ToList())).ToList();
    }
}
