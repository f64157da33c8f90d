using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Rsis.Portal.Web.ViewComponents;

/// <summary>
/// The header (with the menu), the footer and the home page's promo. Loaded once per request, shown in two places,
/// and each part drawn once per version of the chrome rather than once per page.
/// </summary>
/// <remarks>
/// <see cref="GetSiteChrome"/> hands out the same <see cref="SiteChrome"/> until a save evicts it, so the drawn
/// HTML is kept beside that instance (a weak table: it goes when the instance does) and a save draws it afresh.
/// The parts are functions of their model alone: nothing in them reads the request, the user or a form.
/// </remarks>
public sealed partial class SiteChromeViewComponent(ISender sender, ILogger<SiteChromeViewComponent> logger) : ViewComponent
{
    private static readonly object ItemKey = new();

    private static readonly ConditionalWeakTable<SiteChrome, ConcurrentDictionary<string, HtmlString>> Drawn = new();

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

        var parts = Drawn.GetOrCreateValue(chrome);
        if (!parts.TryGetValue(part, out var html))
        {
            // Two requests may draw the same part at once; both drawings are the same, and one is kept.
            html = parts.GetOrAdd(part, await DrawAsync(part, chrome));
        }

        return new HtmlContentViewComponentResult(html);
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

    private async Task<HtmlString> DrawAsync(string part, SiteChrome chrome)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var context = ViewComponentContext;
        await View(part, chrome).ExecuteAsync(
            new ViewComponentContext(context.ViewComponentDescriptor, context.Arguments, context.HtmlEncoder, context.ViewContext, writer));

        // The views' indentation is a third of their bytes and means nothing to a browser (the parts hold no
        // <pre> or <textarea>): a line break stays where one was, so words never run together.
        return new HtmlString(Indentation().Replace(writer.ToString(), "\n"));
    }

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex Indentation();
}
