namespace Rsis.Portal.Application.Navigation.GetMenuForEditing;

/// <summary>The whole menu as the admin tree shows it: hidden entries included, each with its target named.</summary>
public sealed record GetMenuForEditing : IQuery<MenuForEditing>;

public sealed record MenuForEditing(IReadOnlyList<MenuEditorEntry> Entries, int Count)
{
    /// <summary>The entry with this id anywhere in the tree, or null.</summary>
    public MenuEditorEntry? Find(int? id) => id is null ? null : Flatten(Entries).FirstOrDefault(e => e.Id == id);

    private static IEnumerable<MenuEditorEntry> Flatten(IEnumerable<MenuEditorEntry> entries) =>
        entries.SelectMany(e => Flatten(e.Children).Prepend(e));
}

/// <summary>
/// One entry of the tree. <see cref="HiddenByParent"/>: shown in the admin, but readers do not see it because an
/// entry above it is hidden. <see cref="TopLevelId"/> names the group the entry belongs to.
/// </summary>
public sealed record MenuEditorEntry(
    int Id,
    string Title,
    string Target,
    bool IsVisible,
    bool HiddenByParent,
    Guid ConcurrencyToken,
    int Depth,
    int TopLevelId,
    bool IsFirst,
    bool IsLast,
    IReadOnlyList<MenuEditorEntry> Children)
{
    public int DescendantCount => Children.Count + Children.Sum(c => c.DescendantCount);

    /// <summary>Entries at levels 1 and 2 can hold others.</summary>
    public bool CanHoldEntries => Depth < MenuTree.MaxDepth;
}

public sealed class GetMenuForEditingHandler(IPortalDbContext db) : IQueryHandler<GetMenuForEditing, MenuForEditing>
{
    public async ValueTask<MenuForEditing> Handle(GetMenuForEditing query, CancellationToken cancellationToken)
    {
        var outline = await MenuOutline.LoadAsync(db, cancellationToken);
        return new MenuForEditing(Level(null, 1, 0, hiddenAbove: false), outline.Rows.Count);

        IReadOnlyList<MenuEditorEntry> Level(int? parentId, int depth, int topLevelId, bool hiddenAbove)
        {
            if (depth > MenuTree.MaxDepth)
            {
                return [];
            }

            var rows = outline.ChildrenOf(parentId);
            return rows.Select((r, i) =>
            {
                var top = depth == 1 ? r.Id : topLevelId;
                return new MenuEditorEntry(
                    r.Id, r.Title, r.Target, r.IsVisible, hiddenAbove, r.ConcurrencyToken, depth, top,
                    IsFirst: i == 0, IsLast: i == rows.Count - 1,
                    Level(r.Id, depth + 1, top, hiddenAbove || !r.IsVisible));
            }).ToList();
        }
    }
}
