using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Rsis.Portal.Application.Categories.GetCategory;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Navigation.FindRenamedSlug;
using Rsis.Portal.Web.Configuration;

namespace Rsis.Portal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications])]
public sealed class CategoriesController(ISender sender) : Controller
{
    [HttpGet("/categories/{slug}")]
    public async Task<IActionResult> Show(string slug, int? page, CancellationToken cancellationToken)
    {
        var category = await sender.Send(new GetCategory(slug, page), cancellationToken);
        if (category is not null)
        {
            return View(category);
        }

        // An address the category had before a rename gets a 301 to the current one.
        return await sender.Send(new FindRenamedSlug(RenamedItem.Category, slug), cancellationToken) is { } moved
            ? RedirectPermanent(PortalUrls.Category(moved) + Request.QueryString)
            : NotFound();
    }
}
