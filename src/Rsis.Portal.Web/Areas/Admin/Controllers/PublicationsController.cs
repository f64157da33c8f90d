using Rsis.Portal.Application.Publications.AttachPublicationPdf;
using Rsis.Portal.Application.Publications.CreatePublication;
using Rsis.Portal.Application.Publications.DeletePublication;
using Rsis.Portal.Application.Publications.GetPublicationForEditing;
using Rsis.Portal.Application.Publications.GetPublicationFormChoices;
using Rsis.Portal.Application.Publications.ListPublicationsForEditing;
using Rsis.Portal.Application.Publications.PreviewPublication;
using Rsis.Portal.Application.Publications.PreviewPublicationBody;
using Rsis.Portal.Application.Publications.RemovePublicationPdf;
using Rsis.Portal.Application.Publications.SuggestPublicationCode;
using Rsis.Portal.Application.Publications.UpdatePublication;
using Rsis.Portal.Domain.Publications;
using Rsis.Portal.Web.Areas.Admin.Models;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff write, publish, fix and delete publications, and attach their PDFs.</summary>
[Route("admin/publications")]
public sealed class PublicationsController(ISender sender, TimeProvider time, SiteTime siteTime) : AdminController, IRedisplaysForms
{
    /// <summary>Room for the largest PDF accepted plus the form around it; the validator says "too large" to anything over 20 MB.</summary>
    private const long MaxUploadRequestBytes = 64L * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? seriesId, PublicationVisibility? status, int? page, string? deleted, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ListPublicationsForEditing(q, seriesId, status, page), cancellationToken);
        var choices = await sender.Send(new GetPublicationFormChoices(), cancellationToken);
        return View(new PublicationListPage(result, choices.Series, q, seriesId, status, deleted));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(int? seriesId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var form = new PublicationForm { PublishedOn = today, Status = PublicationStatus.Draft };
        await PrepareAsync(form, cancellationToken);
        form.SeriesId = seriesId ?? form.Choices.Series.FirstOrDefault(s => s.CodePrefix is not null)?.Id ?? 0;
        if (form.SeriesId > 0)
        {
            form.Code = await sender.Send(new SuggestPublicationCode(form.SeriesId, today.Year), cancellationToken);
        }

        return View(form);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(PublicationForm form, CancellationToken cancellationToken)
    {
        var id = await sender.Send(new CreatePublication(form.ToFields(siteTime)), cancellationToken);
        return Redirect($"/admin/publications/{id}/edit?saved=created");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, string? saved, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetPublicationForEditing(id), cancellationToken) is not { } publication)
        {
            return NotFound();
        }

        // The form carries the facts it was made from; only the choices are left to load.
        var form = PublicationForm.From(publication, siteTime);
        form.Choices = await sender.Send(new GetPublicationFormChoices(), cancellationToken);
        ViewData["Saved"] = saved;
        return View(form);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, PublicationForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var update = new UpdatePublication(id, form.ConcurrencyToken, form.ToFields(siteTime)) { CorrectionNote = form.CorrectionNote ?? "" };
        return await sender.Send(update, cancellationToken) ? Redirect($"/admin/publications/{id}/edit?saved=updated") : NotFound();
    }

    /// <summary>The publication as stored, drawn as readers will see it, whatever its status.</summary>
    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> PreviewSaved(int id, CancellationToken cancellationToken) =>
        await sender.Send(new PreviewPublication(id), cancellationToken) is { } article
            ? this.ArticlePreview(article, new PreviewNotice($"/admin/publications/{id}/edit"))
            : NotFound();

    /// <summary>
    /// The edit form's "Preview" button: the unsaved values drawn as readers would see them; nothing is saved.
    /// Named as the edit action, so a value that does not bind shows the form again with the message beside it.
    /// </summary>
    [HttpPost("{id:int}/preview")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> PreviewUnsaved([FromRoute] int id, PublicationForm form, CancellationToken cancellationToken) =>
        await sender.Send(new PreviewPublication(id, form.ToFields(siteTime)), cancellationToken) is { } article
            ? this.ArticlePreview(article, new PreviewNotice($"/admin/publications/{id}/edit", Unsaved: true))
            : NotFound();

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetPublicationForEditing(id), cancellationToken) is not { } publication)
        {
            return NotFound();
        }

        return View(new DeletePublicationForm { Id = id, ConcurrencyToken = publication.ConcurrencyToken, Facts = publication.Facts });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, DeletePublicationForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var facts = (await sender.Send(new GetPublicationForEditing(id), cancellationToken))?.Facts;
        if (!await sender.Send(new DeletePublication(id, form.ConcurrencyToken), cancellationToken))
        {
            return NotFound();
        }

        return Redirect("/admin/publications?deleted=" + Uri.EscapeDataString(facts?.Code ?? ""));
    }

    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, string? saved, CancellationToken cancellationToken)
    {
        var form = new PdfUploadForm { Id = id };
        await PrepareAsync(form, cancellationToken);
        ViewData["Saved"] = saved;
        return form.Facts is null ? NotFound() : View(form);
    }

    [HttpPost("{id:int}/pdf")]
    [RequestSizeLimit(MaxUploadRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadRequestBytes)]
    public async Task<IActionResult> Pdf([FromRoute] int id, PdfUploadForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var content = await ReadAtMostAsync(form.File, Domain.Publications.PublicationPdf.MaxUploadBytes + 1, cancellationToken);
        var attached = await sender.Send(new AttachPublicationPdf(id, form.File?.FileName ?? "", content), cancellationToken);
        return attached ? Redirect($"/admin/publications/{id}/pdf?saved=uploaded") : NotFound();
    }

    [HttpPost("{id:int}/pdf/remove")]
    public async Task<IActionResult> RemovePdf(int id, CancellationToken cancellationToken) =>
        await sender.Send(new RemovePublicationPdf(id), cancellationToken)
            ? Redirect($"/admin/publications/{id}/pdf?saved=removed")
            : NotFound();

    /// <summary>The live preview: the body as the article page will show it, sanitized.</summary>
    [HttpPost("preview")]
    [RequestSizeLimit(1024 * 1024)]
    public async Task<IActionResult> Preview([FromForm] string? markdown, CancellationToken cancellationToken) =>
        Json(new { html = await sender.Send(new PreviewPublicationBody(markdown), cancellationToken) });

    [HttpGet("suggest-code")]
    public async Task<IActionResult> SuggestCode(int seriesId, int year, CancellationToken cancellationToken) =>
        Json(new { code = await sender.Send(new SuggestPublicationCode(seriesId, year), cancellationToken) });

    public async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        switch (form)
        {
            case PublicationForm publication:
                await PrepareAsync(publication, cancellationToken);
                break;
            case PdfUploadForm upload:
                await PrepareAsync(upload, cancellationToken);
                break;
            case DeletePublicationForm delete:
                delete.Facts = (await sender.Send(new GetPublicationForEditing(delete.Id), cancellationToken))?.Facts;
                break;
        }
    }

    private async Task PrepareAsync(PublicationForm form, CancellationToken cancellationToken)
    {
        form.Choices = await sender.Send(new GetPublicationFormChoices(), cancellationToken);
        if (form.Id > 0)
        {
            form.Facts = (await sender.Send(new GetPublicationForEditing(form.Id), cancellationToken))?.Facts;
        }
    }

    private async Task PrepareAsync(PdfUploadForm form, CancellationToken cancellationToken) =>
        form.Facts = (await sender.Send(new GetPublicationForEditing(form.Id), cancellationToken))?.Facts;

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes: one past the largest PDF accepted is enough for the
    /// validator to say "too large", and a 60 MB upload never sits whole in memory.
    /// </summary>
    private static async Task<byte[]> ReadAtMostAsync(IFormFile? file, int limit, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return [];
        }

        await using var stream = file.OpenReadStream();
        var buffer = new byte[(int)Math.Min(file.Length, limit)];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
