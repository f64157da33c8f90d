using Rsis.Portal.Application.Authors.ListAuthors;
using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Categories.ListCategories;

/// <summary>The topics: every category with published publications, by name, with how many.</summary>
public sealed record ListCategories : IQuery<IReadOnlyList<IndexEntry>>;

public sealed class ListCategoriesHandler(IPortalDbContext db, TimeProvider clock) : IQueryHandler<ListCategories, IReadOnlyList<IndexEntry>>
{
    public async ValueTask<IReadOnlyList<IndexEntry>> Handle(ListCategories query, CancellationToken cancellationToken)
    {
        var visible = db.Publications.AsNoTracking().WhereVisible(clock.GetUtcNow().UtcDateTime);
        var counts = await visible.SelectMany(p => p.Categories).GroupBy(c => c.CategoryId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return (await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name, c.Slug }).ToListAsync(cancellationToken))
            .Where(c => counts.ContainsKey(c.Id))
            .Select(c => new IndexEntry(c.Name, c.Slug, PortalUrls.Category(c.Slug), counts[c.Id]))
            .OrderBy(c => IndexLetter.Fold(c.Name), StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
