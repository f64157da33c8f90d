namespace Rsis.Portal.Web.Controllers;

/// <summary>
/// A shared preview link, <c>/preview/{token}</c>: the item as staff preview it, for anyone holding the link and
/// no account. A token that is changed, cut, expired, revoked or for an item that is gone answers "not found",
/// as an address that never existed does. Never in the output cache: each request reads the item as it is now.
/// </summary>
public sealed class PreviewController(ISender sender, PreviewLinks links) : Controller
{
    [HttpGet("/preview/{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } ticket)
        {
            return NotFound();
        }

        var notice = new PreviewNotice(EditUrl: null, LinkExpires: ticket.Expires);
        if (ticket.Kind == PreviewKind.Publication)
        {
            return await sender.Send(new PreviewPublication(ticket.Id, PreviewKey: ticket.Key), cancellationToken) is { } article
                ? this.ArticlePreview(article, notice)
                : NotFound();
        }

        return await sender.Send(new PreviewPage(ticket.Id, PreviewKey: ticket.Key), cancellationToken) is { } page
            ? this.PagePreview(page, notice)
            : NotFound();
    }
}
