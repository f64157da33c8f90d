using Microsoft.AspNetCore.Diagnostics;

namespace Rsis.Portal.Web.ViewComponents;

/// <summary>The header (with the menu) and the footer. Loaded once per request, shown in two places.</summary>
public sealed class SiteChromeViewComponent(ISender sender, ILogger<SiteChromeViewComponent> logger) : ViewComponent
{
    private static readonly object ItemKey = new();

    /// <summary>What the error page shows when the menu and footer cannot be loaded (the database is down).</summary>
    private static readonly SiteChrome Unavailable = new(
        "RSIS", "", "", "", [], "", "", [], [], [], [], [], [], null, null);

    public async Task<IViewComponentResult> InvokeAsync(string part)
    {
        if (HttpContext.Items[ItemKey] is not SiteChrome chrome)
        {
            chrome = await LoadAsync();
            HttpContext.Items[ItemKey] = chrome;
        }

        return View(part, chrome);
    }

    private async Task<SiteChrome> LoadAsync()
    {
        // Only the error page may do without the chrome: it must render whatever broke the request.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
        {
            return await sender.Send(new GetSiteChrome(), HttpContext.RequestAborted);
        }

        try
        {
            return await sender.Send(new GetSiteChrome(), HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The error page is shown without the menu and footer");
            return Unavailable;
        }
    }
}
