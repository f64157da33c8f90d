namespace Rsis.Portal.Application.Common;

/// <summary>The portal's public URL scheme (DESIGN.md, URLs), in one place.</summary>
public static class PortalUrls
{
    public const string Publications = "/publications";

    public static string Series(string seriesSlug) => $"/publications/{seriesSlug}";

    public static string Publication(string seriesSlug, string slug) => $"/publications/{seriesSlug}/{slug}";

    public static string PublicationPdf(string seriesSlug, string slug) => $"/publications/{seriesSlug}/{slug}.pdf";

    public static string Author(string slug) => $"/authors/{slug}";

    public static string Category(string slug) => $"/categories/{slug}";

    public static string Page(string slug) => $"/{slug}";

    public const string Search = "/search";
}
