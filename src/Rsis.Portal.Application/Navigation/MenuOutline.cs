using Rsis.Portal.Application.PublicationSeries;

namespace Rsis.Portal.Application.Navigation;

/// <summary>A menu entry as staff see it: hidden or not, with its target named ("Series: RSIS Commentary Series").</summary>
public sealed record MenuOutlineRow(
    int Id,
    int? ParentId,
    string Title,
    string Slug,
    MenuTargetKind TargetKind,
    string Target,
    int SortOrder,
    bool IsVisible,
    Guid ConcurrencyToken);

/// <summary>
/// Every menu entry, hidden ones included, with the shape questions the editor asks of it: how deep an entry
/// sits, how many levels hang below it, and which entries are its own descendants.
/// </summary>
public sealed class MenuOutline
{
    private readonly Dictionary<int, MenuOutlineRow> _byId;
    private readonly ILookup<int?, MenuOutlineRow> _byParent;

    private MenuOutline(IReadOnlyList<MenuOutlineRow> rows)
    {
        Rows = rows;
        _byId = rows.ToDictionary(r => r.Id);
        _byParent = rows.ToLookup(r => r.ParentId);
    }

    public IReadOnlyList<MenuOutlineRow> Rows { get; }

    public static async Task<MenuOutline> LoadAsync(IPortalDbContext db, CancellationToken cancellationToken)
    {
        var rows = await (
            from m in db.MenuItems.AsNoTracking()
            join s in db.Series on m.SeriesId equals s.Id into series
            from s in series.DefaultIfEmpty()
            join pg in db.Pages on m.PageId equals pg.Id into pages
            from pg in pages.DefaultIfEmpty()
            join p in db.Publications on m.PublicationId equals p.Id into publications
            from p in publications.DefaultIfEmpty()
            join a in db.Authors on m.AuthorId equals a.Id into authors
            from a in authors.DefaultIfEmpty()
            join c in db.Categories on m.CategoryId equals c.Id into categories
            from c in categories.DefaultIfEmpty()
            select new
            {
                m.Id,
                m.ParentId,
                m.Title,
                m.Slug,
                m.TargetKind,
                m.Url,
                SeriesName = s == null ? null : s.Name,
                SeriesGroup = s == null ? default : s.Group,
                PageTitle = pg == null ? null : pg.Title,
                PublicationCode = p == null ? null : p.Code,
                PublicationIsPublished = p != null && p.Status == PublicationStatus.Published,
                AuthorName = a == null ? null : a.Name,
                CategoryName = c == null ? null : c.Name,
                m.SortOrder,
                m.IsVisible,
                m.ConcurrencyToken,
            }).ToListAsync(cancellationToken);
        // Both groups have a "Policy Reports" and a "Working Papers": such names are told apart by their group.
        var sharedNames = (await db.Series.AsNoTracking().GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        return new MenuOutline(rows.Select(r => new MenuOutlineRow(
            r.Id, r.ParentId, r.Title, r.Slug, r.TargetKind,
            r.TargetKind switch
            {
                MenuTargetKind.Series when r.SeriesName is not null =>
                    $"Series: {r.SeriesName}" + (sharedNames.Contains(r.SeriesName) ? $" ({SeriesKind.GroupName(r.SeriesGroup)})" : ""),
                MenuTargetKind.Page when r.PageTitle is not null => $"Page: {r.PageTitle}",
                MenuTargetKind.Publication when r.PublicationCode is not null =>
                    r.PublicationIsPublished
                        ? $"Publication: {r.PublicationCode}"
                        : $"Publication: {r.PublicationCode} (not published yet: opens the section page /{r.Slug} until it is)",
                MenuTargetKind.Url when !string.IsNullOrEmpty(r.Url) => $"URL: {r.Url}",
                MenuTargetKind.Author when r.AuthorName is not null => $"Author: {r.AuthorName}",
                MenuTargetKind.Category when r.CategoryName is not null => $"Category: {r.CategoryName}",
                MenuTargetKind.Section => $"Section page /{r.Slug}",
                // A series, page, publication, author or category deleted since: the public menu falls back to the section page.
                _ => $"{r.TargetKind} deleted: opens the section page /{r.Slug}",
            },
            r.SortOrder, r.IsVisible, r.ConcurrencyToken)).ToList());
    }

    public MenuOutlineRow? Find(int id) => _byId.GetValueOrDefault(id);

    /// <summary>An entry's children in menu order.</summary>
    public IReadOnlyList<MenuOutlineRow> ChildrenOf(int? parentId) =>
        _byParent[parentId].OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToList();

    /// <summary>1 for a top-level entry, 2 below it, 3 at the bottom.</summary>
    public int DepthOf(int id)
    {
        var depth = 0;
        for (int? current = id; current is { } at && _byId.TryGetValue(at, out var row) && depth <= _byId.Count; current = row.ParentId)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>The levels an entry takes with everything below it: 1 with no children, 2 with children, 3 with grandchildren.</summary>
    public int HeightOf(int id) => 1 + _byParent[id].Select(child => HeightOf(child.Id)).DefaultIfEmpty(0).Max();

    /// <summary>Whether <paramref name="id"/> is <paramref name="ancestorId"/> or sits anywhere below it.</summary>
    public bool IsWithin(int id, int ancestorId)
    {
        var steps = 0;
        for (int? current = id; current is { } at && steps++ <= _byId.Count; current = _byId.GetValueOrDefault(at)?.ParentId)
        {
            if (at == ancestorId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entry and its ancestors' titles, top first: "About RSIS › Staff Profiles".</summary>
    public IReadOnlyList<MenuOutlineRow> PathTo(int id)
    {
        var path = new List<MenuOutlineRow>();
        for (var row = Find(id); row is not null && path.Count <= _byId.Count; row = row.ParentId is { } parent ? Find(parent) : null)
        {
            path.Insert(0, row);
        }

        return path;
    }
}
