using Rsis.Portal.Web.Feeds;

namespace Rsis.Portal.Web.Controllers;

/// <summary>
/// Events for readers: upcoming at <c>/events</c> (the menu's "Events"), past ones by year, each event's page, the
/// calendar files (one event, or every upcoming one to subscribe to) and the events feeds. Event pages show
/// speakers' names and related publications too, so they are evicted with publications as well as events.
/// </summary>
[OutputCache(PolicyName = OutputCacheConfig.PublicPage, Tags = [CacheTags.Events, CacheTags.Publications])]
public sealed class EventsController(ISender sender, IOptions<SiteOptions> site) : Controller
{
    [HttpGet("/events")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sender.Send(new ListUpcomingEvents(), cancellationToken));

    /// <summary><c>?year=abc</c> does not bind and gets the 400 page; a page out of range is clamped.</summary>
    [HttpGet("/events/past")]
    public async Task<IActionResult> Past(int? year, int? page, CancellationToken cancellationToken) =>
        View(await sender.Send(new ListPastEvents(year, page), cancellationToken));

    [HttpGet("/events/{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken) =>
        // A draft is not there for readers (404); one in the Trash answers 410 on the 404 path (IsInTrash), and an
        // address it had before a rename its 301 (FindRedirect).
        await sender.Send(new GetEvent(slug), cancellationToken) is { } page ? View(page) : NotFound();

    /// <summary>"Add to calendar": the one event as an iCalendar file.</summary>
    [HttpGet("/events/{slug}.ics")]
    public async Task<IActionResult> Calendar(string slug, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetEventCalendar(slug), cancellationToken) is not { } calendar)
        {
            return NotFound();
        }

        var file = await CalendarFileAsync(calendar, cancellationToken);
        file.FileDownloadName = slug + ".ics";
        return file;
    }

    /// <summary>Every upcoming event, for calendar apps to subscribe to; cancelled ones are sent as cancelled.</summary>
    [HttpGet("/events.ics")]
    public async Task<IActionResult> UpcomingCalendar(CancellationToken cancellationToken) =>
        await CalendarFileAsync((await sender.Send(new GetEventCalendar(), cancellationToken))!, cancellationToken);

    [HttpGet("/feeds/events.{format:regex(^(rss|atom)$)}")]
    public async Task<IActionResult> Feed(string format, CancellationToken cancellationToken)
    {
        var feed = await sender.Send(new GetEventsFeed(), cancellationToken);
        var baseUrl = site.Value.BaseUrlFor(Request);
        return format == "atom"
            ? ConditionalFile.For(FeedDocuments.Atom(feed, baseUrl), FeedDocuments.AtomContentType, feed.UpdatedUtc)
            : ConditionalFile.For(FeedDocuments.Rss(feed, baseUrl), FeedDocuments.RssContentType, feed.UpdatedUtc);
    }

    private async Task<FileContentResult> CalendarFileAsync(EventCalendar calendar, CancellationToken cancellationToken)
    {
        var school = (await sender.Send(new Application.Navigation.GetSiteChrome.GetSiteChrome(), cancellationToken)).SchoolName;
        return ConditionalFile.For(EventCalendarFile.Write(calendar, site.Value.BaseUrlFor(Request), $"{school}: events"),
            EventCalendarFile.ContentType, calendar.UpdatedUtc);
    }
}
