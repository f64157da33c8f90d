using Rsis.Portal.Application.Pages.CreatePage;
using Rsis.Portal.Application.Pages.DeletePage;
using Rsis.Portal.Application.Pages.GetPageForEditing;
using Rsis.Portal.Application.Pages.ListPagesForEditing;
using Rsis.Portal.Application.Pages.PreviewPage;
using Rsis.Portal.Application.Pages.UpdatePage;
using Rsis.Portal.Web.Areas.Admin.Models;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff write content pages; a page the menu opens cannot be removed.</summary>
[Route("admin/pages")]
public sealed class PagesController(ISender sender) : AdminController, IRedisplaysForms
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? deleted, CancellationToken cancellationToken)
    {
        ViewData["Deleted"] = deleted;
        return View(await sender.Send(new ListPagesForEditing(), cancellationToken));
    }

    [HttpGet("new")]
    public IActionResult Create() => View(new PageForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(PageForm form, CancellationToken cancellationToken)
    {
        var id = await sender.Send(new CreatePage(form.ToFields()), cancellationToken);
        return Redirect($"/admin/pages/{id}/edit?saved=created");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, string? saved, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetPageForEditing(id), cancellationToken) is not { } contentPage)
        {
            return NotFound();
        }

        ViewData["Saved"] = saved;
        return View(PageForm.From(contentPage));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, PageForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return await sender.Send(new UpdatePage(id, form.ConcurrencyToken, form.ToFields()), cancellationToken)
            ? Redirect($"/admin/pages/{id}/edit?saved=updated")
            : NotFound();
    }

    /// <summary>The page as stored, drawn as readers see it.</summary>
    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> PreviewSaved(int id, CancellationToken cancellationToken) =>
        await sender.Send(new PreviewPage(id), cancellationToken) is { } contentPage
            ? this.PagePreview(contentPage, new PreviewNotice($"/admin/pages/{id}/edit"))
            : NotFound();

    /// <summary>
    /// The edit form's "Preview" button: the unsaved values drawn as readers would see them; nothing is saved.
    /// Named as the edit action, so a value that does not bind shows the form again with the message beside it.
    /// </summary>
    [HttpPost("{id:int}/preview")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> PreviewUnsaved([FromRoute] int id, PageForm form, CancellationToken cancellationToken) =>
        await sender.Send(new PreviewPage(id, form.ToFields()), cancellationToken) is { } contentPage
            ? this.PagePreview(contentPage, new PreviewNotice($"/admin/pages/{id}/edit", Unsaved: true))
            : NotFound();

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetPageForEditing(id), cancellationToken) is not { } contentPage)
        {
            return NotFound();
        }

        return View(new DeletePageForm { Id = id, ConcurrencyToken = contentPage.ConcurrencyToken, Facts = contentPage.Facts });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, DeletePageForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var name = (await sender.Send(new GetPageForEditing(id), cancellationToken))?.Title;
        if (!await sender.Send(new DeletePage(id, form.ConcurrencyToken), cancellationToken))
        {
            return NotFound();
        }

        return Redirect("/admin/pages?deleted=" + Uri.EscapeDataString(name ?? ""));
    }

    public async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        switch (form)
        {
            case PageForm contentPage when !contentPage.IsNew:
                contentPage.Facts = (await sender.Send(new GetPageForEditing(contentPage.Id), cancellationToken))?.Facts;
                break;
            case DeletePageForm delete:
                delete.Facts = (await sender.Send(new GetPageForEditing(delete.Id), cancellationToken))?.Facts;
                break;
        }
    }
}
