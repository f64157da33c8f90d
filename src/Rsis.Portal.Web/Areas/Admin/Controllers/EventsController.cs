namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff announce, change, cancel and delete events.</summary>
[Route("admin/events")]
public sealed class EventsController(ISender sender, TimeProvider time, SiteTime siteTime)
    : PreviewingController<EventForEditing, EventFacts, EventForm, EventPage>(sender)
{
    /// <summary>Upcoming (the default), past or drafts: <c>?tab=past</c>.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(EventTab? tab, int? page, string? deleted, CancellationToken cancellationToken) =>
        View(new EventListPage(await Sender.Send(new ListEventsForEditing(tab ?? EventTab.Upcoming, page), cancellationToken), deleted));

    /// <summary>"Cancel this event?": the page stays up, saying so; calendars receive it as cancelled.</summary>
    [HttpGet("{id:int}/cancel")]
    public Task<IActionResult> Cancel(int id, CancellationToken cancellationToken) => ConfirmationAsync(id, cancellationToken);

    /// <summary>Cancels the version the confirmation showed; refused (shown again, saying why) when it changed since.</summary>
    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel([FromRoute] int id, DeleteForm<EventFacts> form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return await Sender.Send(new CancelEvent(id, form.ConcurrencyToken), cancellationToken)
            ? Redirect($"{EditAddress(id)}?saved=cancelled")
            : NotFound();
    }

    protected override IQuery<EventPage?> Previewing(int id, EventForm? unsaved) => new PreviewEvent(id, unsaved?.ToFields());

    protected override ViewResult Draw(EventPage preview, PreviewNotice notice) => this.EventPreview(preview, notice);

    protected override IQuery<EventForEditing?> Load(int id) => new GetEventForEditing(id);

    protected override EventForm FormOf(EventForEditing item) => EventForm.From(item);

    protected override ICommand<int> Creating(EventForm form) => new CreateEvent(form.ToFields());

    protected override ICommand<bool> Updating(int id, EventForm form) => new UpdateEvent(id, form.ConcurrencyToken, form.ToFields());

    protected override ICommand<bool> Deleting(int id, Guid concurrencyToken) => new DeleteEvent(id, concurrencyToken);

    /// <summary>A draft a week from today, 09:00 to 10:30 on the site's clock: a start to change, not a blank.</summary>
    protected override async Task<EventForm> NewFormAsync(CancellationToken cancellationToken)
    {
        var day = siteTime.ToSite(time.GetUtcNow().UtcDateTime).Date.AddDays(7);
        var form = new EventForm { Status = EventStatus.Draft, StartsAt = day.AddHours(9), EndsAt = day.AddHours(10.5) };
        await AddChoicesAsync(form, cancellationToken);
        return form;
    }

    protected override async Task AddChoicesAsync(EventForm form, CancellationToken cancellationToken) =>
        form.Choices = await Sender.Send(new GetPublicationFormChoices(), cancellationToken);
}
