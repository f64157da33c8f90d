namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff write content pages; a page the menu opens cannot be removed.</summary>
[Route("admin/pages")]
public sealed class PagesController(ISender sender) : PreviewingController<PageForEditing, PageFacts, PageForm, ContentPage>(sender)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? deleted, CancellationToken cancellationToken)
    {
        ViewData["Deleted"] = deleted;
        return View(await Sender.Send(new ListPagesForEditing(), cancellationToken));
    }

    protected override IQuery<ContentPage?> Previewing(int id, PageForm? unsaved) => new PreviewPage(id, unsaved?.Fields);

    protected override ViewResult Draw(ContentPage preview, PreviewNotice notice) => this.PagePreview(preview, notice);

    protected override IQuery<PageForEditing?> Load(int id) => new GetPageForEditing(id);

    protected override PageForm FormOf(PageForEditing item) => new() { Fields = item.Fields };

    protected override ICommand<int> Creating(PageForm form) => new CreatePage(form.Fields);

    protected override ICommand<bool> Updating(int id, PageForm form) => new UpdatePage(id, form.ConcurrencyToken, form.Fields);

    protected override ICommand<bool> Deleting(int id, Guid concurrencyToken) => new DeletePage(id, concurrencyToken);
}
