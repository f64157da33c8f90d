using Rsis.Portal.Application.PublicationSeries;

namespace Rsis.Portal.Application.Navigation.GetMenuEntryForEditing;

/// <summary>A menu entry as its edit form shows it; null when there is none with that id.</summary>
public sealed record GetMenuEntryForEditing(int Id) : IQuery<MenuEntryForEditing?>;

public sealed record MenuEntryForEditing(int Id, Guid ConcurrencyToken, MenuEntryFields Fields, MenuEntryFacts Facts) : IForEditing<MenuEntryFields, MenuEntryFacts>
{
    public string Label => Fields.Title;
}

/// <summary>What the edit and delete pages say about the entry as stored: where it sits and what is under it.</summary>
public sealed record MenuEntryFacts(int Id, string Title, string Target, IReadOnlyList<string> Trail, IReadOnlyList<string> Children);

/// <summary>What the menu entry form offers: the places an entry can go, the series, pages, authors and categories.</summary>
public sealed record GetMenuEntryFormChoices(int? EditedId) : IQuery<MenuEntryFormChoices>;

public sealed record MenuEntryFormChoices(
    IReadOnlyList<ParentChoice> Parents,
    IReadOnlyList<SeriesChoice> Series,
    IReadOnlyList<TargetChoice> Pages,
    IReadOnlyList<TargetChoice> Authors,
    IReadOnlyList<TargetChoice> Categories);

/// <summary>An entry at level 1 or 2 that can hold the edited one, named with its parent: "About RSIS › Staff Profiles".</summary>
public sealed record ParentChoice(int Id, string Path, int Depth);

public sealed record TargetChoice(int Id, string Name);

public sealed class GetMenuEntryForEditingHandler(IPortalDbContext db, MenuEntryKind kind) : IQueryHandler<GetMenuEntryForEditing, MenuEntryForEditing?>
{
    public async ValueTask<MenuEntryForEditing?> Handle(GetMenuEntryForEditing query, CancellationToken cancellationToken)
    {
        var m = await kind.Loading(db.MenuItems.AsNoTracking())
            .SingleOrDefaultAsync(m => m.Id == query.Id, cancellationToken);
        if (m is null)
        {
            return null;
        }

        var outline = await MenuOutline.LoadAsync(db, cancellationToken);
        var facts = new MenuEntryFacts(
            m.Id, m.Title, outline.Find(m.Id)!.Target,
            outline.PathTo(m.Id).SkipLast(1).Select(r => r.Title).ToList(),
            outline.ChildrenOf(m.Id).Select(r => r.Title).ToList());
        return new MenuEntryForEditing(m.Id, m.ConcurrencyToken, kind.FieldsOf(m), facts);
    }
}

public sealed class GetMenuEntryFormChoicesHandler(IPortalDbContext db) : IQueryHandler<GetMenuEntryFormChoices, MenuEntryFormChoices>
{
    public async ValueTask<MenuEntryFormChoices> Handle(GetMenuEntryFormChoices query, CancellationToken cancellationToken)
    {
        var outline = await MenuOutline.LoadAsync(db, cancellationToken);
        // Never the entry itself or anything below it, and nowhere its own entries would end up below level 3.
        var height = query.EditedId is { } id && outline.Find(id) is not null ? outline.HeightOf(id) : 1;
        var parents = new List<ParentChoice>();

        void Add(int? parentId, int depth, string prefix)
        {
            foreach (var row in outline.ChildrenOf(parentId))
            {
                if (depth >= MenuTree.MaxDepth || (query.EditedId is { } edited && row.Id == edited))
                {
                    continue;
                }

                if (depth + height <= MenuTree.MaxDepth)
                {
                    parents.Add(new ParentChoice(row.Id, prefix + row.Title, depth));
                }

                Add(row.Id, depth + 1, prefix + row.Title + " › ");
            }
        }

        Add(null, 1, "");
        var series = await db.Series.ToChoicesAsync(cancellationToken);
        var pages = await db.Pages.AsNoTracking().OrderBy(p => p.Title).Select(p => new TargetChoice(p.Id, p.Title)).ToListAsync(cancellationToken);
        var authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new TargetChoice(a.Id, a.Name)).ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new TargetChoice(c.Id, c.Name)).ToListAsync(cancellationToken);
        return new MenuEntryFormChoices(parents, series, pages, authors, categories);
    }
}
