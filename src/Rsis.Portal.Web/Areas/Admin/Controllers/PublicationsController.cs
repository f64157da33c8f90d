namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff write, publish, fix and delete publications, and attach their PDFs.</summary>
[Route("admin/publications")]
public sealed class PublicationsController(ISender sender, TimeProvider time, SiteTime siteTime)
    : PreviewingController<PublicationForEditing, PublicationFacts, PublicationForm, ArticlePage>(sender)
{
    /// <summary>Room for the largest PDF accepted plus the form around it; the validator says "too large" to anything over 20 MB.</summary>
    private const long MaxUploadRequestBytes = 64L * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? seriesId, PublicationVisibility? status, int? page, string? deleted, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ListPublicationsForEditing(q, seriesId, status, page), cancellationToken);
        var choices = await Sender.Send(new GetPublicationFormChoices(), cancellationToken);
        return View(new PublicationListPage(result, choices.Series, q, seriesId, status, deleted));
    }

    [HttpGet("{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, string? saved, CancellationToken cancellationToken)
    {
        ViewData["Saved"] = saved;
        return await Sender.Send(Load(id), cancellationToken) is { } publication
            ? View(new PdfUploadForm { Id = id, Facts = publication.Facts })
            : NotFound();
    }

    [HttpPost("{id:int}/pdf")]
    [RequestSizeLimit(MaxUploadRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadRequestBytes)]
    public async Task<IActionResult> Pdf([FromRoute] int id, PdfUploadForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var content = await form.File.ReadAtMostAsync(Domain.Publications.PublicationPdf.MaxUploadBytes + 1, cancellationToken);
        var attached = await Sender.Send(new AttachPublicationPdf(id, form.File?.FileName ?? "", content), cancellationToken);
        return attached ? Redirect($"/admin/publications/{id}/pdf?saved=uploaded") : NotFound();
    }

    [HttpPost("{id:int}/pdf/remove")]
    public async Task<IActionResult> RemovePdf(int id, CancellationToken cancellationToken) =>
        await Sender.Send(new RemovePublicationPdf(id), cancellationToken)
            ? Redirect($"/admin/publications/{id}/pdf?saved=removed")
            : NotFound();

    /// <summary>The live preview: the body as the article page will show it, sanitized.</summary>
    [HttpPost("preview")]
    [RequestSizeLimit(1024 * 1024)]
    public async Task<IActionResult> Preview([FromForm] string? markdown, CancellationToken cancellationToken) =>
        Json(new { html = await Sender.Send(new PreviewPublicationBody(markdown), cancellationToken) });

    [HttpGet("suggest-code")]
    public async Task<IActionResult> SuggestCode(int seriesId, int year, CancellationToken cancellationToken) =>
        Json(new { code = await Sender.Send(new SuggestPublicationCode(seriesId, year), cancellationToken) });

    public override async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        if (form is PdfUploadForm upload)
        {
            upload.Facts = (await Sender.Send(Load(upload.Id), cancellationToken))?.Facts;
        }

        await base.PrepareRedisplayAsync(form, cancellationToken);
    }

    protected override IQuery<ArticlePage?> Previewing(int id, PublicationForm? unsaved) =>
        new PreviewPublication(id, unsaved?.ToFields(siteTime));

    protected override ViewResult Draw(ArticlePage preview, PreviewNotice notice) => this.ArticlePreview(preview, notice);

    protected override IQuery<PublicationForEditing?> Load(int id) => new GetPublicationForEditing(id);

    protected override PublicationForm FormOf(PublicationForEditing item) => PublicationForm.From(item, siteTime);

    protected override ICommand<int> Creating(PublicationForm form) => new CreatePublication(form.ToFields(siteTime));

    protected override ICommand<bool> Updating(int id, PublicationForm form) =>
        new UpdatePublication(id, form.ConcurrencyToken, form.ToFields(siteTime)) { CorrectionNote = form.CorrectionNote ?? "" };

    protected override ICommand<bool> Deleting(int id, Guid concurrencyToken) => new DeletePublication(id, concurrencyToken);

    /// <summary>A draft dated today, in the series asked for (<c>?seriesId=</c>) or the first with codes, with the next code.</summary>
    protected override async Task<PublicationForm> NewFormAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var form = new PublicationForm { PublishedOn = today, Status = PublicationStatus.Draft };
        await AddChoicesAsync(form, cancellationToken);
        form.SeriesId = QueryNumber("seriesId") ?? form.Choices.Series.FirstOrDefault(s => s.CodePrefix is not null)?.Id ?? 0;
        if (form.SeriesId > 0)
        {
            form.Code = await Sender.Send(new SuggestPublicationCode(form.SeriesId, today.Year), cancellationToken);
        }

        return form;
    }

    protected override async Task AddChoicesAsync(PublicationForm form, CancellationToken cancellationToken) =>
        form.Choices = await Sender.Send(new GetPublicationFormChoices(), cancellationToken);
}
