namespace Rsis.Portal.Web.Models;

/// <summary>
/// Previous/next links for a listing; <see cref="Query"/> keeps the listing's other filters (a name may come
/// more than once, as ticked boxes send it).
/// </summary>
public sealed record PagerModel(Paging Paging, string BaseUrl, IEnumerable<KeyValuePair<string, string?>> Query)
{
    public string UrlFor(int page)
    {
        var query = Query.Where(q => !string.IsNullOrEmpty(q.Value))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value!)}");
        if (page > 1)
        {
            query = query.Append($"page={page}");
        }

        var joined = string.Join("&", query);
        return joined.Length == 0 ? BaseUrl : $"{BaseUrl}?{joined}";
    }
}
