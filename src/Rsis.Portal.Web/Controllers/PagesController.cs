namespace Rsis.Portal.Web.Controllers;

/// <summary>Content pages and menu section pages at <c>/{slug}</c>, tried after every other route.</summary>
[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Pages])]
public sealed class PagesController(ISender sender) : Controller
{
    [HttpGet("/{slug}", Order = int.MaxValue)]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new GetContentPage(slug), cancellationToken);
        // An address the page or menu section had before a rename gets its 301 on the 404 path (see FindRedirect).
        return page is null ? NotFound() : View(page);
    }
}
