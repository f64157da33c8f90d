namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff add, rename and remove categories; removing one takes it off its publications.</summary>
[Route("admin/categories")]
public sealed class CategoriesController(ISender sender) : EditingController<CategoryForEditing, CategoryFacts, CategoryForm>(sender)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? deleted, CancellationToken cancellationToken)
    {
        ViewData["Deleted"] = deleted;
        return View(await Sender.Send(new ListCategoriesForEditing(), cancellationToken));
    }

    protected override IQuery<CategoryForEditing?> Load(int id) => new GetCategoryForEditing(id);

    protected override CategoryForm FormOf(CategoryForEditing item) => new() { Fields = item.Fields };

    protected override ICommand<int> Creating(CategoryForm form) => new CreateCategory(form.Fields);

    protected override ICommand<bool> Updating(int id, CategoryForm form) => new UpdateCategory(id, form.ConcurrencyToken, form.Fields);

    protected override ICommand<bool> Deleting(int id, Guid concurrencyToken) => new DeleteCategory(id, concurrencyToken);
}
