namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Sharing a preview of a publication or page with someone without an account, and taking every such link back.
/// Making a link writes nothing: it is signed, not stored, so links can only be ended all at once (by a new key).
/// </summary>
[Route("admin/{section:regex(^(publications|pages)$)}/{id:int}/preview-link")]
public sealed class PreviewLinksController(ISender sender, PreviewLinks links, IOptions<SiteOptions> site) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string section, int id, string? revoked, CancellationToken cancellationToken) =>
        await PreviewLinkPage.MakeAsync(sender, links, site.Value.BaseUrlFor(Request), KindOf(section), id, cancellationToken) is { } page
            ? View(page with { Revoked = revoked is not null })
            : NotFound();

    [HttpPost("revoke")]
    public async Task<IActionResult> Revoke(string section, int id, CancellationToken cancellationToken) =>
        await sender.Send(new RevokePreviewLinks(KindOf(section), id), cancellationToken)
            ? Redirect($"/admin/{section}/{id}/preview-link?revoked=1")
            : NotFound();

    private static PreviewKind KindOf(string section) => section == "pages" ? PreviewKind.Page : PreviewKind.Publication;
}
