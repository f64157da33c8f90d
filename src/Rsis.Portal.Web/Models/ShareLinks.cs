namespace Rsis.Portal.Web.Models;

/// <summary>A place to share an article: its name, the plain URL that opens it there, and whether it leaves the site.</summary>
public sealed record ShareLink(string Name, string Href, bool External = true);

/// <summary>
/// Share links built as plain URLs on the server: they work without JavaScript, and no third party's script or
/// counter is loaded to offer them. Each service's own "share" address is given the article's title and address.
/// </summary>
public static class ShareLinks
{
    public static IReadOnlyList<ShareLink> For(string title, string url)
    {
        var t = Uri.EscapeDataString(title);
        var u = Uri.EscapeDataString(url);
        return
        [
            new("X", $"https://x.com/intent/post?text={t}&url={u}"),
            new("LinkedIn", $"https://www.linkedin.com/sharing/share-offsite/?url={u}"),
            new("Facebook", $"https://www.facebook.com/sharer/sharer.php?u={u}"),
            new("Telegram", $"https://t.me/share/url?url={u}&text={t}"),
            new("WhatsApp", $"https://wa.me/?text={t}%20{u}"),
            new("Email", $"mailto:?subject={t}&body={u}", External: false),
        ];
    }
}
