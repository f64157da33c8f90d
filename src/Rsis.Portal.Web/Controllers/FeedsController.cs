using Rsis.Portal.Web.Feeds;

namespace Rsis.Portal.Web.Controllers;

/// <summary>
/// RSS 2.0 and Atom feeds of the latest publications: all of them (the footer's "Subscribe to RSIS
/// Publications"), and each series, author and category. <c>.rss</c> or <c>.atom</c> chooses the format.
/// </summary>
[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Publications])]
public sealed class FeedsController(ISender sender, IOptions<SiteOptions> site) : Controller
{
    private const string Format = "{format:regex(^(rss|atom)$)}";

    [HttpGet("/feeds/publications." + Format)]
    public Task<IActionResult> Latest(string format, CancellationToken cancellationToken) =>
        FeedAsync(new GetPublicationsFeed(FeedSubject.Latest), format, cancellationToken);

    [HttpGet("/feeds/series/{slug}." + Format)]
    public Task<IActionResult> Series(string slug, string format, CancellationToken cancellationToken) =>
        FeedAsync(new GetPublicationsFeed(FeedSubject.Series, slug), format, cancellationToken);

    [HttpGet("/feeds/authors/{slug}." + Format)]
    public Task<IActionResult> Author(string slug, string format, CancellationToken cancellationToken) =>
        FeedAsync(new GetPublicationsFeed(FeedSubject.Author, slug), format, cancellationToken);

    [HttpGet("/feeds/categories/{slug}." + Format)]
    public Task<IActionResult> Category(string slug, string format, CancellationToken cancellationToken) =>
        FeedAsync(new GetPublicationsFeed(FeedSubject.Category, slug), format, cancellationToken);

    private async Task<IActionResult> FeedAsync(GetPublicationsFeed query, string format, CancellationToken cancellationToken)
    {
        var feed = await sender.Send(query, cancellationToken);
        if (feed is null)
        {
            return NotFound();
        }

        var baseUrl = site.Value.BaseUrlFor(Request);
        return format == "atom"
            ? ConditionalFile.For(FeedDocuments.Atom(feed, baseUrl), FeedDocuments.AtomContentType, feed.UpdatedUtc)
            : ConditionalFile.For(FeedDocuments.Rss(feed, baseUrl), FeedDocuments.RssContentType, feed.UpdatedUtc);
    }
}
