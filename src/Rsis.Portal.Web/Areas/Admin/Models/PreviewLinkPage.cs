using Rsis.Portal.Application.Previews;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>
/// The "Share a preview" screen of one publication or page: a fresh link, and the way to end them all.
/// <c>Section</c> is "publications" or "pages", as in the item's admin address.
/// </summary>
public sealed record PreviewLinkPage(
    PreviewKind Kind, string Section, int Id, string Label, string Link, DateTimeOffset Expires, bool Revoked)
{
    public string EditUrl => $"/admin/{Section}/{Id}/edit";

    public string ItemName => Kind == PreviewKind.Publication ? "publication" : "page";

    public string SectionTitle => Kind == PreviewKind.Publication ? "Publications" : "Pages";
}
