namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>The feedback page: the filter as the address gave it, the figures for it and one page of entries.</summary>
public sealed record FeedbackListPage(FeedbackFilter Filter, FeedbackSummary Summary, FeedbackPage Result)
{
    public const string Url = "/admin/feedback";

    /// <summary>The filter as query values, so the pager and the CSV link keep it; ratings come once per ticked box.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Query =>
    [
        .. Filter.ChosenRatings.Select(r => new KeyValuePair<string, string?>("rating", r.ToString(CultureInfo.InvariantCulture))),
        new("from", Filter.From?.Trim()),
        new("to", Filter.To?.Trim()),
        new("hasText", Filter.HasText ? "true" : null),
    ];

    public PagerModel Pager => new(Result.Paging, Url, Query);

    /// <summary>The same filter, every entry, as a CSV file.</summary>
    public string CsvUrl
    {
        get
        {
            var query = string.Join("&", Query.Where(q => !string.IsNullOrEmpty(q.Value))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value!)}"));
            return query.Length == 0 ? Url + ".csv" : $"{Url}.csv?{query}";
        }
    }

    /// <summary>The filter in words, e.g. "ratings 1 and 2, from 1 March 2026 to 31 March 2026 (UTC), with text".</summary>
    public string Description
    {
        get
        {
            var parts = new List<string>();
            var ratings = Filter.ChosenRatings;
            if (ratings.Count is > 0 and < FeedbackFilter.HighestRating)
            {
                var named = ratings.Select(r => r.ToString(CultureInfo.InvariantCulture)).ToList();
                parts.Add((named.Count == 1 ? "rating " : "ratings ") + (named.Count == 1 ? named[0] : string.Join(", ", named[..^1]) + " and " + named[^1]));
            }

            parts.Add((Filter.FromDate, Filter.ToDate) switch
            {
                ({ } from, { } to) when from == to => $"on {from.ToDisplay()} (UTC)",
                ({ } from, { } to) => $"from {from.ToDisplay()} to {to.ToDisplay()} (UTC)",
                ({ } from, null) => $"since {from.ToDisplay()} (UTC)",
                (null, { } to) => $"up to {to.ToDisplay()} (UTC)",
                _ => "all dates",
            });
            if (Filter.HasText)
            {
                parts.Add("with text only");
            }

            return string.Join(", ", parts);
        }
    }

    public static string AverageText(decimal? average) =>
        average is { } value ? $"average rating {value.ToString("0.0", CultureInfo.InvariantCulture)} out of 6" : "no ratings";

    public static string Entries(int count) => count.ToString("N0", CultureInfo.InvariantCulture) + (count == 1 ? " entry" : " entries");
}
