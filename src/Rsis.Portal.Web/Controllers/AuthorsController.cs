using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Rsis.Portal.Application.Authors.GetAuthor;
using Rsis.Portal.Application.Common;
using Rsis.Portal.Application.Common.Caching;
using Rsis.Portal.Application.Navigation.FindRenamedSlug;
using Rsis.Portal.Web.Configuration;

namespace Rsis.Portal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications])]
public sealed class AuthorsController(ISender sender) : Controller
{
    [HttpGet("/authors/{slug}")]
    public async Task<IActionResult> Show(string slug, int? page, CancellationToken cancellationToken)
    {
        var author = await sender.Send(new GetAuthor(slug, page), cancellationToken);
        if (author is not null)
        {
            return View(author);
        }

        // An address the author had before a rename gets a 301 to the current one.
        return await sender.Send(new FindRenamedSlug(RenamedItem.Author, slug), cancellationToken) is { } moved
            ? RedirectPermanent(PortalUrls.Author(moved) + Request.QueryString)
            : NotFound();
    }
}
