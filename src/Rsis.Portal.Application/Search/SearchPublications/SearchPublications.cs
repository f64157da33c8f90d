using Rsis.Portal.Application.Publications;

namespace Rsis.Portal.Application.Search.SearchPublications;

/// <summary>
/// The search page: published publications whose title, code, synopsis, body, authors or categories hold
/// every word of <see cref="Q"/> (or whose uploaded PDF does: those come last and say so), those matching in
/// the title or code first, narrowed by any of the chosen
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

/// <summary>
/// A result: the publication, its title and a passage with the matched words in &lt;mark&gt; (safe HTML);
/// <paramref name="FoundInPdf"/> when the words are only in its uploaded PDF, which the passage is from.
/// </summary>
public sealed record SearchResultItem(PublicationSummary Publication, string TitleHtml, string PassageHtml, bool FoundInPdf = false);

/// <summary>A filter (a query parameter) and its options, each with how many results it would give.</summary>
public sealed record SearchFacet(string Key, string Title, IReadOnlyList<FacetOption> Options);

/// <summary>One value of a filter; <see cref="ToggleUrl"/> is the same search with it switched on or off.</summary>
public sealed record FacetOption(string Key, string Value, string Label, int Count, bool Selected, string ToggleUrl);

/// <summary>Another search worth trying when nothing matched, and how many it finds.</summary>
public sealed record SearchSuggestion(string Text, string Url, int Count);

public sealed class SearchPublicationsHandler(IPortalDbContext db, TimeProvider clock, IPublicationSearch search)
    : IQueryHandler<SearchPublications, SearchResults>
{
    public async ValueTask<SearchResults> Handle(SearchPublications query, CancellationToken cancellationToken)
    {
        var terms = SearchTerms.Parse(query.Q);
        var now = clock.GetUtcNow().UtcDateTime;

        // Codes have digits ("CO13046"); a word without one is not worth a query.
        if (terms.Words.Count == 1 && terms.Words[0].Any(char.IsAsciiDigit)
            && await ExactCodeUrlAsync(terms.Words[0], now, cancellationToken) is { } url)
        {
            return Empty(terms, SearchFilters.None) with { ExactMatchUrl = url };
        }

        var chosen = await ResolveAsync(query, cancellationToken);
        var filters = chosen.Filters;
        if (terms.IsEmpty && (filters.IsEmpty || terms.Text.Length > 0))
        {
            return Empty(terms, filters);
        }

        var found = await search.SearchAsync(
            new SearchRequest(terms, chosen.Ids, now, query.Page ?? 1, SearchPublications.PageSize, SearchPublications.FacetSize),
            cancellationToken);
        var paging = new Paging(found.Page, SearchPublications.PageSize, found.TotalCount);
        var items = await LoadItemsAsync(terms, found.PublicationIds, cancellationToken);
        var facets = await DescribeFacetsAsync(terms.Text, chosen, found.Facets, cancellationToken);
        var applied = facets.SelectMany(f => f.Options).Where(o => o.Selected).ToList();
        var suggestions = found.TotalCount == 0 && !terms.IsEmpty ? await SuggestAsync(terms, filters, now, cancellationToken) : [];

        return new SearchResults(terms.Text, terms.Shortened, !terms.IsEmpty, null, items, paging, filters, facets, applied, suggestions);
    }

    private static SearchResults Empty(SearchTerms terms, SearchFilters filters) =>
        new(terms.Text, terms.Shortened, !terms.IsEmpty, null, [], Paging.Clamp(1, SearchPublications.PageSize, 0), filters, [], [], []);

    private async Task<string?> ExactCodeUrlAsync(string word, DateTime now, CancellationToken cancellationToken)
    {
        var code = word.ToUpperInvariant();
        var exact = await db.Publications.AsNoTracking().WhereVisible(now)
            .Where(p => p.Code == code)
            .Select(p => new { SeriesSlug = p.Series.Slug, p.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        return exact is null ? null : PortalUrls.Publication(exact.SeriesSlug, exact.Slug);
    }

    /// <summary>The page's publications in rank order, each with its title and passage highlighted.</summary>
    private async Task<IReadOnlyList<SearchResultItem>> LoadItemsAsync(
        SearchTerms terms, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var summaries = await PublicationQueries.LoadSummariesAsync(db.Publications.AsNoTracking(), ids, cancellationToken);
        var highlights = terms.IsEmpty
            ? new Dictionary<int, MatchedText>()
            : await search.HighlightAsync(terms, ids, cancellationToken);

        return ids.Where(summaries.ContainsKey).Select(id =>
        {
            var summary = summaries[id];
            return highlights.TryGetValue(id, out var text)
                ? new SearchResultItem(summary, SearchHighlight.ToHtml(text.Title), SearchHighlight.ToHtml(text.Passage), text.InPdf)
                : new SearchResultItem(summary, SearchHighlight.ToHtml(summary.Title),
                    SearchHighlight.ToHtml(SearchHighlight.Passage(summary.Synopsis, [], SearchPublications.PassageWords)));
        }).ToList();
    }

    /// <summary>The filters as the page shows them: names, counts, whether chosen, and the address that toggles each.</summary>
    private async Task<IReadOnlyList<SearchFacet>> DescribeFacetsAsync(
        string text, ChosenFilters chosen, FacetCounts counts, CancellationToken cancellationToken)
    {
        var filters = chosen.Filters;
        FacetOption Option(string key, string value, string label, int count, bool selected) =>
            new(key, value, label, count, selected, SearchLink.For(text, filters.Toggle(key, value)));

        var series = await db.Series.AsNoTracking()
            .OrderBy(s => s.Group).ThenBy(s => s.SortOrder)
            .Select(s => new { s.Id, s.Slug, s.Name })
            .ToListAsync(cancellationToken);
        var authorIds = counts.Authors.Keys.ToList();
        var authors = await db.Authors.AsNoTracking().Where(a => authorIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Slug, a.Name }).ToListAsync(cancellationToken);
        var categoryIds = counts.Categories.Keys.ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Slug, c.Name }).ToListAsync(cancellationToken);

        return
        [
            new SearchFacet(SearchLink.SeriesKey, "Series", series
                .Where(s => counts.Series.ContainsKey(s.Id) || chosen.Ids.SeriesIds.Contains(s.Id))
                .Select(s => Option(SearchLink.SeriesKey, s.Slug, s.Name, counts.Series.GetValueOrDefault(s.Id), chosen.Ids.SeriesIds.Contains(s.Id)))
                .ToList()),
            new SearchFacet(SearchLink.YearKey, "Year", counts.Years.Keys.Union(filters.Years)
                .OrderDescending()
                .Select(year => Option(
                    SearchLink.YearKey,
                    year.ToString(CultureInfo.InvariantCulture),
                    year.ToString(CultureInfo.InvariantCulture),
                    counts.Years.GetValueOrDefault(year),
                    filters.Years.Contains(year)))
                .ToList()),
            new SearchFacet(SearchLink.AuthorKey, "Author", authors
                .OrderByDescending(a => counts.Authors[a.Id]).ThenBy(a => a.Name, StringComparer.Ordinal)
                .Select(a => Option(SearchLink.AuthorKey, a.Slug, a.Name, counts.Authors[a.Id], chosen.Ids.AuthorIds.Contains(a.Id)))
                .ToList()),
            new SearchFacet(SearchLink.CategoryKey, "Category", categories
                .OrderByDescending(c => counts.Categories[c.Id]).ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => Option(SearchLink.CategoryKey, c.Slug, c.Name, counts.Categories[c.Id], chosen.Ids.CategoryIds.Contains(c.Id)))
                .ToList()),
        ];
    }

    /// <summary>
    /// When nothing matched: the same words without the filters, then each word on its own, each with
    /// what it would find (only those that find something).
    /// </summary>
    private async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(
        SearchTerms terms, SearchFilters filters, DateTime now, CancellationToken cancellationToken)
    {
        var suggestions = new List<SearchSuggestion>();
        if (!filters.IsEmpty)
        {
            var unfiltered = await search.CountAsync(terms, now, cancellationToken);
            if (unfiltered > 0)
            {
                suggestions.Add(new SearchSuggestion($"{terms.Text} in all publications", SearchLink.For(terms.Text, SearchFilters.None), unfiltered));
            }
        }

        if (terms.Words.Count > 1)
        {
            foreach (var word in terms.Words)
            {
                var count = await search.CountAsync(SearchTerms.Parse(word), now, cancellationToken);
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
            new SearchFilterIds(
                series.Select(s => s.Id).ToList(),
                wanted.Years,
                authors.Select(a => a.Id).ToList(),
                categories.Select(c => c.Id).ToList()));
    }

    private sealed record ChosenFilters(SearchFilters Filters, SearchFilterIds Ids);
}
