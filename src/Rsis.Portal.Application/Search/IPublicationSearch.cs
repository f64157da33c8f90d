namespace Rsis.Portal.Application.Search;

/// <summary>
/// Full-text search of publications, one implementation per database provider (SQLite FTS5; LIKE on SQL
/// Server). It answers in the database, in as few passes over the matches as the provider allows: a word
/// such as "China" can match most of 100,000 publications, and counting filters one query at a time would
/// read them all five times over.
/// </summary>
public interface IPublicationSearch
{
    /// <summary>
    /// The visible publications whose title, code, synopsis, body, author names or categories hold every
    /// word, or whose uploaded PDF does (all of them when there are no words), narrowed by the filters: how many, one page of them in
    /// rank order, and for each filter the count of every value with the other filters applied.
    /// </summary>
    Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>How many visible publications hold every word, with no filter.</summary>
    Task<int> CountAsync(SearchTerms terms, DateTime visibleAtUtc, CancellationToken cancellationToken);

    /// <summary>
    /// The title and a short passage of each given publication with the matched words between
    /// <see cref="SearchHighlight.Start"/> and <see cref="SearchHighlight.End"/>. Plain text, not yet HTML.
    /// </summary>
    Task<IReadOnlyDictionary<int, MatchedText>> HighlightAsync(
        SearchTerms terms, IReadOnlyCollection<int> publicationIds, CancellationToken cancellationToken);
}

/// <summary>
/// A search as the database sees it: words, chosen filter values (any of the values within a filter,
/// all of the filters), what "visible" means now, and which page. Rank order: every word in the title or
/// code first, then in the synopsis, authors or categories, then in the body, then only in the uploaded
/// PDF; within each, by
/// relevance where the provider can afford it, else newest first. Without words, newest first.
/// </summary>
public sealed record SearchRequest(
    SearchTerms Terms,
    SearchFilterIds Filters,
    DateTime VisibleAtUtc,
    int Page,
    int PageSize,
    int FacetSize);

public sealed record SearchFilterIds(
    IReadOnlyList<int> SeriesIds,
    IReadOnlyList<int> Years,
    IReadOnlyList<int> AuthorIds,
    IReadOnlyList<int> CategoryIds)
{
    public static readonly SearchFilterIds None = new([], [], [], []);
}

/// <summary>
/// The answer: the total, the page actually shown (clamped to the last page), its publication ids in rank
/// order, and the filter counts.
/// </summary>
public sealed record SearchPage(int TotalCount, int Page, IReadOnlyList<int> PublicationIds, FacetCounts Facets);

/// <summary>
/// For each filter, value → how many results choosing it would give (the filter's own choice left out,
/// since its values combine as "any of"). Authors and categories: the most frequent, plus the chosen ones.
/// </summary>
public sealed record FacetCounts(
    IReadOnlyDictionary<int, int> Series,
    IReadOnlyDictionary<int, int> Years,
    IReadOnlyDictionary<int, int> Authors,
    IReadOnlyDictionary<int, int> Categories)
{
    public static readonly FacetCounts None = new(
        new Dictionary<int, int>(), new Dictionary<int, int>(), new Dictionary<int, int>(), new Dictionary<int, int>());
}

/// <summary>
/// A publication's title and passage, with the matched words marked; <paramref name="InPdf"/> when the words
/// were found only in its uploaded PDF, whose text the passage then comes from.
/// </summary>
public sealed record MatchedText(string Title, string Passage, bool InPdf = false);
