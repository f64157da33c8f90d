namespace Rsis.Portal.Application.Categories.ListCategoriesForEditing;

/// <summary>The admin list of categories, A to Z, with how many publications each labels. A short list, so one page.</summary>
public sealed record ListCategoriesForEditing : IQuery<IReadOnlyList<CategoryRow>>;

public sealed record CategoryRow(int Id, string Name, string Slug, int PublicationCount);

public sealed class ListCategoriesForEditingHandler(IPortalDbContext db) : IQueryHandler<ListCategoriesForEditing, IReadOnlyList<CategoryRow>>
{
    public async ValueTask<IReadOnlyList<CategoryRow>> Handle(ListCategoriesForEditing query, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CategoryRow(c.Id, c.Name, c.Slug, c.Publications.Count))
            .ToListAsync(cancellationToken);
}
