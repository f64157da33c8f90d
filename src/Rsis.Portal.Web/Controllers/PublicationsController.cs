using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Publications.GetPublication;
using Rsis.Portal.Application.Publications.ListPublications;
using Rsis.Portal.Web.Configuration;

namespace Rsis.Portal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications])]
public sealed class PublicationsController(ISender sender) : Controller
{
    [HttpGet("/publications")]
    public async Task<IActionResult> Index(int? year, int? page, CancellationToken cancellationToken) =>
        View("Listing", await sender.Send(new ListPublications(null, year, page), cancellationToken));

    [HttpGet("/publications/{series}")]
    public async Task<IActionResult> Series(string series, int? year, int? page, CancellationToken cancellationToken)
    {
        var listing = await sender.Send(new ListPublications(series, year, page), cancellationToken);
        return listing is null ? NotFound() : View("Listing", listing);
    }

    [HttpGet("/publications/{series}/{slug}")]
    public async Task<IActionResult> Article(string series, string slug, CancellationToken cancellationToken)
    {
        var article = await sender.Send(new GetPublication(series, slug), cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        // An old series, a code instead of the slug, or different letter case: one permanent address.
        return Request.Path.Value == article.Url ? View(article) : RedirectPermanent(article.Url);
    }
}
