namespace Rsis.Portal.Web.Models;

/// <summary>The RSS and Atom feeds of a series, author or category page, for its head and its "Subscribe" line.</summary>
public sealed record FeedLinksModel(string Title, string RssUrl, string AtomUrl)
{
    public static FeedLinksModel ForSeries(string name, string slug) =>
        new(name, PortalUrls.SeriesFeed(slug, PortalUrls.Rss), PortalUrls.SeriesFeed(slug, PortalUrls.Atom));

    public static FeedLinksModel ForAuthor(string name, string slug) =>
        new($"Publications by {name}", PortalUrls.AuthorFeed(slug, PortalUrls.Rss), PortalUrls.AuthorFeed(slug, PortalUrls.Atom));

    public static FeedLinksModel ForCategory(string name, string slug) =>
        new(name, PortalUrls.CategoryFeed(slug, PortalUrls.Rss), PortalUrls.CategoryFeed(slug, PortalUrls.Atom));
}
