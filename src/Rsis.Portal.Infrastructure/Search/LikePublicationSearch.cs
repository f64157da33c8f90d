using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Application.Search.SearchPublications;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Search;

/// <summary>
/// Search on SQL Server: a LIKE search, not SQL Server full-text search. CONTAINS needs the Full-Text
/// feature and a full-text catalog, which not every SQL Server has (LocalDB and the Linux container images
/// ship without it), and a full-text index cannot be created inside a migration's transaction. LIKE
/// '%word%' is correct on every edition, ignores case under the default collation, and is plain LINQ, so
/// the same code runs (and is tested) on SQLite. It scans the text, so it is the thing to replace with
/// CONTAINSTABLE behind this interface when the catalogue outgrows it. A word matches anywhere in the
/// text, inside longer words too ("cyber" finds "cybersecurity"), where FTS5 matches whole (stemmed) words.
/// </summary>
public sealed class LikePublicationSearch(PortalDbContext db) : IPublicationSearch
{
    public IQueryable<TextMatch> Match(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var matching = db.Publications.AsQueryable();
        var inTitleOrCode = db.Publications.AsQueryable();
        foreach (var word in terms.Words)
        {
            var pattern = "%" + EscapeLike(word) + "%";
            matching = matching.Where(p =>
                EF.Functions.Like(p.Title, pattern, "\\")
                || EF.Functions.Like(p.Code, pattern, "\\")
                || EF.Functions.Like(p.Synopsis, pattern, "\\")
                || EF.Functions.Like(p.Body, pattern, "\\")
                || p.Authors.Any(a => EF.Functions.Like(a.Author.Name, pattern, "\\"))
                || p.Categories.Any(c => EF.Functions.Like(c.Category.Name, pattern, "\\")));
            inTitleOrCode = inTitleOrCode.Where(p =>
                EF.Functions.Like(p.Title, pattern, "\\") || EF.Functions.Like(p.Code, pattern, "\\"));
        }

        var inTitleOrCodeIds = inTitleOrCode.Select(p => p.Id);
        // No relevance score: within a tier, the caller's newest-first order decides.
        return matching.Select(p => new TextMatch
        {
            PublicationId = p.Id,
            Tier = inTitleOrCodeIds.Contains(p.Id) ? 0 : 1,
            Score = 0,
        });
    }

    public async Task<IReadOnlyDictionary<int, MatchedText>> HighlightAsync(
        SearchTerms terms, IReadOnlyCollection<int> publicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var ids = publicationIds.ToList();
        var texts = await db.Publications.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.Synopsis, p.Body })
            .ToListAsync(cancellationToken);

        return texts.ToDictionary(t => t.Id, t =>
        {
            var synopsis = SearchHighlight.Passage(t.Synopsis, terms.Words, SearchPublications.PassageWords);
            var body = SearchHighlight.Passage(t.Body, terms.Words, SearchPublications.PassageWords);
            return new MatchedText(
                SearchHighlight.Mark(t.Title, terms.Words),
                SearchHighlight.HasMatch(synopsis) || !SearchHighlight.HasMatch(body) ? synopsis : body);
        });
    }

    /// <summary>Makes % and _ (and SQL Server's [) in a word match themselves.</summary>
    internal static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);
}
