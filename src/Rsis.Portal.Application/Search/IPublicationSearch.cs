namespace Rsis.Portal.Application.Search;

/// <summary>
/// Full-text matching of publications, one implementation per database provider (SQLite FTS5, or a
/// LIKE search elsewhere). It only matches and highlights text: visibility, filters, facets and paging are
/// the caller's, composed onto <see cref="Match"/> in LINQ, so every provider gives the same answers.
/// </summary>
public interface IPublicationSearch
{
    /// <summary>
    /// Every publication (drafts too; the caller applies visibility) whose title, code, synopsis, body,
    /// author names or categories hold every word, with how well it matches. Composable: it runs in the
    /// database as part of the caller's query.
    /// </summary>
    IQueryable<TextMatch> Match(SearchTerms terms);

    /// <summary>
    /// The title and a short passage of each given publication with the matched words between
    /// <see cref="SearchHighlight.Start"/> and <see cref="SearchHighlight.End"/>. Plain text, not yet HTML.
    /// </summary>
    Task<IReadOnlyDictionary<int, MatchedText>> HighlightAsync(
        SearchTerms terms, IReadOnlyCollection<int> publicationIds, CancellationToken cancellationToken);
}

/// <summary>A publication that matches, and how well.</summary>
public sealed class TextMatch
{
    public int PublicationId { get; init; }

    /// <summary>0 when the title or code holds every word, else 1: such matches always come first.</summary>
    public int Tier { get; init; }

    /// <summary>Relevance within a tier; lower is better.</summary>
    public double Score { get; init; }
}

/// <summary>A publication's title and passage, with the matched words marked.</summary>
public sealed record MatchedText(string Title, string Passage);
