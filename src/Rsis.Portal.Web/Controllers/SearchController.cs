using Rsis.Portal.Application.Search.SearchPublications;

namespace Rsis.Portal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheConfig.SearchPage, Tags = [CacheTags.Publications])]
public sealed class SearchController(ISender sender) : Controller
{
    /// <summary>
    /// <c>/search?q=cyber&amp;series=rsis-commentary-series&amp;year=2013&amp;author=…&amp;category=…&amp;page=2</c>;
    /// a filter given twice means either value.
    /// </summary>
    [HttpGet("/search")]
    public async Task<IActionResult> Index(
        string? q, string[]? series, int[]? year, string[]? author, string[]? category, int? page, CancellationToken cancellationToken)
    {
        var results = await sender.Send(new SearchPublications(q, series, year, author, category, page), cancellationToken);
        return results.ExactMatchUrl is { } url ? Redirect(url) : View(results);
    }
}
