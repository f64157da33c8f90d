namespace Rsis.Portal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheConfig.SearchPage, Tags = [CacheTags.Publications, CacheTags.Events])]
public sealed class SearchController(ISender sender) : Controller
{
    /// <summary>
    /// <c>/search?q=cyber&amp;series=rsis-commentary-series&amp;year=2013&amp;author=…&amp;category=…&amp;page=2</c>;
    /// a filter given twice means either value. <c>&amp;in=events</c> searches events instead of publications.
    /// </summary>
    [HttpGet("/search")]
    public async Task<IActionResult> Index(
        string? q, string[]? series, int[]? year, string[]? author, string[]? category, int? page,
        [FromQuery(Name = "in")] string? within, CancellationToken cancellationToken)
    {
        if (within == "events")
        {
            return View("Events", await sender.Send(new SearchEvents(q, page), cancellationToken));
        }

        var results = await sender.Send(new SearchPublications(q, series, year, author, category, page), cancellationToken);
        if (results.ExactMatchUrl is { } url)
        {
            return Redirect(url);
        }

        // The "Events" filter beside the publications says how many events match too.
        ViewData["EventCount"] = results.HasWords ? (await sender.Send(new SearchEvents(q), cancellationToken)).Paging.TotalCount : 0;
        return View(results);
    }
}
