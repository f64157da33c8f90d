using System.ComponentModel.DataAnnotations;

namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>
/// The event form as posted. Field names are the commands' property names, so the validators' messages land beside
/// the right fields. Times are on the site's clock, as the commands take them.
/// </summary>
public sealed class EventForm : ItemForm<EventFacts>
{
    /// <summary>Empty speaker rows shown under the chosen ones, so speakers can be added without JavaScript.</summary>
    public const int SpareSpeakerRows = 2;

    public string? Title { get; set; }
    public string? Slug { get; set; }
    [Display(Name = "start")]
    public DateTime? StartsAt { get; set; }
    [Display(Name = "end")]
    public DateTime? EndsAt { get; set; }
    [Display(Name = "answer for all day")]
    public bool IsAllDay { get; set; }
    public string? VenueName { get; set; }
    public string? VenueAddress { get; set; }
    public string? OnlineUrl { get; set; }

    /// <summary>In the order the page lists them; empty rows are skipped.</summary>
    public List<int?> SpeakerIds { get; set; } = [];
    public string? Guests { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }
    public string? RegistrationUrl { get; set; }
    [Display(Name = "answer for by invitation")]
    public bool ByInvitation { get; set; }
    public EventStatus Status { get; set; }
    [Display(Name = "related series")]
    public int? RelatedSeriesId { get; set; }
    public string? RelatedPublicationCodes { get; set; }
    public List<int> CategoryIds { get; set; } = [];

    [BindNever]
    public PublicationFormChoices Choices { get; set; } = new([], [], []);

    public static EventForm From(EventForEditing e) => new()
    {
        Title = e.Fields.Title,
        Slug = e.Fields.Slug,
        StartsAt = e.Fields.StartsAt,
        EndsAt = e.Fields.EndsAt,
        IsAllDay = e.Fields.IsAllDay,
        VenueName = e.Fields.VenueName,
        VenueAddress = e.Fields.VenueAddress,
        OnlineUrl = e.Fields.OnlineUrl,
        SpeakerIds = e.Fields.SpeakerIds.Select(id => (int?)id).ToList(),
        Guests = e.Fields.Guests,
        Summary = e.Fields.Summary,
        Description = e.Fields.Description,
        RegistrationUrl = e.Fields.RegistrationUrl,
        ByInvitation = e.Fields.ByInvitation,
        Status = e.Fields.Status,
        RelatedSeriesId = e.Fields.RelatedSeriesId,
        RelatedPublicationCodes = e.Fields.RelatedPublicationCodes,
        CategoryIds = e.Fields.CategoryIds.ToList(),
    };

    /// <summary>The fields as the commands take them; one mapping for creating and updating.</summary>
    public EventFields ToFields() => new()
    {
        Title = Title ?? "",
        Slug = Slug ?? "",
        StartsAt = StartsAt,
        EndsAt = EndsAt,
        IsAllDay = IsAllDay,
        VenueName = VenueName ?? "",
        VenueAddress = VenueAddress ?? "",
        OnlineUrl = OnlineUrl ?? "",
        SpeakerIds = SpeakerIds.Where(id => id is not null).Select(id => id!.Value).ToList(),
        Guests = Guests ?? "",
        Summary = Summary ?? "",
        Description = Description ?? "",
        RegistrationUrl = RegistrationUrl ?? "",
        ByInvitation = ByInvitation,
        Status = Status,
        RelatedSeriesId = RelatedSeriesId,
        RelatedPublicationCodes = RelatedPublicationCodes ?? "",
        CategoryIds = CategoryIds,
    };

    /// <summary>The speaker rows to show: the chosen speakers in order, then the spare empty rows.</summary>
    public IReadOnlyList<int?> SpeakerRows() =>
        [.. SpeakerIds.Where(id => id is not null), .. Enumerable.Repeat<int?>(null, SpareSpeakerRows)];
}

/// <summary>The admin list of events: one tab, a page of it, and the name of an event just deleted.</summary>
public sealed record EventListPage(EventsForEditing Result, string? Deleted)
{
    public PagerModel Pager => new(Result.Paging, "/admin/events", new Dictionary<string, string?>
    {
        ["tab"] = Result.Tab == EventTab.Upcoming ? null : Result.Tab.ToString().ToLowerInvariant(),
    });
}
