namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>
/// A fresh preview link of one publication or page, as the edit screen's "Share a preview" panel and the screen
/// that revokes them show it. <c>Section</c> is "publications" or "pages", as in the item's admin address.
/// </summary>
public sealed record PreviewLinkPage(
    PreviewKind Kind, string Section, int Id, string Label, string Link, DateTimeOffset Expires, bool Revoked = false)
{
    public string EditUrl => $"/admin/{Section}/{Id}/edit";

    public string ShareUrl => $"/admin/{Section}/{Id}/preview-link";

    public string ItemName => Kind == PreviewKind.Publication ? "publication" : "page";

    public string SectionTitle => Kind == PreviewKind.Publication ? "Publications" : "Pages";

    /// <summary>A new link for the item, made from its current key; null when the item does not exist.</summary>
    public static async Task<PreviewLinkPage?> MakeAsync(
        ISender sender, PreviewLinks links, string baseUrl, PreviewKind kind, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(links);
        if (await sender.Send(new GetPreviewKey(kind, id), cancellationToken) is not { } item)
        {
            return null;
        }

        var (token, expires) = links.Create(new PreviewTicket(kind, id, item.Key));
        var section = kind == PreviewKind.Publication ? "publications" : "pages";
        return new PreviewLinkPage(kind, section, id, item.Label, baseUrl + PreviewLinks.Path(token), expires);
    }
}
