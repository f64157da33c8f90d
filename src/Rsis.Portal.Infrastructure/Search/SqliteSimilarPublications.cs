using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Search;

/// <summary>
/// Similar publications on SQLite: the distinctive words of a publication's title and synopsis, any of them, asked
/// of the title and synopsis columns of the small FTS5 summary index and ranked by bm25, so publications sharing
/// its rarer words come first.
/// </summary>
public sealed class SqliteSimilarPublications(PortalDbContext db) : ISimilarPublications
{
    /// <summary>Enough to say what a publication is about; more only slows the query.</summary>
    internal const int MaxWords = 24;

    // Words of four letters or more that say nothing about a subject (shorter words are skipped anyway).
    private static readonly HashSet<string> CommonWords = new(
        [
            "about", "after", "also", "among", "been", "before", "being", "between", "both", "could", "does", "each",
            "from", "have", "into", "just", "more", "most", "much", "must", "need", "only", "other", "over", "said",
            "same", "should", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they",
            "this", "those", "through", "under", "upon", "very", "were", "what", "when", "where", "which", "while",
            "will", "with", "would", "your",
        ],
        StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<int>> SimilarToAsync(int publicationId, int count, CancellationToken cancellationToken)
    {
        var text = await db.Publications.AsNoTracking()
            .Where(p => p.Id == publicationId)
            .Select(p => p.Title + " " + p.Synopsis)
            .FirstOrDefaultAsync(cancellationToken);
        var words = Words(text ?? "");
        if (words.Count == 0)
        {
            return [];
        }

        // Quoted, so no word is read as FTS5 syntax; the words hold only letters and digits.
        var match = "{Title Synopsis} : (" + string.Join(" OR ", words.Select(w => "\"" + w + "\"")) + ")";
        return await db.Database
            .SqlQueryRaw<int>(
                $$"""
                SELECT rowid AS "Value" FROM {{SqlitePublicationSearch.SummaryTable}}
                WHERE {{SqlitePublicationSearch.SummaryTable}} MATCH {0} AND rowid <> {1}
                ORDER BY rank LIMIT {2}
                """,
                match, publicationId, count)
            .ToListAsync(cancellationToken);
    }

    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var word = text[start..i].ToLower(CultureInfo.InvariantCulture);
                if (word.Length >= 4 && !CommonWords.Contains(word) && seen.Add(word) && words.Count < MaxWords)
                {
                    words.Add(word);
                }

                start = -1;
            }
        }

        return words;
    }
}

/// <summary>SQL Server: LIKE search has no similarity to rank by, so related reading goes by shared categories alone.</summary>
public sealed class NoSimilarPublications : ISimilarPublications
{
    public Task<IReadOnlyList<int>> SimilarToAsync(int publicationId, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<int>>([]);
}
