namespace Rsis.Portal.Web.ViewComponents;

/// <summary>
/// The edit screen's "Share a preview" panel: a fresh preview link ready to copy. A component, so the edit
/// screens show it without their own actions loading anything more.
/// </summary>
public sealed class PreviewLinkViewComponent(ISender sender, PreviewLinks links, IOptions<SiteOptions> site) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(PreviewKind kind, int id) =>
        await PreviewLinkPage.MakeAsync(sender, links, site.Value.BaseUrlFor(Request), kind, id, HttpContext.RequestAborted) is { } page
            ? View(page)
            : Content("");
}
