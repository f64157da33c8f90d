using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Application.Search.SearchPublications;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Search;

/// <summary>
/// Search on SQLite with FTS5: the <c>PublicationSearchIndex</c> table (migration PublicationSearchIndex)
/// holds each publication's title, code, synopsis, body, author names and category names, kept current by
/// triggers on the tables behind them, so whatever saves a publication, an author or a category (the admin
/// area through EF, a script in SQL) the index follows in the same transaction.
/// </summary>
public sealed class SqlitePublicationSearch(PortalDbContext db) : IPublicationSearch
{
    public const string IndexTable = "PublicationSearchIndex";

    public IQueryable<TextMatch> Match(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var all = FtsQuery(terms);
        var inTitleOrCode = "{Title Code} : (" + all + ")";
        // rank is bm25 with the column weights the migration configured (title and code far above the body);
        // the tier puts every title or code match first whatever the body's term counts say.
        return db.Database.SqlQuery<TextMatch>($"""
            SELECT rowid AS PublicationId,
                   CASE WHEN rowid IN (SELECT rowid FROM PublicationSearchIndex WHERE PublicationSearchIndex MATCH {inTitleOrCode})
                        THEN 0 ELSE 1 END AS Tier,
                   rank AS Score
            FROM PublicationSearchIndex
            WHERE PublicationSearchIndex MATCH {all}
            """);
    }

    public async Task<IReadOnlyDictionary<int, MatchedText>> HighlightAsync(
        SearchTerms terms, IReadOnlyCollection<int> publicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (publicationIds.Count == 0)
        {
            return new Dictionary<int, MatchedText>();
        }

        var ids = JsonSerializer.Serialize(publicationIds);
        var start = SearchHighlight.Start;
        var end = SearchHighlight.End;
        var ellipsis = SearchHighlight.Ellipsis;
        var words = SearchPublications.PassageWords;
        var rows = await db.Database.SqlQuery<HighlightRow>($"""
            SELECT rowid AS PublicationId,
                   highlight(PublicationSearchIndex, 0, {start}, {end}) AS Title,
                   snippet(PublicationSearchIndex, 2, {start}, {end}, {ellipsis}, {words}) AS Synopsis,
                   snippet(PublicationSearchIndex, 3, {start}, {end}, {ellipsis}, {words}) AS Body
            FROM PublicationSearchIndex
            WHERE PublicationSearchIndex MATCH {FtsQuery(terms)} AND rowid IN (SELECT value FROM json_each({ids}))
            """).ToListAsync(cancellationToken);

        // The synopsis says best what a publication is about, so its passage wins when it holds a match;
        // a title-only or author-only match shows the start of the synopsis.
        return rows.ToDictionary(
            r => r.PublicationId,
            r => new MatchedText(
                r.Title,
                SearchHighlight.HasMatch(r.Synopsis) || !SearchHighlight.HasMatch(r.Body) ? r.Synopsis : r.Body));
    }

    /// <summary>
    /// Every word as a quoted FTS5 string, so nothing the reader typed is read as FTS5 syntax (NEAR, OR,
    /// *, ^, column filters); the words hold only letters, digits and marks, never a quote.
    /// </summary>
    internal static string FtsQuery(SearchTerms terms) =>
        string.Join(' ', terms.Words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    private sealed class HighlightRow
    {
        public int PublicationId { get; init; }
        public string Title { get; init; } = "";
        public string Synopsis { get; init; } = "";
        public string Body { get; init; } = "";
    }
}
