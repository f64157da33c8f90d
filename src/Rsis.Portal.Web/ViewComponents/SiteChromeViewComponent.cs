using Mediator;
using Microsoft.AspNetCore.Mvc;
using Rsis.Portal.Application.Navigation.GetSiteChrome;

namespace Rsis.Portal.Web.ViewComponents;

/// <summary>The header (with the menu) and the footer. Loaded once per request, shown in two places.</summary>
public sealed class SiteChromeViewComponent(ISender sender) : ViewComponent
{
    private static readonly object ItemKey = new();

    public async Task<IViewComponentResult> InvokeAsync(string part)
    {
        if (HttpContext.Items[ItemKey] is not SiteChrome chrome)
        {
            chrome = await sender.Send(new GetSiteChrome(), HttpContext.RequestAborted);
            HttpContext.Items[ItemKey] = chrome;
        }

        return View(part, chrome);
    }
}
