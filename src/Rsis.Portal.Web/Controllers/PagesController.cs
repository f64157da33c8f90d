using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Navigation.FindRenamedSlug;
using Rsis.Portal.Application.Pages.GetContentPage;
using Rsis.Portal.Web.Configuration;

namespace Rsis.Portal.Web.Controllers;

/// <summary>Content pages and menu section pages at <c>/{slug}</c>, tried after every other route.</summary>
[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Pages])]
public sealed class PagesController(ISender sender) : Controller
{
    [HttpGet("/{slug}", Order = int.MaxValue)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new GetContentPage(slug), cancellationToken);
        if (page is not null)
        {
            return View(page);
        }

        // An address the page or menu section had before a rename gets a 301 to the current one.
        var moved = await sender.Send(new FindRenamedSlug(RenamedItem.Page, slug), cancellationToken)
            ?? await sender.Send(new FindRenamedSlug(RenamedItem.MenuSection, slug), cancellationToken);
        return moved is null ? NotFound() : RedirectPermanent(PortalUrls.Page(moved));
    }
}
