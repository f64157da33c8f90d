using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Interfaces;
using Rsis.Portal.Application.Common.Models;
using Rsis.Portal.Application.Common.Text;
using Rsis.Portal.Application.Publications;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Application.Search.SearchPublications;

/// <summary>
/// The search page: published publications whose title, code, synopsis, body, authors or categories hold
/// every word of <see cref="Q"/>, those matching in the title or code first, narrowed by any of the chosen
/// series, years, authors and categories, each filter with counts. An exact code ("CO13046") answers
/// with the article's URL so the reader goes straight to it. Filters without words browse, newest first.
/// </summary>
public sealed record SearchPublications(
    string? Q,
    IReadOnlyList<string>? Series = null,
    IReadOnlyList<int>? Year = null,
    IReadOnlyList<string>? Author = null,
    IReadOnlyList<string>? Category = null,
    int? Page = null) : IQuery<SearchResults>
{
    public const int PageSize = 20;

    /// <summary>Authors and categories can be many: a filter lists this many, the most frequent first.</summary>
    public const int FacetSize = 12;

    public const int MaxValuesPerFilter = 20;

    /// <summary>Words of the passage shown under each result.</summary>
    public const int PassageWords = 30;
}

public sealed class SearchPublicationsValidator : AbstractValidator<SearchPublications>
{
    public const int FirstYear = 1900;
    public const int LastYear = 2100;

    public SearchPublicationsValidator()
    {
        RuleFor(q => q.Year)
            .Must(years => years is null || years.All(y => y is >= FirstYear and <= LastYear))
            .WithMessage($"Choose years between {FirstYear} and {LastYear}.");
        RuleFor(q => q.Series).Must(BeFewSlugs).WithMessage(Message("series"));
        RuleFor(q => q.Author).Must(BeFewSlugs).WithMessage(Message("author"));
        RuleFor(q => q.Category).Must(BeFewSlugs).WithMessage(Message("category"));
        RuleFor(q => q.Year)
            .Must(years => years is null || years.Count <= SearchPublications.MaxValuesPerFilter)
            .WithMessage($"Choose at most {SearchPublications.MaxValuesPerFilter} years.");
    }

    private static string Message(string filter) =>
        $"Each {filter} filter must be a name from a link on this site, and at most {SearchPublications.MaxValuesPerFilter} of them.";

    private static bool BeFewSlugs(IReadOnlyList<string>? values) =>
        values is null || (values.Count <= SearchPublications.MaxValuesPerFilter && values.All(Slug.IsWellFormed));
}

public sealed record SearchResults(
    string Query,
    bool QueryShortened,
    bool HasWords,
    string? ExactMatchUrl,
    IReadOnlyList<SearchResultItem> Items,
    Paging Paging,
    SearchFilters Filters,
    IReadOnlyList<SearchFacet> Facets,
    IReadOnlyList<FacetOption> AppliedFilters,
    IReadOnlyList<SearchSuggestion> Suggestions)
{
    /// <summary>Neither words nor filters: the page only offers the search box.</summary>
    public bool IsPrompt => !HasWords && Filters.IsEmpty;

    /// <summary>Something was typed, but nothing in it can be searched for ("%", "--").</summary>
    public bool HasNoSearchableWords => !HasWords && Query.Length > 0;

    public string ClearFiltersUrl => SearchLink.For(Query, SearchFilters.None);

    public string PageUrl(int page) => SearchLink.For(Query, Filters, page);
}

/// <summary>A result: the publication, its title and a passage with the matched words in &lt;mark&gt; (safe HTML).</summary>
public sealed record SearchResultItem(PublicationSummary Publication, string TitleHtml, string PassageHtml);

/// <summary>A filter (a query parameter) and its options, each with how many results it would give.</summary>
public sealed record SearchFacet(string Key, string Title, IReadOnlyList<FacetOption> Options);

/// <summary>One value of a filter; <see cref="ToggleUrl"/> is the same search with it switched on or off.</summary>
public sealed record FacetOption(string Key, string Value, string Label, int Count, bool Selected, string ToggleUrl);

/// <summary>Another search worth trying when nothing matched, and how many it finds.</summary>
public sealed record SearchSuggestion(string Text, string Url, int Count);

public sealed class SearchPublicationsHandler(IPortalDbContext db, IClock clock, IPublicationSearch search)
    : IQueryHandler<SearchPublications, SearchResults>
{
    public async ValueTask<SearchResults> Handle(SearchPublications query, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query.Q);
        var now = clock.UtcNow;
        var visible = db.Publications.AsNoTracking().WhereVisible(now);

        if (terms.Words.Count == 1 && await ExactCodeUrlAsync(visible, terms.Words[0], cancellationToken) is { } url)
        {
            return Empty(terms, SearchFilters.None) with { ExactMatchUrl = url };
        }

        var chosen = await ResolveAsync(query, cancellationToken);
        var filters = chosen.Filters;
        if (terms.IsEmpty && (filters.IsEmpty || terms.Text.Length > 0))
        {
            return Empty(terms, filters);
        }

        var matching = terms.IsEmpty ? visible : visible.WhereMatching(search, terms);
        var total = await chosen.Apply(matching).CountAsync(cancellationToken);
        var paging = Paging.Clamp(query.Page, SearchPublications.PageSize, total);

        var items = total == 0 ? [] : await LoadPageAsync(terms, chosen.Apply(visible), paging, cancellationToken);
        var facets = await LoadFacetsAsync(terms, matching, chosen, cancellationToken);
        var applied = facets.SelectMany(f => f.Options).Where(o => o.Selected).ToList();
        var suggestions = total == 0 && !terms.IsEmpty ? await SuggestAsync(terms, visible, filters, cancellationToken) : [];

        return new SearchResults(terms.Text, terms.Shortened, !terms.IsEmpty, null, items, paging, filters, facets, applied, suggestions);
    }

    private static SearchResults Empty(SearchTerms terms, SearchFilters filters) =>
        new(terms.Text, terms.Shortened, !terms.IsEmpty, null, [], Paging.Clamp(1, SearchPublications.PageSize, 0), filters, [], [], []);

    private static async Task<string?> ExactCodeUrlAsync(IQueryable<Publication> visible, string word, CancellationToken cancellationToken)
    {
        var code = word.ToUpperInvariant();
        var exact = await visible.Where(p => p.Code == code)
            .Select(p => new { SeriesSlug = p.Series.Slug, p.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        return exact is null ? null : PortalUrls.Publication(exact.SeriesSlug, exact.Slug);
    }

    /// <summary>
    /// A page of results in rank order: a title or code match first, then by relevance, then newest.
    /// Without words, newest first.
    /// </summary>
    private async Task<IReadOnlyList<SearchResultItem>> LoadPageAsync(
        SearchTerms terms, IQueryable<Publication> filtered, Paging paging, CancellationToken cancellationToken)
    {
        var page = terms.IsEmpty
            ? await filtered.NewestFirst().Skip(paging.Skip).Take(paging.PageSize)
                .Select(p => new { p.Id, p.Code }).ToListAsync(cancellationToken)
            : await (from p in filtered
                     join m in search.Match(terms) on p.Id equals m.PublicationId
                     orderby m.Tier, m.Score, p.PublishedOn descending, p.Code descending
                     select new { p.Id, p.Code })
                .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var ids = page.Select(p => p.Id).ToList();
        var idByCode = page.ToDictionary(p => p.Code, p => p.Id);
        var byId = (await db.Publications.AsNoTracking()
                .Where(p => ids.Contains(p.Id))
                .Select(PublicationQueries.ToSummary)
                .ToListAsync(cancellationToken))
            .ToDictionary(s => idByCode[s.Code]);

        var highlights = terms.IsEmpty
            ? new Dictionary<int, MatchedText>()
            : await search.HighlightAsync(terms, ids, cancellationToken);

        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var summary = byId[id];
            return highlights.TryGetValue(id, out var text)
                ? new SearchResultItem(summary, SearchHighlight.ToHtml(text.Title), SearchHighlight.ToHtml(text.Passage))
                : new SearchResultItem(summary, SearchHighlight.ToHtml(summary.Title),
                    SearchHighlight.ToHtml(SearchHighlight.Passage(summary.Synopsis, [], SearchPublications.PassageWords)));
        }).ToList();
    }

    /// <summary>
    /// Each filter's options with the number of results each would give: counted with every other filter
    /// applied but not the filter itself, since its own values combine as "any of".
    /// </summary>
    private async Task<IReadOnlyList<SearchFacet>> LoadFacetsAsync(
        SearchTerms terms, IQueryable<Publication> matching, ChosenFilters chosen, CancellationToken cancellationToken)
    {
        var filters = chosen.Filters;
        var facets = new List<SearchFacet>();
        FacetOption Option(string key, string value, string label, int count, bool selected) =>
            new(key, value, label, count, selected, SearchLink.For(terms.Text, filters.Toggle(key, value)));

        var seriesCounts = await chosen.Apply(matching, except: SearchLink.SeriesKey)
            .GroupBy(p => p.SeriesId)
            .Select(g => new { SeriesId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SeriesId, g => g.Count, cancellationToken);
        var series = await db.Series.AsNoTracking()
            .OrderBy(s => s.Group).ThenBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Slug, s.Name })
            .ToListAsync(cancellationToken);
        facets.Add(new SearchFacet(SearchLink.SeriesKey, "Series", series
            .Where(s => seriesCounts.ContainsKey(s.Id) || chosen.SeriesIds.Contains(s.Id))
            .Select(s => Option(SearchLink.SeriesKey, s.Slug, s.Name, seriesCounts.GetValueOrDefault(s.Id), chosen.SeriesIds.Contains(s.Id)))
            .ToList()));

        var yearCounts = await chosen.Apply(matching, except: SearchLink.YearKey)
            .GroupBy(p => p.PublishedOn.Year)
            .Select(g => new { Year = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Year, g => g.Count, cancellationToken);
        facets.Add(new SearchFacet(SearchLink.YearKey, "Year", yearCounts.Keys.Union(filters.Years)
            .OrderDescending()
            .Select(year => Option(
                SearchLink.YearKey,
                year.ToString(CultureInfo.InvariantCulture),
                year.ToString(CultureInfo.InvariantCulture),
                yearCounts.GetValueOrDefault(year),
                filters.Years.Contains(year)))
            .ToList()));

        var authorsFiltered = chosen.Apply(matching, except: SearchLink.AuthorKey);
        var authorCounts = await TopAsync(
            authorsFiltered.SelectMany(p => p.Authors).GroupBy(a => a.AuthorId).Select(g => new IdCount { Id = g.Key, Count = g.Count() }),
            chosen.AuthorIds, cancellationToken);
        var authorIds = authorCounts.Select(c => c.Id).ToList();
        var authors = await db.Authors.AsNoTracking().Where(a => authorIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Slug, a.Name }).ToDictionaryAsync(a => a.Id, cancellationToken);
        facets.Add(new SearchFacet(SearchLink.AuthorKey, "Author", authorCounts
            .Where(c => authors.ContainsKey(c.Id))
            .Select(c => Option(SearchLink.AuthorKey, authors[c.Id].Slug, authors[c.Id].Name, c.Count, chosen.AuthorIds.Contains(c.Id)))
            .ToList()));

        var categoriesFiltered = chosen.Apply(matching, except: SearchLink.CategoryKey);
        var categoryCounts = await TopAsync(
            categoriesFiltered.SelectMany(p => p.Categories).GroupBy(c => c.CategoryId).Select(g => new IdCount { Id = g.Key, Count = g.Count() }),
            chosen.CategoryIds, cancellationToken);
        var categoryIds = categoryCounts.Select(c => c.Id).ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Slug, c.Name }).ToDictionaryAsync(c => c.Id, cancellationToken);
        facets.Add(new SearchFacet(SearchLink.CategoryKey, "Category", categoryCounts
            .Where(c => categories.ContainsKey(c.Id))
            .Select(c => Option(SearchLink.CategoryKey, categories[c.Id].Slug, categories[c.Id].Name, c.Count, chosen.CategoryIds.Contains(c.Id)))
            .ToList()));

        return facets;
    }

    /// <summary>A member-initialised class, not a positional record, so EF can still order and filter by it.</summary>
    private sealed class IdCount
    {
        public int Id { get; init; }
        public int Count { get; init; }
    }

    /// <summary>The most frequent values, and the chosen ones even when they are not among them.</summary>
    private static async Task<List<IdCount>> TopAsync(IQueryable<IdCount> counts, IReadOnlyList<int> chosen, CancellationToken cancellationToken)
    {
        var top = await counts.OrderByDescending(c => c.Count).ThenBy(c => c.Id).Take(SearchPublications.FacetSize).ToListAsync(cancellationToken);
        var missing = chosen.Where(id => top.All(c => c.Id != id)).ToList();
        if (missing.Count > 0)
        {
            var found = await counts.Where(c => missing.Contains(c.Id)).ToListAsync(cancellationToken);
            top.AddRange(missing.Select(id => found.FirstOrDefault(c => c.Id == id) ?? new IdCount { Id = id }));
        }

        return top;
    }

    /// <summary>
    /// When nothing matched: the same words without the filters, then each word on its own, each with
    /// what it would find (only those that find something).
    /// </summary>
    private async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(
        SearchTerms terms, IQueryable<Publication> visible, SearchFilters filters, CancellationToken cancellationToken)
    {
        var suggestions = new List<SearchSuggestion>();
        if (!filters.IsEmpty)
        {
            var unfiltered = await visible.WhereMatching(search, terms).CountAsync(cancellationToken);
            if (unfiltered > 0)
            {
                suggestions.Add(new SearchSuggestion($"{terms.Text} in all publications", SearchLink.For(terms.Text, SearchFilters.None), unfiltered));
            }
        }

        if (terms.Words.Count > 1)
        {
            foreach (var word in terms.Words)
            {
                var count = await visible.WhereMatching(search, SearchTerms.Parse(word)).CountAsync(cancellationToken);
                if (count > 0)
                {
                    suggestions.Add(new SearchSuggestion(word, SearchLink.For(word, SearchFilters.None), count));
                }
            }
        }

        return suggestions;
    }

    /// <summary>The chosen filter values that exist, resolved to ids; unknown names are dropped.</summary>
    private async Task<ChosenFilters> ResolveAsync(SearchPublications query, CancellationToken cancellationToken)
    {
        var wanted = SearchFilters.Of(query.Series, query.Year, query.Author, query.Category);
        var series = wanted.Series.Count == 0 ? [] : await db.Series.AsNoTracking()
            .Where(s => wanted.Series.Contains(s.Slug)).Select(s => new { s.Id, s.Slug }).ToListAsync(cancellationToken);
        var authors = wanted.Authors.Count == 0 ? [] : await db.Authors.AsNoTracking()
            .Where(a => wanted.Authors.Contains(a.Slug)).Select(a => new { a.Id, a.Slug }).ToListAsync(cancellationToken);
        var categories = wanted.Categories.Count == 0 ? [] : await db.Categories.AsNoTracking()
            .Where(c => wanted.Categories.Contains(c.Slug)).Select(c => new { c.Id, c.Slug }).ToListAsync(cancellationToken);

        return new ChosenFilters(
            SearchFilters.Of(series.Select(s => s.Slug), wanted.Years, authors.Select(a => a.Slug), categories.Select(c => c.Slug)),
            series.Select(s => s.Id).ToList(),
            authors.Select(a => a.Id).ToList(),
            categories.Select(c => c.Id).ToList());
    }

    private sealed record ChosenFilters(SearchFilters Filters, IReadOnlyList<int> SeriesIds, IReadOnlyList<int> AuthorIds, IReadOnlyList<int> CategoryIds)
    {
        /// <summary>Narrows <paramref name="publications"/> by every chosen filter but <paramref name="except"/>.</summary>
        public IQueryable<Publication> Apply(IQueryable<Publication> publications, string? except = null)
        {
            if (SeriesIds.Count > 0 && except != SearchLink.SeriesKey)
            {
                publications = publications.Where(p => SeriesIds.Contains(p.SeriesId));
            }

            if (Filters.Years.Count > 0 && except != SearchLink.YearKey)
            {
                var years = Filters.Years;
                publications = publications.Where(p => years.Contains(p.PublishedOn.Year));
            }

            if (AuthorIds.Count > 0 && except != SearchLink.AuthorKey)
            {
                publications = publications.Where(p => p.Authors.Any(a => AuthorIds.Contains(a.AuthorId)));
            }

            if (CategoryIds.Count > 0 && except != SearchLink.CategoryKey)
            {
                publications = publications.Where(p => p.Categories.Any(c => CategoryIds.Contains(c.CategoryId)));
            }

            return publications;
        }
    }
}

internal static class MatchingQueries
{
    /// <summary>Only the publications whose text matches: an IN over the search's matches, run in the database.</summary>
    public static IQueryable<Publication> WhereMatching(this IQueryable<Publication> publications, IPublicationSearch search, SearchTerms terms)
    {
        var matchIds = search.Match(terms).Select(m => m.PublicationId);
        return publications.Where(p => matchIds.Contains(p.Id));
    }
}
