using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Search.SearchPublications;
using Rsis.Portal.Web.Configuration;

namespace Rsis.Portal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications])]
public sealed class SearchController(ISender sender) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken)
    {
        var results = await sender.Send(new SearchPublications(q, page), cancellationToken);
        return results.ExactMatchUrl is { } url ? Redirect(url) : View(results);
    }
}
