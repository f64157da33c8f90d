using System.Data;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Application.Search.SearchPublications;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Search;

/// <summary>
/// Search on SQLite with FTS5. The <c>PublicationSearchIndex</c> table (migration PublicationSearchIndex)
/// holds each publication's title, code, synopsis, body, author names and category names, kept current by
/// triggers on the tables behind them, so whatever saves a publication, an author or a category (the admin
/// area through EF, a script in SQL) the index follows in the same transaction. Drafts are indexed too;
/// visibility is applied at query time, so publishing needs no reindex. The text of uploaded PDFs has an
/// index of its own, <c>PublicationPdfSearchIndex</c> (migration PdfTextSearch): a publication whose PDF holds
/// every word is found too, after every publication whose own text does.
/// <para>
/// FTS5 finds the matching ids (and, for the tiers, those matching in the title or code and in the
/// synopsis, authors or categories); visibility, filters, counts and the page order come from the
/// <see cref="SearchSnapshot"/> in memory, so a word found in most of 100,000 publications costs a read of
/// their ids, not a read of their rows once per filter.
/// </para>
/// </summary>
public sealed class SqlitePublicationSearch(PortalDbContext db, SearchSnapshots snapshots) : IPublicationSearch
{
    public const string IndexTable = "PublicationSearchIndex";

    /// <summary>
    /// Title, code, synopsis, authors and categories only (migration PublicationSearchSummary): asking it which
    /// matches hold the words in the title reads a few positions per publication, not every one in every body.
    /// </summary>
    public const string SummaryTable = "PublicationSearchSummary";

    /// <summary>The text of uploaded PDFs, one row per publication that has one (migration PdfTextSearch).</summary>
    public const string PdfTable = "PublicationPdfSearchIndex";

    /// <summary>The tier of a match only in the uploaded PDF: after those in the publication's own text.</summary>
    private const byte PdfTier = 3;

    /// <summary>
    /// bm25 ranking reads the positions of every match, about a microsecond and a half each; up to this many
    /// matches that is cheap, beyond it results go newest first within their tier.
    /// </summary>
    internal int RankedMatchLimit { get; init; } = 3_000;

    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connection = await ConnectionAsync(cancellationToken);
        var snapshot = await snapshots.CurrentAsync(connection, cancellationToken);
        var now = request.VisibleAtUtc.Ticks;
        var terms = request.Terms;
        var filters = request.Filters;

        List<int> matches;
        Dictionary<int, double>? scores = null;
        List<int> onlyInPdf = [];
        string? all = null;
        if (terms.IsEmpty)
        {
            matches = Enumerable.Range(0, snapshot.Capacity).ToList();
        }
        else
        {
            all = FtsQuery(terms);
            matches = await IdsAsync(connection, IndexTable, all, cancellationToken);
            if (matches.Count <= RankedMatchLimit)
            {
                scores = await ScoresAsync(connection, all, cancellationToken);
            }

            onlyInPdf = await OnlyInPdfAsync(connection, all, matches, cancellationToken);
            matches.AddRange(onlyInPdf);
        }

        var seriesFilter = filters.SeriesIds.ToHashSet();
        var yearFilter = filters.Years.ToHashSet();
        var authorFilter = filters.AuthorIds.ToHashSet();
        var categoryFilter = filters.CategoryIds.ToHashSet();
        var series = new Dictionary<int, int>();
        var years = new Dictionary<int, int>();
        var authors = new Dictionary<int, int>();
        var categories = new Dictionary<int, int>();
        var results = new List<int>();

        foreach (var id in matches)
        {
            if (!snapshot.IsVisible(id, now))
            {
                continue;
            }

            // Each filter's counts leave out its own condition and keep the others ("any of" within a filter).
            var s = seriesFilter.Count == 0 || seriesFilter.Contains(snapshot.SeriesId(id));
            var y = yearFilter.Count == 0 || yearFilter.Contains(snapshot.Year(id));
            var a = authorFilter.Count == 0 || AnyOf(snapshot.AuthorIds(id), authorFilter);
            var c = categoryFilter.Count == 0 || AnyOf(snapshot.CategoryIds(id), categoryFilter);
            if (y && a && c)
            {
                Increment(series, snapshot.SeriesId(id));
            }

            if (s && a && c)
            {
                Increment(years, snapshot.Year(id));
            }

            if (s && y && c)
            {
                foreach (var author in snapshot.AuthorIds(id))
                {
                    Increment(authors, author);
                }
            }

            if (s && y && a)
            {
                foreach (var category in snapshot.CategoryIds(id))
                {
                    Increment(categories, category);
                }
            }

            if (s && y && a && c)
            {
                results.Add(id);
            }
        }

        var lastPage = Math.Max(1, (int)Math.Ceiling(results.Count / (double)request.PageSize));
        var page = Math.Clamp(request.Page, 1, lastPage);
        var wanted = page * request.PageSize;
        var tiers = all is null ? null : await TiersAsync(connection, all, results, snapshot.Capacity, wanted, cancellationToken);
        foreach (var id in onlyInPdf)
        {
            if (tiers is not null && (uint)id < (uint)tiers.Length)
            {
                tiers[id] = PdfTier;
            }
        }

        var ranked = Top(
            results.Select(id => new RankKey(
                id,
                tiers?[id] ?? 0,
                scores?.GetValueOrDefault(id) ?? 0,
                snapshot.PublishedOnDayNumber(id),
                snapshot.Code(id))),
            wanted);
        var ids = ranked.Skip((page - 1) * request.PageSize).Select(r => r.Id).ToList();

        return new SearchPage(results.Count, page, ids, new FacetCounts(
            series,
            years,
            Top(authors, authorFilter, request.FacetSize),
            Top(categories, categoryFilter, request.FacetSize)));
    }

    public async Task<int> CountAsync(SearchTerms terms, DateTime visibleAtUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var connection = await ConnectionAsync(cancellationToken);
        var snapshot = await snapshots.CurrentAsync(connection, cancellationToken);
        var all = FtsQuery(terms);
        var matches = await IdsAsync(connection, IndexTable, all, cancellationToken);
        matches.AddRange(await OnlyInPdfAsync(connection, all, matches, cancellationToken));
        return matches.Count(id => snapshot.IsVisible(id, visibleAtUtc.Ticks));
    }

    public async Task<IReadOnlyDictionary<int, MatchedText>> HighlightAsync(
        SearchTerms terms, IReadOnlyCollection<int> publicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(publicationIds);
        var found = new Dictionary<int, MatchedText>();
        if (publicationIds.Count == 0 || terms.IsEmpty)
        {
            return found;
        }

        var connection = await ConnectionAsync(cancellationToken);
        var all = FtsQuery(terms);
        await using (var command = Command(
            connection,
            $"""
            SELECT rowid,
                   highlight({IndexTable}, 0, $start, $end),
                   snippet({IndexTable}, 2, $start, $end, $ellipsis, $words),
                   snippet({IndexTable}, 3, $start, $end, $ellipsis, $words)
            FROM {IndexTable}
            WHERE {IndexTable} MATCH $all AND rowid IN (SELECT value FROM json_each($ids))
            """,
            [
                ("$start", SearchHighlight.Start), ("$end", SearchHighlight.End), ("$ellipsis", SearchHighlight.Ellipsis),
                ("$words", SearchPublications.PassageWords), ("$all", all), ("$ids", JsonSerializer.Serialize(publicationIds)),
            ]))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var synopsis = reader.GetString(2);
                var body = reader.GetString(3);
                // The synopsis says best what a publication is about, so its passage wins when it holds a match;
                // a match only in the title, authors or categories shows the start of the synopsis.
                found[reader.GetInt32(0)] = new MatchedText(
                    reader.GetString(1),
                    SearchHighlight.HasMatch(synopsis) || !SearchHighlight.HasMatch(body) ? synopsis : body);
            }
        }

        var rest = publicationIds.Where(id => !found.ContainsKey(id)).ToList();
        if (rest.Count > 0)
        {
            await HighlightPdfsAsync(connection, terms, all, rest, found, cancellationToken);
        }

        return found;
    }

    /// <summary>Matches only in the uploaded PDF: the title as it is, and a passage of the PDF's text.</summary>
    private static async Task HighlightPdfsAsync(
        DbConnection connection, SearchTerms terms, string all, List<int> ids, Dictionary<int, MatchedText> found, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            $"""
            SELECT {PdfTable}.rowid, p."Title", snippet({PdfTable}, 0, $start, $end, $ellipsis, $words)
            FROM {PdfTable} JOIN "Publications" p ON p."Id" = {PdfTable}.rowid
            WHERE {PdfTable} MATCH $all AND {PdfTable}.rowid IN (SELECT value FROM json_each($ids))
            """,
            [
                ("$start", SearchHighlight.Start), ("$end", SearchHighlight.End), ("$ellipsis", SearchHighlight.Ellipsis),
                ("$words", SearchPublications.PassageWords), ("$all", all), ("$ids", JsonSerializer.Serialize(ids)),
            ]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetInt32(0)] = new MatchedText(SearchHighlight.Mark(reader.GetString(1), terms.Words), reader.GetString(2), InPdf: true);
        }
    }

    /// <summary>The ids whose uploaded PDF holds every word and whose own text does not.</summary>
    private static async Task<List<int>> OnlyInPdfAsync(DbConnection connection, string all, List<int> inText, CancellationToken cancellationToken)
    {
        var inPdf = await IdsAsync(connection, PdfTable, all, cancellationToken);
        if (inPdf.Count == 0)
        {
            return inPdf;
        }

        var text = inText.ToHashSet();
        return inPdf.Where(id => !text.Contains(id)).ToList();
    }

    /// <summary>
    /// Every word as a quoted FTS5 string, so nothing the reader typed is read as FTS5 syntax (NEAR, OR,
    /// *, ^, column filters); the words hold only letters, digits and marks, never a quote.
    /// </summary>
    internal static string FtsQuery(SearchTerms terms) =>
        string.Join(' ', terms.Words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>
    /// The tier of every result: 0 when the title or code holds every word, 1 when those with the synopsis,
    /// authors or categories do, else 2 (the body; <see cref="PdfTier"/> is set by the caller). Both are asked of the small summary index; the second
    /// only when the first does not fill the page asked for.
    /// </summary>
    private static async Task<byte[]> TiersAsync(
        DbConnection connection, string all, List<int> results, int capacity, int wanted, CancellationToken cancellationToken)
    {
        var tiers = new byte[capacity];
        Array.Fill(tiers, (byte)2);
        var inResults = 0;
        foreach (var id in await IdsAsync(connection, SummaryTable, "{Title Code} : (" + all + ")", cancellationToken))
        {
            if ((uint)id < (uint)capacity)
            {
                tiers[id] = 0;
            }
        }

        foreach (var id in results)
        {
            inResults += tiers[id] == 0 ? 1 : 0;
        }

        if (inResults < wanted)
        {
            foreach (var id in await IdsAsync(connection, SummaryTable, all, cancellationToken))
            {
                if ((uint)id < (uint)capacity && tiers[id] == 2)
                {
                    tiers[id] = 1;
                }
            }
        }

        return tiers;
    }

    /// <summary>Rank order: tier, then relevance (bm25, lower is better), then newest, then code.</summary>
    private readonly record struct RankKey(int Id, byte Tier, double Score, int PublishedOn, string Code) : IComparable<RankKey>
    {
        public int CompareTo(RankKey other)
        {
            var order = Tier.CompareTo(other.Tier);
            order = order != 0 ? order : Score.CompareTo(other.Score);
            order = order != 0 ? order : other.PublishedOn.CompareTo(PublishedOn);
            return order != 0 ? order : string.CompareOrdinal(other.Code, Code);
        }
    }

    /// <summary>The first <paramref name="count"/> in rank order, without sorting all 50,000 results of a broad word.</summary>
    private static List<RankKey> Top(IEnumerable<RankKey> keys, int count)
    {
        // A max-heap of the best so far: its root is the worst of them, replaced whenever a better key comes.
        var best = new PriorityQueue<RankKey, RankKey>(count + 1, Comparer<RankKey>.Create((x, y) => y.CompareTo(x)));
        foreach (var key in keys)
        {
            if (best.Count < count)
            {
                best.Enqueue(key, key);
            }
            else if (best.Count > 0 && key.CompareTo(best.Peek()) < 0)
            {
                best.DequeueEnqueue(key, key);
            }
        }

        var top = new List<RankKey>(best.Count);
        while (best.Count > 0)
        {
            top.Add(best.Dequeue());
        }

        top.Reverse();
        return top;
    }

    private static bool AnyOf(int[] values, HashSet<int> wanted)
    {
        foreach (var value in values)
        {
            if (wanted.Contains(value))
            {
                return true;
            }
        }

        return false;
    }

    private static void Increment(Dictionary<int, int> counts, int key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>The most frequent values, and the chosen ones (0 when nothing has them) so they can be unticked.</summary>
    private static Dictionary<int, int> Top(Dictionary<int, int> counts, HashSet<int> chosen, int size)
    {
        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(size).ToDictionary(c => c.Key, c => c.Value);
        foreach (var id in chosen)
        {
            top[id] = counts.GetValueOrDefault(id);
        }

        return top;
    }

    /// <summary>The ids an FTS5 index matches, ascending (its own order).</summary>
    private static async Task<List<int>> IdsAsync(DbConnection connection, string table, string match, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        await using var command = Command(connection, $"SELECT rowid FROM {table} WHERE {table} MATCH $match", [("$match", match)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    /// <summary>bm25 of each match, with the column weights the migration configured (lower is better).</summary>
    private static async Task<Dictionary<int, double>> ScoresAsync(DbConnection connection, string match, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<int, double>();
        await using var command = Command(connection, $"SELECT rowid, rank FROM {IndexTable} WHERE {IndexTable} MATCH $match", [("$match", match)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            scores[reader.GetInt32(0)] = reader.GetDouble(1);
        }

        return scores;
    }

    /// <summary>The DbContext's own connection, opened once (EF closes it with the context).</summary>
    private async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return connection;
    }

    private static DbCommand Command(DbConnection connection, string sql, IReadOnlyList<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
