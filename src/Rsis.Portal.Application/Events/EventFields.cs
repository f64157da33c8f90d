using Rsis.Portal.Application.Navigation;
using Rsis.Portal.Application.Subscriptions;
using Rsis.Portal.Domain.Events;
using Rsis.Portal.Domain.Subscriptions;

namespace Rsis.Portal.Application.Events;

/// <summary>
/// What staff fill in for an event: the one definition of its fields. The create and update commands derive from
/// it, each version stores it, and the edit form is made from it. Times are on the site's clock
/// (<see cref="ISiteZone"/>), as staff type and read them; the event itself keeps UTC.
/// </summary>
public record EventFields
{
    public string Title { get; init; } = "";

    /// <summary>The address, <c>/events/{slug}</c>; made from the title when left empty.</summary>
    public string Slug { get; init; } = "";

    /// <summary>On the site's clock. For an all-day event only the day counts.</summary>
    public DateTime? StartsAt { get; init; }

    /// <summary>On the site's clock. For an all-day event, its last day.</summary>
    public DateTime? EndsAt { get; init; }
    public bool IsAllDay { get; init; }
    public string VenueName { get; init; } = "";
    public string VenueAddress { get; init; } = "";
    public string OnlineUrl { get; init; } = "";

    /// <summary>Authors of the portal who speak, in the order the page lists them.</summary>
    public IReadOnlyList<int> SpeakerIds { get; init; } = [];

    /// <summary>Other speakers, one a line ("Jane Doe, University of Somewhere").</summary>
    public string Guests { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Description { get; init; } = "";
    public string RegistrationUrl { get; init; } = "";
    public bool ByInvitation { get; init; }
    public EventStatus Status { get; init; }
    public int? RelatedSeriesId { get; init; }

    /// <summary>Codes of publications that go with the event (its report), separated by commas or spaces.</summary>
    public string RelatedPublicationCodes { get; init; } = "";
    public IReadOnlyList<int> CategoryIds { get; init; } = [];
}

/// <summary>The rules of <see cref="EventFields"/>; messages are written for the person at the form.</summary>
public abstract class EventFieldsValidator<T> : AbstractValidator<T> where T : EventFields
{
    protected EventFieldsValidator(IPortalDbContext db, ISiteZone site)
    {
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter a title.")
            .MaximumLength(EventKind.MaxTitleLength)
            .WithMessage(c => string.Create(CultureInfo.InvariantCulture,
                $"A title can be at most {EventKind.MaxTitleLength} characters; this one has {c.Title.Length:N0}."));

        RuleFor(c => c.Slug).MustBeAFreeAddress(c => c.Title, "cyber-security-seminar",
                // An event in the Trash keeps its address until it is purged: it may come back.
                (slug, id, cancellationToken) => db.Events.IgnoreQueryFilters().AnyAsync(e => e.Slug == slug && e.Id != id, cancellationToken),
                PortalUrls.Event, "event")
            .When(c => !string.IsNullOrWhiteSpace(c.Title) && c.Title.Length <= EventKind.MaxTitleLength);
        RuleFor(c => c.Slug)
            .Must((c, _) => !EventKind.ReservedSlugs.Contains(EditedItems.SlugOrFrom(c.Slug, c.Title)))
            .WithMessage(c => $"{PortalUrls.Event(EditedItems.SlugOrFrom(c.Slug, c.Title))} is one of the site’s own addresses. Choose another.");

        RuleFor(c => c.StartsAt).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter when the event starts.")
            .Must(t => t!.Value.Year is >= 1900 and <= 2100).WithMessage("Enter a start between 1900 and 2100.")
            .Must((c, t) => !site.Zone.IsInvalidTime(EventKind.StartOnClock(c)))
            .WithMessage((c, t) => EventKind.GapMessage(site, t!.Value));

        RuleFor(c => c.EndsAt).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter when the event ends.")
            .Must(t => t!.Value.Year is >= 1900 and <= 2100).WithMessage("Enter an end between 1900 and 2100.")
            .Must((c, t) => !site.Zone.IsInvalidTime(EventKind.EndOnClock(c)))
            .WithMessage((c, t) => EventKind.GapMessage(site, t!.Value))
            .Must((c, _) => c.StartsAt is null || EventKind.EndOnClock(c) > EventKind.StartOnClock(c))
            .WithMessage(c => c.IsAllDay
                ? "The last day cannot be before the first; enter an end on or after the start."
                : "The event must end after it starts; enter an end later than the start.");

        RuleFor(c => c.VenueName).MaximumLength(300).WithMessage("A venue name can be at most 300 characters.");
        RuleFor(c => c.VenueAddress).MaximumLength(1000).WithMessage("A venue address can be at most 1,000 characters.");
        RuleFor(c => c.OnlineUrl).Cascade(CascadeMode.Stop)
            .MaximumLength(2000).WithMessage("A link can be at most 2,000 characters.")
            .Must(EventLinks.IsWebAddress).WithMessage(EventLinks.Rule("https://ntu.zoom.us/j/123456789"))
            .When(c => !string.IsNullOrWhiteSpace(c.OnlineUrl));
        RuleFor(c => c.RegistrationUrl).Cascade(CascadeMode.Stop)
            .MaximumLength(2000).WithMessage("A link can be at most 2,000 characters.")
            .Must(EventLinks.IsWebAddress).WithMessage(EventLinks.Rule("https://www.rsis.edu.sg/register"))
            .Must((c, _) => !c.ByInvitation).WithMessage("An event by invitation has no registration link; clear the link or untick “By invitation”.")
            .When(c => !string.IsNullOrWhiteSpace(c.RegistrationUrl));

        RuleFor(c => c.VenueName)
            .Must((c, _) => !string.IsNullOrWhiteSpace(c.VenueName) || !string.IsNullOrWhiteSpace(c.OnlineUrl))
            .When(c => c.Status != EventStatus.Draft)
            .WithMessage("Say where the event is held: a venue, a link to join online, or both; or keep it as a draft.");

        RuleFor(c => c.SpeakerIds).Cascade(CascadeMode.Stop)
            .Must(ids => ids.Count <= EventKind.MaxSpeakers).WithMessage($"An event can have at most {EventKind.MaxSpeakers} speakers from the authors.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("A speaker is listed twice.")
            .MustAsync(async (ids, cancellationToken) =>
                ids.Count == 0 || await db.Authors.CountAsync(a => ids.Contains(a.Id), cancellationToken) == ids.Count)
            .WithMessage("A speaker in the list no longer exists; choose again.");
        RuleFor(c => c.Guests).MaximumLength(2000).WithMessage("The guest speakers can be at most 2,000 characters.");
        RuleFor(c => c.Summary).MaximumLength(4000).WithMessage("A summary can be at most 4,000 characters.");
        RuleFor(c => c.Description).MaximumLength(EventKind.MaxDescriptionLength)
            .WithMessage($"The description can be at most {EventKind.MaxDescriptionLength:N0} characters.");
        RuleFor(c => c.Status).IsInEnum().WithMessage("Choose Draft, Published or Cancelled.");

        RuleFor(c => c.RelatedSeriesId)
            .MustAsync(async (id, cancellationToken) => await db.Series.AnyAsync(s => s.Id == id, cancellationToken))
            .When(c => c.RelatedSeriesId is not null)
            .WithMessage("The series chosen no longer exists; choose again.");
        RuleFor(c => c.RelatedPublicationCodes).CustomAsync(async (text, context, cancellationToken) =>
        {
            var codes = EventKind.CodesIn(text);
            if (codes.Count > EventKind.MaxRelatedPublications)
            {
                context.AddFailure($"An event can list at most {EventKind.MaxRelatedPublications} related publications.");
                return;
            }

            var found = await db.Publications.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken);
            var missing = codes.Except(found, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                context.AddFailure(missing.Count == 1
                    ? $"No publication has the code {missing[0]}."
                    : $"No publications have the codes {string.Join(", ", missing)}.");
            }
        });
        RuleFor(c => c.CategoryIds).Cascade(CascadeMode.Stop)
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("A category is chosen twice.")
            .MustAsync(async (ids, cancellationToken) =>
                ids.Count == 0 || await db.Categories.CountAsync(c => ids.Contains(c.Id), cancellationToken) == ids.Count)
            .WithMessage("A category in the list no longer exists; choose again.");
    }
}

/// <summary>The links an event gives readers (to register, to join online): web addresses only.</summary>
public static class EventLinks
{
    public static string Rule(string example) => $"Enter a web address starting with https:// or http://, such as {example}.";

    /// <summary>The menu's rule for a safe address (no <c>javascript:</c>, <c>data:</c>, <c>//host</c>), less this site's paths.</summary>
    public static bool IsWebAddress(string? url) =>
        url is not null && !url.Trim().StartsWith('/') && MenuWriting.IsSafeUrl(url.Trim());
}

/// <summary>Events for the <see cref="ItemEditor"/>; a deleted event goes to the Trash.</summary>
public sealed class EventKind(ISiteZone site) : EditableKind<Event, EventFields>
{
    public const int MaxTitleLength = 300;
    public const int MaxSpeakers = 30;
    public const int MaxRelatedPublications = 20;
    public const int MaxDescriptionLength = 200_000;

    /// <summary>Addresses under /events the site answers itself.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal) { "past" };

    public override string EntityType => nameof(Event);
    public override string What => "this event";

    public override IQueryable<Event> Loading(IQueryable<Event> items) => items
        .Include(e => e.RelatedSeries)
        .Include(e => e.Speakers).ThenInclude(s => s.Author)
        .Include(e => e.RelatedPublications).ThenInclude(p => p.Publication)
        .Include(e => e.Categories).ThenInclude(c => c.Category);

    public override string LabelOf(Event item) => item.Title;

    public override string? AddressOf(Event item) => PortalUrls.Event(item.Slug);

    /// <summary>
    /// Whether the event is one to announce: published, not in the Trash, and still to come (a past event entered
    /// for the record is listed, not mailed). The editor announces it when a save makes this true.
    /// </summary>
    public override bool IsPublic(Event item, DateTime nowUtc) =>
        item.Status == EventStatus.Published && item.DeletedAtUtc is null && item.EndsAtUtc > nowUtc;

    /// <summary>Subscribers of the Events list get it, in the save that publishes it.</summary>
    public override Task OnComingOutAsync(IPortalDbContext db, Event item, DateTime nowUtc, CancellationToken cancellationToken) =>
        SubscriberNotices.QueueAsync(db, SubscriberNotices.EventItem, item.Id, SubscriptionList.Events, seriesId: null, nowUtc, cancellationToken);

    public override EventFields FieldsOf(Event item) => new()
    {
        Title = item.Title,
        Slug = item.Slug,
        StartsAt = ToSite(item.StartsAtUtc),
        // An all-day event is stored as calendars count it (to the start of the next day); staff see its last day.
        EndsAt = item.IsAllDay ? ToSite(item.EndsAtUtc).AddDays(-1) : ToSite(item.EndsAtUtc),
        IsAllDay = item.IsAllDay,
        VenueName = item.VenueName,
        VenueAddress = item.VenueAddress,
        OnlineUrl = item.OnlineUrl,
        SpeakerIds = item.Speakers.OrderBy(s => s.Position).Select(s => s.AuthorId).ToList(),
        Guests = item.Guests,
        Summary = item.Summary,
        Description = item.Description,
        RegistrationUrl = item.RegistrationUrl,
        ByInvitation = item.ByInvitation,
        Status = item.Status,
        RelatedSeriesId = item.RelatedSeriesId,
        RelatedPublicationCodes = string.Join(", ", item.RelatedPublications.Select(p => p.Publication.Code).Order(StringComparer.Ordinal)),
        CategoryIds = item.Categories.Select(c => c.CategoryId).Order().ToList(),
    };

    public override async Task<ChangeList> ApplyAsync(IPortalDbContext db, Event item, EventFields fields, CancellationToken cancellationToken)
    {
        var codes = CodesIn(fields.RelatedPublicationCodes);
        var authors = await db.Authors.Where(a => fields.SpeakerIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var categories = await db.Categories.Where(c => fields.CategoryIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var publications = await db.Publications.Where(p => codes.Contains(p.Code)).ToListAsync(cancellationToken);
        var series = fields.RelatedSeriesId is { } seriesId ? await db.Series.SingleAsync(s => s.Id == seriesId, cancellationToken) : null;

        var isNew = item.Id == 0;
        var title = fields.Title.Trim();
        var startsAtUtc = ToUtc(StartOnClock(fields));
        var endsAtUtc = ToUtc(EndOnClock(fields));

        var changes = new ChangeList();
        changes.Value("Title", isNew ? null : item.Title, title);
        changes.Value(EditedItems.SlugField, isNew ? null : item.Slug, EditedItems.SlugOrFrom(fields.Slug, fields.Title));
        changes.Value("Starts (UTC)", isNew ? null : Invariant(item.StartsAtUtc), Invariant(startsAtUtc));
        changes.Value("Ends (UTC)", isNew ? null : Invariant(item.EndsAtUtc), Invariant(endsAtUtc));
        changes.Value("All day", isNew ? null : YesNo(item.IsAllDay), YesNo(fields.IsAllDay));
        changes.Value("Venue", item.VenueName, fields.VenueName.Trim());
        changes.Value("Venue address", item.VenueAddress, Clean(fields.VenueAddress));
        changes.Value("Online link", item.OnlineUrl, fields.OnlineUrl.Trim());
        changes.Value("Status", isNew ? null : item.Status.ToString(), fields.Status.ToString());
        var calendarChanged = !changes.IsEmpty;

        changes.Value("Guests", item.Guests, Clean(fields.Guests));
        changes.Value("Summary", item.Summary, Clean(fields.Summary));
        changes.Text("Description", item.Description, Clean(fields.Description));
        changes.Value("Registration link", item.RegistrationUrl, fields.RegistrationUrl.Trim());
        changes.Value("By invitation", isNew ? null : YesNo(item.ByInvitation), YesNo(fields.ByInvitation));
        changes.Value("Related series", item.RelatedSeries?.Name, series?.Name);
        changes.Value("Speakers", string.Join(", ", item.Speakers.OrderBy(s => s.Position).Select(s => s.Author.Name)),
            string.Join(", ", fields.SpeakerIds.Select(id => authors[id].Name)));
        changes.Value("Related publications", string.Join(", ", item.RelatedPublications.Select(p => p.Publication.Code).Order(StringComparer.Ordinal)),
            string.Join(", ", codes.Order(StringComparer.Ordinal)));
        changes.Value("Categories", string.Join(", ", item.Categories.Select(c => c.Category.Name).Order(StringComparer.Ordinal)),
            string.Join(", ", categories.Select(c => c.Name).Order(StringComparer.Ordinal)));

        item.Title = title;
        item.Slug = EditedItems.SlugOrFrom(fields.Slug, fields.Title);
        item.StartsAtUtc = startsAtUtc;
        item.EndsAtUtc = endsAtUtc;
        item.IsAllDay = fields.IsAllDay;
        item.VenueName = fields.VenueName.Trim();
        item.VenueAddress = Clean(fields.VenueAddress);
        item.OnlineUrl = fields.OnlineUrl.Trim();
        item.Guests = Clean(fields.Guests);
        item.Summary = Clean(fields.Summary);
        item.Description = Clean(fields.Description);
        item.RegistrationUrl = fields.RegistrationUrl.Trim();
        item.ByInvitation = fields.ByInvitation;
        item.Status = fields.Status;
        item.RelatedSeries = series;
        item.RelatedSeriesId = series?.Id;

        // Kept rows are updated in place, not removed and re-added: EF tracks one row per key.
        item.Speakers.RemoveAll(s => !fields.SpeakerIds.Contains(s.AuthorId));
        for (var i = 0; i < fields.SpeakerIds.Count; i++)
        {
            var row = item.Speakers.Find(s => s.AuthorId == fields.SpeakerIds[i]);
            if (row is null)
            {
                row = new EventSpeaker { Event = item, Author = authors[fields.SpeakerIds[i]], AuthorId = fields.SpeakerIds[i] };
                item.Speakers.Add(row);
            }

            row.Position = i + 1;
        }

        item.Categories.RemoveAll(c => !fields.CategoryIds.Contains(c.CategoryId));
        foreach (var category in categories.Where(c => !item.Categories.Exists(ec => ec.CategoryId == c.Id)))
        {
            item.Categories.Add(new EventCategory { Event = item, Category = category, CategoryId = category.Id });
        }

        item.RelatedPublications.RemoveAll(p => !codes.Contains(p.Publication.Code));
        foreach (var publication in publications.Where(p => !item.RelatedPublications.Exists(ep => ep.PublicationId == p.Id)))
        {
            item.RelatedPublications.Add(new EventPublication { Event = item, Publication = publication, PublicationId = publication.Id });
        }

        // Calendars that subscribed replace what they hold only when the SEQUENCE goes up.
        if (!isNew && calendarChanged)
        {
            item.Sequence++;
        }

        return changes;
    }

    public override async Task<IReadOnlyList<RevisionField>> DescribeAsync(IPortalDbContext db, EventFields fields, CancellationToken cancellationToken)
    {
        var authors = await db.Authors.Where(a => fields.SpeakerIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var categories = await db.Categories.Where(c => fields.CategoryIds.Contains(c.Id)).Select(c => c.Name).ToListAsync(cancellationToken);
        var series = fields.RelatedSeriesId is { } id ? await db.Series.Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) : null;
        return
        [
            new("Title", fields.Title),
            new("Address", PortalUrls.Event(fields.Slug)),
            new($"Starts ({site.ZoneName})", fields.StartsAt?.ToString(fields.IsAllDay ? "d MMMM yyyy" : "d MMMM yyyy HH:mm", CultureInfo.InvariantCulture) ?? ""),
            new($"Ends ({site.ZoneName})", fields.EndsAt?.ToString(fields.IsAllDay ? "d MMMM yyyy" : "d MMMM yyyy HH:mm", CultureInfo.InvariantCulture) ?? ""),
            new("All day", YesNo(fields.IsAllDay)),
            new("Status", fields.Status.ToString()),
            new("Venue", fields.VenueName),
            new("Venue address", fields.VenueAddress),
            new("Online link", fields.OnlineUrl),
            new("Speakers", string.Join(", ", fields.SpeakerIds.Select(a => authors.GetValueOrDefault(a, "(an author since deleted)")))),
            new("Guests", fields.Guests),
            new("Registration link", fields.RegistrationUrl),
            new("By invitation", YesNo(fields.ByInvitation)),
            new("Related series", series ?? ""),
            new("Related publications", fields.RelatedPublicationCodes),
            new("Categories", string.Join(", ", categories.Order(StringComparer.Ordinal))),
            new("Summary", fields.Summary, IsLongText: true),
            new("Description", fields.Description, IsLongText: true),
        ];
    }

    protected override ICommand<bool> Update(int id, Guid concurrencyToken, EventFields fields, int? restores) =>
        new UpdateEvent.UpdateEvent(id, concurrencyToken, fields) { Restores = restores };

    /// <summary>The start on the site's clock as stored: midnight of its day for an all-day event.</summary>
    public static DateTime StartOnClock(EventFields fields) =>
        fields.IsAllDay ? fields.StartsAt!.Value.Date : TrimSeconds(fields.StartsAt!.Value);

    /// <summary>The end on the site's clock as stored: for an all-day event, the midnight after its last day.</summary>
    public static DateTime EndOnClock(EventFields fields) =>
        fields.IsAllDay ? fields.EndsAt!.Value.Date.AddDays(1) : TrimSeconds(fields.EndsAt!.Value);

    /// <summary>"There is no 01:30 on 29 March 2026 in London time: the clocks go forward then. …"</summary>
    public static string GapMessage(ISiteZone site, DateTime time) =>
        string.Create(CultureInfo.InvariantCulture,
            $"There is no {time:HH:mm} on {time:d MMMM yyyy} in {site.ZoneName}: the clocks go forward then. Enter a time before or after the change.");

    /// <summary>The codes typed, upper-cased, each once: "co13046, CO13047" → CO13046, CO13047.</summary>
    public static IReadOnlyList<string> CodesIn(string? text) =>
        (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The start and end in UTC, as a save would store them. A time the clocks skip (refused on saving) is taken
    /// as the moment after the jump, so a preview of a form with one still shows.
    /// </summary>
    public (DateTime StartsAtUtc, DateTime EndsAtUtc) UtcTimesOf(EventFields fields)
    {
        var start = fields.StartsAt is null ? DateTime.UnixEpoch : ToUtcLenient(StartOnClock(fields));
        var end = fields.EndsAt is null ? start : ToUtcLenient(EndOnClock(fields));
        return (start, end < start ? start : end);
    }

    private DateTime ToUtcLenient(DateTime onClock)
    {
        while (site.Zone.IsInvalidTime(onClock))
        {
            onClock = onClock.AddMinutes(30);
        }

        return ToUtc(onClock);
    }

    private DateTime ToSite(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), site.Zone);

    private DateTime ToUtc(DateTime onClock) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(onClock, DateTimeKind.Unspecified), site.Zone);

    private static DateTime TrimSeconds(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Unspecified);

    private static string Invariant(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Clean(string? text) => EditedItems.CleanText(text);
}
