namespace Rsis.Portal.Web.Controllers;

public sealed class HomeController(ISender sender) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications, CacheTags.Events])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sender.Send(new GetHomePage(), cancellationToken));

    /// <summary>
    /// The promo's picture, from the site's own address. The pages link it with the settings' version
    /// (<c>?v=</c>), which a new picture changes, so browsers may keep it a day without asking again.
    /// </summary>
    [HttpGet(Promo.ImagePath)]
    [OutputCache(PolicyName = OutputCacheConfig.PdfDownload)]
    public async Task<IActionResult> PromoImage(CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetPromoImage(), cancellationToken) is not { } image)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=86400";
        return File(image.Content, image.ContentType);
    }
}
