using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common.Models;
using Rsis.Portal.Application.Publications;
using Rsis.Portal.Application.Search;
using Rsis.Portal.Application.Search.SearchPublications;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.Infrastructure.Persistence;

namespace Rsis.Portal.Infrastructure.Search;

/// <summary>
/// Search on SQL Server: a LIKE search, not SQL Server full-text search. CONTAINS needs the Full-Text
/// feature and a full-text catalog, which not every SQL Server has (LocalDB and the Linux container images
/// ship without it), and a full-text index cannot be created inside a migration's transaction. LIKE
/// '%word%' is correct on every edition, ignores case under the default collation, and is plain LINQ, so
/// the same code runs (and is tested) on SQLite. It scans the text and counts each filter in a query of
/// its own, so it is the thing to replace with CONTAINSTABLE behind this interface when the catalogue
/// outgrows it. A word matches anywhere in the text, inside longer words too ("cyber" finds
/// "cybersecurity"), where FTS5 matches whole (stemmed) words. Within a rank tier, newest first. Each word may
/// also be found in the text of the uploaded PDF (where FTS5 asks every word of the PDF alone); a publication
/// found only thanks to its PDF ranks after every one found in its own text.
/// </summary>
public sealed class LikePublicationSearch(PortalDbContext db) : IPublicationSearch
{
    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var visible = db.Publications.AsNoTracking().WhereVisible(request.VisibleAtUtc);
        var matching = WhereMatches(visible, request.Terms);
        var filters = request.Filters;

        var total = await Narrow(matching, filters).CountAsync(cancellationToken);
        var paging = Paging.Clamp(request.Page, request.PageSize, total);
        // 0: every word in the title or code; 1: in those or the synopsis, authors or categories; 2: the body;
        // 3: only with the uploaded PDF's text.
        var inTitle = WhereMatches(db.Publications, request.Terms, TextFields.TitleAndCode).Select(p => p.Id);
        var inSummary = WhereMatches(db.Publications, request.Terms, TextFields.Summary).Select(p => p.Id);
        var inText = WhereMatches(db.Publications, request.Terms, TextFields.All).Select(p => p.Id);
        var ranked = Narrow(matching, filters).Select(p => new
        {
            p.Id,
            p.PublishedOn,
            p.Code,
            Tier = inTitle.Contains(p.Id) ? 0 : inSummary.Contains(p.Id) ? 1 : inText.Contains(p.Id) ? 2 : 3,
        });
        var ids = await ranked
            .OrderBy(r => r.Tier).ThenByDescending(r => r.PublishedOn).ThenByDescending(r => r.Code)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);

        var series = await Narrow(matching, filters, except: SearchLink.SeriesKey)
            .GroupBy(p => p.SeriesId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var years = await Narrow(matching, filters, except: SearchLink.YearKey)
            .GroupBy(p => p.PublishedOn.Year).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var authors = await TopAsync(
            Narrow(matching, filters, except: SearchLink.AuthorKey).SelectMany(p => p.Authors)
                .GroupBy(a => a.AuthorId).Select(g => new IdCount { Id = g.Key, Count = g.Count() }),
            filters.AuthorIds, request.FacetSize, cancellationToken);
        var categories = await TopAsync(
            Narrow(matching, filters, except: SearchLink.CategoryKey).SelectMany(p => p.Categories)
                .GroupBy(c => c.CategoryId).Select(g => new IdCount { Id = g.Key, Count = g.Count() }),
            filters.CategoryIds, request.FacetSize, cancellationToken);

        return new SearchPage(total, paging.Page, ids, new FacetCounts(series, years, authors, categories));
    }

    public Task<int> CountAsync(SearchTerms terms, DateTime visibleAtUtc, CancellationToken cancellationToken) =>
        WhereMatches(db.Publications.AsNoTracking().WhereVisible(visibleAtUtc), terms).CountAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<int, MatchedText>> HighlightAsync(
        SearchTerms terms, IReadOnlyCollection<int> publicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var ids = publicationIds.ToList();
        var texts = await db.Publications.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.Synopsis, p.Body })
            .ToListAsync(cancellationToken);
        var inText = await WhereMatches(db.Publications.AsNoTracking().Where(p => ids.Contains(p.Id)), terms, TextFields.All)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        // Found only thanks to the PDF: its text is read for the passage (at most a page of results).
        var onlyInPdf = ids.Except(inText).ToList();
        var pdfTexts = onlyInPdf.Count == 0 || terms.IsEmpty ? [] : await db.PublicationPdfs.AsNoTracking()
            .Where(f => onlyInPdf.Contains(f.PublicationId) && f.Source == PdfSource.Uploaded && f.ExtractedText != null)
            .Select(f => new { f.PublicationId, f.ExtractedText })
            .ToListAsync(cancellationToken);
        var pdfPassages = pdfTexts.ToDictionary(
            f => f.PublicationId, f => SearchHighlight.Passage(f.ExtractedText!, terms.Words, SearchPublications.PassageWords));

        return texts.ToDictionary(t => t.Id, t =>
        {
            if (pdfPassages.TryGetValue(t.Id, out var pdf))
            {
                return new MatchedText(SearchHighlight.Mark(t.Title, terms.Words), pdf, InPdf: true);
            }

            var synopsis = SearchHighlight.Passage(t.Synopsis, terms.Words, SearchPublications.PassageWords);
            var body = SearchHighlight.Passage(t.Body, terms.Words, SearchPublications.PassageWords);
            return new MatchedText(
                SearchHighlight.Mark(t.Title, terms.Words),
                SearchHighlight.HasMatch(synopsis) || !SearchHighlight.HasMatch(body) ? synopsis : body);
        });
    }

    [Flags]
    private enum TextFields
    {
        TitleAndCode = 1,
        Summary = TitleAndCode | 2,
        All = Summary | 4,
        WithPdf = All | 8,
    }

    /// <summary>
    /// Publications with every word somewhere in <paramref name="fields"/>: title and code; the synopsis,
    /// author names and categories as well; the body as well; the uploaded PDF's text as well. No words: all.
    /// </summary>
    private IQueryable<Publication> WhereMatches(IQueryable<Publication> publications, SearchTerms terms, TextFields fields = TextFields.WithPdf)
    {
        var summary = fields.HasFlag(TextFields.Summary);
        var body = fields.HasFlag(TextFields.All);
        var pdf = fields.HasFlag(TextFields.WithPdf);
        var pdfs = db.PublicationPdfs;
        foreach (var word in terms.Words)
        {
            var pattern = "%" + EscapeLike(word) + "%";
            publications = publications.Where(p =>
                EF.Functions.Like(p.Title, pattern, LikeEscape)
                || EF.Functions.Like(p.Code, pattern, LikeEscape)
                || (summary && (EF.Functions.Like(p.Synopsis, pattern, LikeEscape)
                    || p.Authors.Any(a => EF.Functions.Like(a.Author.Name, pattern, LikeEscape))
                    || p.Categories.Any(c => EF.Functions.Like(c.Category.Name, pattern, LikeEscape))))
                || (body && EF.Functions.Like(p.Body, pattern, LikeEscape))
                || (pdf && pdfs.Any(f => f.PublicationId == p.Id && f.Source == PdfSource.Uploaded
                    && EF.Functions.Like(f.ExtractedText!, pattern, LikeEscape))));
        }

        return publications;
    }

    private static IQueryable<Publication> Narrow(IQueryable<Publication> publications, SearchFilterIds filters, string? except = null)
    {
        if (filters.SeriesIds.Count > 0 && except != SearchLink.SeriesKey)
        {
            var series = filters.SeriesIds;
            publications = publications.Where(p => series.Contains(p.SeriesId));
        }

        if (filters.Years.Count > 0 && except != SearchLink.YearKey)
        {
            var years = filters.Years;
            publications = publications.Where(p => years.Contains(p.PublishedOn.Year));
        }

        if (filters.AuthorIds.Count > 0 && except != SearchLink.AuthorKey)
        {
            var authors = filters.AuthorIds;
            publications = publications.Where(p => p.Authors.Any(a => authors.Contains(a.AuthorId)));
        }

        if (filters.CategoryIds.Count > 0 && except != SearchLink.CategoryKey)
        {
            var categories = filters.CategoryIds;
            publications = publications.Where(p => p.Categories.Any(c => categories.Contains(c.CategoryId)));
        }

        return publications;
    }

    /// <summary>A member-initialised class, not a positional record, so EF can still order and filter by it.</summary>
    private sealed class IdCount
    {
        public int Id { get; init; }
        public int Count { get; init; }
    }

    /// <summary>The most frequent values, and the chosen ones even when they are not among them.</summary>
    private static async Task<IReadOnlyDictionary<int, int>> TopAsync(
        IQueryable<IdCount> counts, IReadOnlyList<int> chosen, int size, CancellationToken cancellationToken)
    {
        var top = await counts.OrderByDescending(c => c.Count).ThenBy(c => c.Id).Take(size)
            .ToDictionaryAsync(c => c.Id, c => c.Count, cancellationToken);
        var missing = chosen.Where(id => !top.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var found = await counts.Where(c => missing.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Count, cancellationToken);
            foreach (var id in missing)
            {
                top[id] = found.GetValueOrDefault(id);
            }
        }

        return top;
    }

    /// <summary>The escape character of every LIKE here (<c>ESCAPE N'\'</c>): both SQL Server and SQLite honour it.</summary>
    internal const string LikeEscape = "\\";

    /// <summary>
    /// Makes %, _ and SQL Server's [ (and the escape itself) in a word match themselves. The search box only
    /// hands over letters and digits today; this keeps LIKE safe if that ever changes.
    /// </summary>
    internal static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);
}
