using Rsis.Portal.Application.Home.GetHomePage;

namespace Rsis.Portal.Web.Controllers;

public sealed class HomeController(ISender sender) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications, CacheTags.Events])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sender.Send(new GetHomePage(), cancellationToken));
}
