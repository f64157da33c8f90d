using Rsis.Portal.Application.Authors.CreateAuthor;
using Rsis.Portal.Application.Authors.DeleteAuthor;
using Rsis.Portal.Application.Authors.GetAuthorForEditing;
using Rsis.Portal.Application.Authors.ListAuthorsForEditing;
using Rsis.Portal.Application.Authors.UpdateAuthor;
using Rsis.Portal.Web.Areas.Admin.Models;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff add, correct and remove authors; an author still in a byline cannot be removed.</summary>
[Route("admin/authors")]
public sealed class AuthorsController(ISender sender) : AdminController, IRedisplaysForms
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? page, string? deleted, CancellationToken cancellationToken) =>
        View(new AuthorListPage(await sender.Send(new ListAuthorsForEditing(q, page), cancellationToken), q, deleted));

    [HttpGet("new")]
    public IActionResult Create() => View(new AuthorForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(AuthorForm form, CancellationToken cancellationToken)
    {
        var id = await sender.Send(new CreateAuthor(form.ToFields()), cancellationToken);
        return Redirect($"/admin/authors/{id}/edit?saved=created");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, string? saved, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetAuthorForEditing(id), cancellationToken) is not { } author)
        {
            return NotFound();
        }

        ViewData["Saved"] = saved;
        return View(AuthorForm.From(author));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, AuthorForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return await sender.Send(new UpdateAuthor(id, form.ConcurrencyToken, form.ToFields()), cancellationToken)
            ? Redirect($"/admin/authors/{id}/edit?saved=updated")
            : NotFound();
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetAuthorForEditing(id), cancellationToken) is not { } author)
        {
            return NotFound();
        }

        return View(new DeleteAuthorForm { Id = id, ConcurrencyToken = author.ConcurrencyToken, Facts = author.Facts });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, DeleteAuthorForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var name = (await sender.Send(new GetAuthorForEditing(id), cancellationToken))?.Name;
        if (!await sender.Send(new DeleteAuthor(id, form.ConcurrencyToken), cancellationToken))
        {
            return NotFound();
        }

        return Redirect("/admin/authors?deleted=" + Uri.EscapeDataString(name ?? ""));
    }

    public async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        switch (form)
        {
            case AuthorForm author when !author.IsNew:
                author.Facts = (await sender.Send(new GetAuthorForEditing(author.Id), cancellationToken))?.Facts;
                break;
            case DeleteAuthorForm delete:
                delete.Facts = (await sender.Send(new GetAuthorForEditing(delete.Id), cancellationToken))?.Facts;
                break;
        }
    }
}
