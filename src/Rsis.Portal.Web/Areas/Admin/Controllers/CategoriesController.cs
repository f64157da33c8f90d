using Rsis.Portal.Application.Categories.CreateCategory;
using Rsis.Portal.Application.Categories.DeleteCategory;
using Rsis.Portal.Application.Categories.GetCategoryForEditing;
using Rsis.Portal.Application.Categories.ListCategoriesForEditing;
using Rsis.Portal.Application.Categories.UpdateCategory;
using Rsis.Portal.Web.Areas.Admin.Models;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff add, rename and remove categories; removing one takes it off its publications.</summary>
[Route("admin/categories")]
public sealed class CategoriesController(ISender sender) : AdminController, IRedisplaysForms
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? deleted, CancellationToken cancellationToken)
    {
        ViewData["Deleted"] = deleted;
        return View(await sender.Send(new ListCategoriesForEditing(), cancellationToken));
    }

    [HttpGet("new")]
    public IActionResult Create() => View(new CategoryForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(CategoryForm form, CancellationToken cancellationToken)
    {
        var id = await sender.Send(new CreateCategory(form.ToFields()), cancellationToken);
        return Redirect($"/admin/categories/{id}/edit?saved=created");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, string? saved, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetCategoryForEditing(id), cancellationToken) is not { } category)
        {
            return NotFound();
        }

        ViewData["Saved"] = saved;
        return View(CategoryForm.From(category));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, CategoryForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return await sender.Send(new UpdateCategory(id, form.ConcurrencyToken, form.ToFields()), cancellationToken)
            ? Redirect($"/admin/categories/{id}/edit?saved=updated")
            : NotFound();
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetCategoryForEditing(id), cancellationToken) is not { } category)
        {
            return NotFound();
        }

        return View(new DeleteCategoryForm { Id = id, ConcurrencyToken = category.ConcurrencyToken, Facts = category.Facts });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, DeleteCategoryForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var name = (await sender.Send(new GetCategoryForEditing(id), cancellationToken))?.Name;
        if (!await sender.Send(new DeleteCategory(id, form.ConcurrencyToken), cancellationToken))
        {
            return NotFound();
        }

        return Redirect("/admin/categories?deleted=" + Uri.EscapeDataString(name ?? ""));
    }

    public async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        switch (form)
        {
            case CategoryForm category when !category.IsNew:
                category.Facts = (await sender.Send(new GetCategoryForEditing(category.Id), cancellationToken))?.Facts;
                break;
            case DeleteCategoryForm delete:
                delete.Facts = (await sender.Send(new GetCategoryForEditing(delete.Id), cancellationToken))?.Facts;
                break;
        }
    }
}
