namespace Rsis.Portal.Application.Navigation;

/// <summary>A menu row as stored, with the slugs its target needs to become a URL.</summary>
public sealed record MenuRow(
    int Id,
    int? ParentId,
    string Title,
    string Slug,
    MenuTargetKind TargetKind,
    string? TargetUrl,
    int SortOrder,
    bool IsVisible);

/// <summary>Builds the three-level menu from flat rows.</summary>
public static class MenuTree
{
    public const int MaxDepth = 3;

    /// <summary>
    /// Children follow their parent in sort order; a hidden entry hides its whole branch, and entries
    /// deeper than three levels or whose parent is missing are left out rather than shown in the wrong place.
    /// </summary>
    public static IReadOnlyList<MenuNode> Build(IEnumerable<MenuRow> rows)
    {
        var byParent = rows
            .Where(r => r.IsVisible)
            .ToLookup(r => r.ParentId);

        return BuildLevel(null, 1);

        IReadOnlyList<MenuNode> BuildLevel(int? parentId, int depth) =>
            depth > MaxDepth
                ? []
                : byParent[parentId]
                    .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
                    .Select(r => new MenuNode(r.Id, r.Title, UrlOf(r), BuildLevel(r.Id, depth + 1)))
                    .ToList();
    }

    /// <summary>
    /// The URL a menu entry opens: its target's, or its own section page when it has none (or the target is gone).
    /// </summary>
    public static string UrlOf(MenuRow row) =>
        row.TargetKind == MenuTargetKind.Section || string.IsNullOrEmpty(row.TargetUrl)
            ? PortalUrls.Page(row.Slug)
            : row.TargetUrl;
}
