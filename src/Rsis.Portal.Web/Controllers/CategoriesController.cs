namespace Rsis.Portal.Web.Controllers;

[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications])]
public sealed class CategoriesController(ISender sender) : Controller
{
    [HttpGet("/categories")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sender.Send(new ListCategories(), cancellationToken));

    [HttpGet("/categories/{slug}")]
    public async Task<IActionResult> Show(string slug, int? page, CancellationToken cancellationToken)
    {
        var category = await sender.Send(new GetCategory(slug, page), cancellationToken);
        // An address the category had before a rename gets its 301 on the 404 path (see FindRedirect).
        return category is null ? NotFound() : View(category);
    }
}
