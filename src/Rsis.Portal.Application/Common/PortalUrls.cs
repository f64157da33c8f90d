namespace Rsis.Portal.Application.Common;

/// <summary>The portal's public URL scheme (DESIGN.md, URLs), in one place.</summary>
public static class PortalUrls
{
    public const string Publications = "/publications";

    public static string Series(string seriesSlug) => $"/publications/{seriesSlug}";

    public static string Publication(string seriesSlug, string slug) => $"/publications/{seriesSlug}/{slug}";

    public static string PublicationPdf(string seriesSlug, string slug) => $"/publications/{seriesSlug}/{slug}.pdf";

    public static string Author(string slug) => $"/authors/{slug}";

    /// <summary>The A–Z of authors and the list of topics.</summary>
    public const string Authors = "/authors";

    public const string Categories = "/categories";

    public static string Category(string slug) => $"/categories/{slug}";

    public static string Page(string slug) => $"/{slug}";

    public const string Search = "/search";

    public const string Events = "/events";

    public const string PastEvents = "/events/past";

    /// <summary>The calendar of upcoming events, for calendar apps to subscribe to.</summary>
    public const string EventsCalendar = "/events.ics";

    public static string Event(string slug) => $"/events/{slug}";

    public static string EventCalendar(string slug) => $"/events/{slug}.ics";

    public static string EventsFeed(string extension) => $"/feeds/events.{extension}";

    /// <summary>Feed file extensions: RSS 2.0 and Atom.</summary>
    public const string Rss = "rss";
    public const string Atom = "atom";

    public static string LatestFeed(string extension) => $"/feeds/publications.{extension}";

    public static string SeriesFeed(string seriesSlug, string extension) => $"/feeds/series/{seriesSlug}.{extension}";

    public static string AuthorFeed(string slug, string extension) => $"/feeds/authors/{slug}.{extension}";

    public static string CategoryFeed(string slug, string extension) => $"/feeds/categories/{slug}.{extension}";
}
