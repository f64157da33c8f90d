using Rsis.Portal.Domain.Common;
using Rsis.Portal.Domain.Editing;
using Rsis.Portal.Domain.Publications;

namespace Rsis.Portal.Domain.Events;

/// <summary>
/// A seminar, lecture or conference the school holds: when (stored UTC, shown on the site's clock), where (a venue,
/// online, or both), who speaks, and how to attend. Readers see it at <c>/events/{slug}</c> once published; a
/// cancelled event stays visible and says so.
/// </summary>
public class Event : IEditedBy, ITrashable
{
    public int Id { get; set; }
    public required string Title { get; set; }

    /// <summary>The address, <c>/events/{slug}</c>.</summary>
    public required string Slug { get; set; }

    public DateTime StartsAtUtc { get; set; }

    /// <summary>The end; for an all-day event, the start of the day after its last day (as calendars count it).</summary>
    public DateTime EndsAtUtc { get; set; }
    public bool IsAllDay { get; set; }

    public string VenueName { get; set; } = "";
    public string VenueAddress { get; set; } = "";

    /// <summary>Where to join online (http or https); empty when held only in person.</summary>
    public string OnlineUrl { get; set; } = "";

    /// <summary>Speakers from outside the portal's authors, one a line, shown after the authors.</summary>
    public string Guests { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>The description, in Markdown.</summary>
    public string Description { get; set; } = "";

    /// <summary>Where to register (http or https); empty when <see cref="ByInvitation"/> or when none is needed.</summary>
    public string RegistrationUrl { get; set; } = "";
    public bool ByInvitation { get; set; }

    public EventStatus Status { get; set; }

    /// <summary>A publication series the event belongs with (say, a seminar series' reports); optional.</summary>
    public int? RelatedSeriesId { get; set; }
    public Series? RelatedSeries { get; set; }

    public List<EventSpeaker> Speakers { get; } = [];
    public List<EventPublication> RelatedPublications { get; } = [];
    public List<EventCategory> Categories { get; } = [];

    /// <summary>
    /// The iCalendar SEQUENCE: raised by every save that changes what a calendar shows (time, place, title, status),
    /// so calendar apps that subscribed take the new version over the one they hold.
    /// </summary>
    public int Sequence { get; set; }

    public string? CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    /// <summary>Set while the event is in the Trash.</summary>
    public DateTime? DeletedAtUtc { get; set; }
    public string? DeletedBy { get; set; }

    /// <summary>Carried in every shared preview link of this event; renewing it ends them all.</summary>
    public Guid PreviewKey { get; set; } = Guid.NewGuid();
}

public enum EventStatus
{
    Draft = 0,
    Published = 1,

    /// <summary>Called off after it was announced: still shown, marked cancelled, sent to calendars as cancelled.</summary>
    Cancelled = 2,
}

/// <summary>An author of the portal speaking at an event, in the order the page lists them.</summary>
public class EventSpeaker : IPartOfEdited
{
    public int EventId { get; set; }
    public Event Event { get; set; } = null!;
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public int Position { get; set; }

    public bool IsPartOf(IEdited item) => item is Event e && e.Id == EventId;
}

/// <summary>A publication that goes with an event, such as its report.</summary>
public class EventPublication : IPartOfEdited
{
    public int EventId { get; set; }
    public Event Event { get; set; } = null!;
    public int PublicationId { get; set; }
    public Publication Publication { get; set; } = null!;

    public bool IsPartOf(IEdited item) => item is Event e && e.Id == EventId;
}

public class EventCategory : IPartOfEdited
{
    public int EventId { get; set; }
    public Event Event { get; set; } = null!;
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;

    public bool IsPartOf(IEdited item) => item is Event e && e.Id == EventId;
}
