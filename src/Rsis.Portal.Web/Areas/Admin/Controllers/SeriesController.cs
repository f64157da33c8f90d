using Rsis.Portal.Application.PublicationSeries.CreateSeries;
using Rsis.Portal.Application.PublicationSeries.DeleteSeries;
using Rsis.Portal.Application.PublicationSeries.GetSeriesForEditing;
using Rsis.Portal.Application.PublicationSeries.ListSeriesForEditing;
using Rsis.Portal.Application.PublicationSeries.UpdateSeries;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.Web.Areas.Admin.Models;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff add, rename, reorder and remove series; a series with publications, or that the menu opens, cannot be removed.</summary>
[Route("admin/series")]
public sealed class SeriesController(ISender sender) : AdminController, IRedisplaysForms
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? deleted, CancellationToken cancellationToken)
    {
        ViewData["Deleted"] = deleted;
        return View(await sender.Send(new ListSeriesForEditing(), cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        // Offered last in the RSIS Publications group; staff can choose another group or place.
        var series = await sender.Send(new ListSeriesForEditing(), cancellationToken);
        var last = series.Where(s => s.Group == SeriesGroup.RsisPublications).Select(s => s.SortOrder).DefaultIfEmpty(0).Max();
        return View(new SeriesForm { SortOrder = (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(SeriesForm form, CancellationToken cancellationToken)
    {
        var id = await sender.Send(new CreateSeries(form.ToFields()), cancellationToken);
        return Redirect($"/admin/series/{id}/edit?saved=created");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, string? saved, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetSeriesForEditing(id), cancellationToken) is not { } series)
        {
            return NotFound();
        }

        ViewData["Saved"] = saved;
        return View(SeriesForm.From(series));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, SeriesForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return await sender.Send(new UpdateSeries(id, form.ConcurrencyToken, form.ToFields()), cancellationToken)
            ? Redirect($"/admin/series/{id}/edit?saved=updated")
            : NotFound();
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetSeriesForEditing(id), cancellationToken) is not { } series)
        {
            return NotFound();
        }

        return View(new DeleteSeriesForm { Id = id, ConcurrencyToken = series.ConcurrencyToken, Facts = series.Facts });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, DeleteSeriesForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var name = (await sender.Send(new GetSeriesForEditing(id), cancellationToken))?.Name;
        if (!await sender.Send(new DeleteSeries(id, form.ConcurrencyToken), cancellationToken))
        {
            return NotFound();
        }

        return Redirect("/admin/series?deleted=" + Uri.EscapeDataString(name ?? ""));
    }

    public async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        switch (form)
        {
            case SeriesForm series when !series.IsNew:
                series.Facts = (await sender.Send(new GetSeriesForEditing(series.Id), cancellationToken))?.Facts;
                break;
            case DeleteSeriesForm delete:
                delete.Facts = (await sender.Send(new GetSeriesForEditing(delete.Id), cancellationToken))?.Facts;
                break;
        }
    }
}
