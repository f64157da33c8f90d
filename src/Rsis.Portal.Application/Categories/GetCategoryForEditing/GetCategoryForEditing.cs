namespace Rsis.Portal.Application.Categories.GetCategoryForEditing;

/// <summary>A category as the admin edit and delete pages show it: fields, token, publications and history.</summary>
public sealed record GetCategoryForEditing(int Id) : IQuery<CategoryForEditing?>;

public sealed record CategoryForEditing(int Id, Guid ConcurrencyToken, CategoryFields Fields, CategoryFacts Facts) : IForEditing<CategoryFields, CategoryFacts>
{
    public string Label => Fields.Name;
}

public sealed record CategoryFacts(
    int Id,
    string Name,
    string Url,
    int PublicationCount,
    IReadOnlyList<UsedBy> Publications,
    IReadOnlyList<ItemHistoryEntry> History)
{
    public bool IsInUse => PublicationCount > 0;
}

public sealed class GetCategoryForEditingHandler(IPortalDbContext db) : IQueryHandler<GetCategoryForEditing, CategoryForEditing?>
{
    public async ValueTask<CategoryForEditing?> Handle(GetCategoryForEditing query, CancellationToken cancellationToken)
    {
        var c = await db.Categories.AsNoTracking()
            .Where(c => c.Id == query.Id)
            .Select(c => new { c.Id, c.ConcurrencyToken, Category = c, Count = c.Publications.Count })
            .SingleOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }

        var publications = await db.PublicationCategories.AsNoTracking()
            .Where(pc => pc.CategoryId == c.Id)
            .OrderByDescending(pc => pc.Publication.PublishedOn).ThenByDescending(pc => pc.Publication.Code)
            .Take(UsedBy.Listed)
            .Select(pc => new UsedBy(pc.PublicationId, pc.Publication.Code, pc.Publication.Title))
            .ToListAsync(cancellationToken);
        var facts = new CategoryFacts(c.Id, c.Category.Name, PortalUrls.Category(c.Category.Slug), c.Count, publications,
            await EditedItems.HistoryAsync(db, nameof(Category), c.Id, cancellationToken));
        return new CategoryForEditing(c.Id, c.ConcurrencyToken, CategoryKind.Instance.FieldsOf(c.Category), facts);
    }
}
