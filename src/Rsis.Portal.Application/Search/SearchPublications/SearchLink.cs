using System.Text;

namespace Rsis.Portal.Application.Search.SearchPublications;

/// <summary>
/// The filters of a search as the address carries them: any of the series, any of the years, any of the
/// authors, any of the categories (all four must hold). Every view of a search is such an address, so it
/// can be shared and bookmarked; values are kept sorted so one view has one address (and one cache entry).
/// </summary>
public sealed record SearchFilters(
    IReadOnlyList<string> Series,
    IReadOnlyList<int> Years,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories)
{
    public static readonly SearchFilters None = new([], [], [], []);

    public bool IsEmpty => Series.Count == 0 && Years.Count == 0 && Authors.Count == 0 && Categories.Count == 0;

    public static SearchFilters Of(
        IEnumerable<string>? series, IEnumerable<int>? years, IEnumerable<string>? authors, IEnumerable<string>? categories) =>
        new(Slugs(series), (years ?? []).Distinct().Order().ToList(), Slugs(authors), Slugs(categories));

    public SearchFilters Toggle(string key, string value) => key switch
    {
        SearchLink.SeriesKey => this with { Series = Toggle(Series, value) },
        SearchLink.YearKey => this with { Years = Toggle(Years, int.Parse(value, CultureInfo.InvariantCulture)) },
        SearchLink.AuthorKey => this with { Authors = Toggle(Authors, value) },
        SearchLink.CategoryKey => this with { Categories = Toggle(Categories, value) },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a search filter."),
    };

    private static List<string> Slugs(IEnumerable<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static List<T> Toggle<T>(IReadOnlyList<T> values, T value) =>
        (values.Contains(value) ? values.Where(v => !EqualityComparer<T>.Default.Equals(v, value)) : values.Append(value)).Order().ToList();
}

/// <summary>Addresses of search views: <c>/search?q=cyber&amp;series=…&amp;year=2013&amp;page=2</c>.</summary>
public static class SearchLink
{
    public const string QueryKey = "q";
    public const string SeriesKey = "series";
    public const string YearKey = "year";
    public const string AuthorKey = "author";
    public const string CategoryKey = "category";
    public const string PageKey = "page";

    public static string For(string query, SearchFilters filters, int page = 1)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var parameters = new List<(string Key, string Value)>();
        if (!string.IsNullOrWhiteSpace(query))
        {
            parameters.Add((QueryKey, query));
        }

        parameters.AddRange(filters.Series.Select(s => (SeriesKey, s)));
        parameters.AddRange(filters.Years.Select(y => (YearKey, y.ToString(CultureInfo.InvariantCulture))));
        parameters.AddRange(filters.Authors.Select(a => (AuthorKey, a)));
        parameters.AddRange(filters.Categories.Select(c => (CategoryKey, c)));
        if (page > 1)
        {
            parameters.Add((PageKey, page.ToString(CultureInfo.InvariantCulture)));
        }

        var url = new StringBuilder(PortalUrls.Search);
        for (var i = 0; i < parameters.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&')
                .Append(parameters[i].Key)
                .Append('=')
                .Append(Uri.EscapeDataString(parameters[i].Value));
        }

        return url.ToString();
    }
}
