using Rsis.Portal.Application.Search;

namespace Rsis.Portal.Application.Publications.GetRelatedReading;

/// <summary>
/// What to read next under an article: more from its series, more by each of its authors, and related
/// publications (shared categories and similar words). Each block holds up to <see cref="GetRelatedReadingHandler.PerBlock"/>,
/// no publication appears twice on the page, and a block with nothing is left out.
/// </summary>
public sealed record GetRelatedReading(string Code) : IQuery<RelatedReading>;

public sealed record RelatedReading(IReadOnlyList<RelatedBlock> Blocks)
{
    public static readonly RelatedReading None = new([]);
}

/// <summary>One block: its heading's id ("more-from-this-series"), the heading, and its publications newest or closest first.</summary>
public sealed record RelatedBlock(string Id, string Heading, IReadOnlyList<PublicationSummary> Items);

public sealed class GetRelatedReadingHandler(IPortalDbContext db, TimeProvider clock, ISimilarPublications similar, ISharedDataCache cache)
    : IQueryHandler<GetRelatedReading, RelatedReading>
{
    public const int PerBlock = 5;

    /// <summary>
    /// Kept until the next save of any publication, author or category (or a scheduled one coming out): the
    /// blocks take five queries, one of them a full-text ranking, and half the time of drawing an article afresh.
    /// </summary>
    public ValueTask<RelatedReading> Handle(GetRelatedReading query, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync("related:" + query.Code, CacheTags.Publications, token => LoadAsync(query, token), cancellationToken);

    private async Task<RelatedReading> LoadAsync(GetRelatedReading query, CancellationToken cancellationToken)
    {
        var visible = db.Publications.AsNoTracking().WhereVisible(clock.GetUtcNow().UtcDateTime);
        var self = await visible
            .Where(p => p.Code == query.Code)
            .Select(p => new
            {
                p.Id,
                p.SeriesId,
                Authors = p.Authors.OrderBy(a => a.Position).Select(a => new { a.AuthorId, a.Author.Name, a.Author.Slug }).ToList(),
                CategoryIds = p.Categories.Select(c => c.CategoryId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (self is null)
        {
            return RelatedReading.None;
        }

        // Blocks are filled in the order they are shown, each leaving out what the ones above it hold.
        var shown = new List<int> { self.Id };
        var blocks = new List<(string Id, string Heading, List<int> Ids)>();
        void Add(string id, string heading, List<int> ids)
        {
            if (ids.Count > 0)
            {
                blocks.Add((id, heading, ids));
                shown.AddRange(ids);
            }
        }

        Add("more-from-this-series", "More from this series", await visible
            .Where(p => p.SeriesId == self.SeriesId && p.Id != self.Id)
            .NewestFirst().Take(PerBlock).Select(p => p.Id).ToListAsync(cancellationToken));

        foreach (var author in self.Authors)
        {
            var taken = shown.ToList();
            Add("more-by-" + author.Slug, "More by " + author.Name, await visible
                .Where(p => p.Authors.Any(a => a.AuthorId == author.AuthorId) && !taken.Contains(p.Id))
                .NewestFirst().Take(PerBlock).Select(p => p.Id).ToListAsync(cancellationToken));
        }

        Add("related", "Related", await RelatedAsync(visible, self.Id, self.CategoryIds, shown, cancellationToken));

        var summaries = await PublicationQueries.LoadSummariesAsync(visible, shown.Skip(1).ToList(), cancellationToken);
        return new RelatedReading(blocks
            .Select(b => new RelatedBlock(b.Id, b.Heading, b.Ids.Where(summaries.ContainsKey).Select(id => summaries[id]).ToList()))
            .ToList());
    }

    /// <summary>
    /// Publications sharing the most categories, and those most similar in words: one point for each shared
    /// category and one for being among the similar, then by similarity, then newest.
    /// </summary>
    private async Task<List<int>> RelatedAsync(
        IQueryable<Publication> visible, int id, List<int> categoryIds, List<int> shown, CancellationToken cancellationToken)
    {
        var byCategory = categoryIds.Count == 0
            ? []
            : await visible
                .Where(p => !shown.Contains(p.Id))
                .Select(p => new { p.Id, Shared = p.Categories.Count(c => categoryIds.Contains(c.CategoryId)), p.PublishedOn, p.Code })
                .Where(p => p.Shared > 0)
                .OrderByDescending(p => p.Shared).ThenByDescending(p => p.PublishedOn).ThenByDescending(p => p.Code)
                .Take(PerBlock * 2)
                .ToListAsync(cancellationToken);

        var similarIds = (await similar.SimilarToAsync(id, PerBlock * 4, cancellationToken)).Where(s => !shown.Contains(s)).ToList();
        var visibleSimilar = similarIds.Count == 0
            ? []
            : (await visible.Where(p => similarIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var similarRank = similarIds.Where(visibleSimilar.Contains).Select((s, rank) => (s, rank)).ToDictionary(x => x.s, x => x.rank);
        var categoryRank = byCategory.Select((c, rank) => (c, rank)).ToDictionary(x => x.c.Id, x => (x.c.Shared, x.rank));

        return categoryRank.Keys.Union(similarRank.Keys)
            .OrderByDescending(c => categoryRank.GetValueOrDefault(c).Shared + (similarRank.ContainsKey(c) ? 1 : 0))
            .ThenBy(c => similarRank.TryGetValue(c, out var rank) ? rank : int.MaxValue)
            .ThenBy(c => categoryRank.TryGetValue(c, out var rank) ? rank.rank : int.MaxValue)
            .Take(PerBlock)
            .ToList();
    }
}
