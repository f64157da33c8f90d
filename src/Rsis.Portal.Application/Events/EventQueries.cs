using Rsis.Portal.Application.Publications;
using Rsis.Portal.Domain.Events;

namespace Rsis.Portal.Application.Events;

/// <summary>The reading rules every public query of events shares.</summary>
public static class EventQueries
{
    /// <summary>Published or cancelled: a cancelled event stays visible and says so. Drafts are never public.</summary>
    public static IQueryable<Event> WhereVisible(this IQueryable<Event> events) =>
        events.Where(e => e.Status != EventStatus.Draft);

    /// <summary>Not over yet (under way or to come), soonest first.</summary>
    public static IQueryable<Event> Upcoming(this IQueryable<Event> events, DateTime utcNow) =>
        events.Where(e => e.EndsAtUtc > utcNow).OrderBy(e => e.StartsAtUtc).ThenBy(e => e.Id);

    /// <summary>Over, the latest first.</summary>
    public static IQueryable<Event> Past(this IQueryable<Event> events, DateTime utcNow) =>
        events.Where(e => e.EndsAtUtc <= utcNow).OrderByDescending(e => e.StartsAtUtc).ThenByDescending(e => e.Id);

    public static IQueryable<EventSummary> Summaries(this IQueryable<Event> events) =>
        events.Select(e => new EventSummary(e.Title, PortalUrls.Event(e.Slug), e.StartsAtUtc, e.EndsAtUtc, e.IsAllDay, e.Status,
            e.VenueName, e.OnlineUrl != "", e.Summary));

    /// <summary>
    /// An event's page from its fields as staff set them: the live page and its preview alike. Speakers, series,
    /// publications and categories that no longer exist (or, for publications, are not public) are left out.
    /// </summary>
    internal static async Task<EventPage> PageAsync(
        IPortalDbContext db, MarkdownRenderer markdown, EventKind kind, int id, EventFields fields, DateTime updatedAtUtc, int sequence,
        DateTime utcNow, CancellationToken cancellationToken)
    {
        var authors = await db.Authors.AsNoTracking().Where(a => fields.SpeakerIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Slug, a.ShortTitle }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var codes = EventKind.CodesIn(fields.RelatedPublicationCodes);
        var publications = await db.Publications.AsNoTracking().WhereVisible(utcNow).Where(p => codes.Contains(p.Code)).NewestFirst()
            .Select(p => new Link(p.Code + ": " + p.Title, PortalUrls.Publication(p.Series.Slug, p.Slug)))
            .ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().Where(c => fields.CategoryIds.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new Link(c.Name, PortalUrls.Category(c.Slug))).ToListAsync(cancellationToken);
        var series = fields.RelatedSeriesId is { } seriesId
            ? await db.Series.AsNoTracking().Where(s => s.Id == seriesId).Select(s => new Link(s.Name, PortalUrls.Series(s.Slug))).SingleOrDefaultAsync(cancellationToken)
            : null;
        var school = await db.SiteSettings.AsNoTracking().Select(s => s.SchoolName).SingleAsync(cancellationToken);
        var (startsAtUtc, endsAtUtc) = kind.UtcTimesOf(fields);
        var slug = EditedItems.SlugOrFrom(fields.Slug, fields.Title);
        return new EventPage(
            id,
            fields.Title.Trim(),
            PortalUrls.Event(slug),
            startsAtUtc,
            endsAtUtc,
            fields.IsAllDay,
            fields.Status,
            fields.VenueName.Trim(),
            Lines(fields.VenueAddress),
            fields.OnlineUrl.Trim(),
            fields.SpeakerIds.Where(authors.ContainsKey).Select(i => authors[i]).Select(a => new EventSpeakerLink(a.Name, PortalUrls.Author(a.Slug), a.ShortTitle)).ToList(),
            Lines(fields.Guests),
            fields.Summary.Trim(),
            markdown.ToSafeHtml(fields.Description, headingOffset: 1),
            fields.RegistrationUrl.Trim(),
            fields.ByInvitation,
            series,
            publications,
            categories,
            updatedAtUtc,
            sequence,
            school);
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>An event as listings show it.</summary>
public sealed record EventSummary(
    string Title, string Url, DateTime StartsAtUtc, DateTime EndsAtUtc, bool IsAllDay, EventStatus Status,
    string VenueName, bool IsOnline, string Summary)
{
    public bool IsCancelled => Status == EventStatus.Cancelled;
}

/// <summary>An event's own page, <c>/events/{slug}</c>.</summary>
public sealed record EventPage(
    int Id,
    string Title,
    string Url,
    DateTime StartsAtUtc,
    DateTime EndsAtUtc,
    bool IsAllDay,
    EventStatus Status,
    string VenueName,
    IReadOnlyList<string> VenueAddressLines,
    string OnlineUrl,
    IReadOnlyList<EventSpeakerLink> Speakers,
    IReadOnlyList<string> Guests,
    string Summary,
    string DescriptionHtml,
    string RegistrationUrl,
    bool ByInvitation,
    Link? RelatedSeries,
    IReadOnlyList<Link> RelatedPublications,
    IReadOnlyList<Link> Categories,
    DateTime UpdatedAtUtc,
    int Sequence,
    string Organizer)
{
    public bool IsCancelled => Status == EventStatus.Cancelled;
    public bool HasVenue => VenueName.Length > 0 || VenueAddressLines.Count > 0;
    public bool IsOnline => OnlineUrl.Length > 0;
    public string CalendarUrl => Url + ".ics";
}

public sealed record EventSpeakerLink(string Name, string Url, string ShortTitle);
