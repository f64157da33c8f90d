namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff add, rename, reorder and remove series; a series with publications, or that the menu opens, cannot be removed.</summary>
[Route("admin/series")]
public sealed class SeriesController(ISender sender) : EditingController<SeriesForEditing, SeriesFacts, SeriesForm>(sender)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? deleted, CancellationToken cancellationToken)
    {
        ViewData["Deleted"] = deleted;
        return View(await Sender.Send(new ListSeriesForEditing(), cancellationToken));
    }

    protected override IQuery<SeriesForEditing?> Load(int id) => new GetSeriesForEditing(id);

    protected override SeriesForm FormOf(SeriesForEditing item) => SeriesForm.From(item);

    protected override ICommand<int> Creating(SeriesForm form) => new CreateSeries(form.ToFields());

    protected override ICommand<bool> Updating(int id, SeriesForm form) => new UpdateSeries(id, form.ConcurrencyToken, form.ToFields());

    protected override ICommand<bool> Deleting(int id, Guid concurrencyToken) => new DeleteSeries(id, concurrencyToken);

    /// <summary>Offered last in the RSIS Publications group; staff can choose another group or place.</summary>
    protected override async Task<SeriesForm> NewFormAsync(CancellationToken cancellationToken)
    {
        var series = await Sender.Send(new ListSeriesForEditing(), cancellationToken);
        var last = series.Where(s => s.Group == SeriesGroup.RsisPublications).Select(s => s.SortOrder).DefaultIfEmpty(0).Max();
        return new SeriesForm { SortOrder = (last + 1).ToString(CultureInfo.InvariantCulture) };
    }
}
