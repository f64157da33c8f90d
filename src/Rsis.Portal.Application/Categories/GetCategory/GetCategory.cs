using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Categories.GetCategory;

/// <summary>A category's page: its publications, newest first.</summary>
public sealed record GetCategory(string Slug, int? Page) : IQuery<CategoryPage?>
{
    public const int PageSize = 20;
}

public sealed record CategoryPage(string Name, string Slug, IReadOnlyList<PublicationSummary> Publications, Paging Paging);

public sealed class GetCategoryHandler(IPortalDbContext db, TimeProvider clock) : IQueryHandler<GetCategory, CategoryPage?>
{
    public async ValueTask<CategoryPage?> Handle(GetCategory query, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Slug == query.Slug)
            .Select(c => new { c.Id, c.Name, c.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            return null;
        }

        // "Id IN (the category's labels)", so SQLite starts from the category's index entries (see GetAuthor).
        var labelled = db.PublicationCategories.Where(c => c.CategoryId == category.Id).Select(c => c.PublicationId);
        var (items, paging) = await db.Publications.AsNoTracking().WithTheTrashTestedOnce()
            .WhereVisible(clock.GetUtcNow().UtcDateTime)
            .Where(p => labelled.Contains(p.Id))
            .PageAsync(db, query.Page, GetCategory.PageSize, total: null, cancellationToken);

        return new CategoryPage(category.Name, category.Slug, items, paging);
    }
}
