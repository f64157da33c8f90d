namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff add, correct and remove authors; an author still in a byline cannot be removed.</summary>
[Route("admin/authors")]
public sealed class AuthorsController(ISender sender) : EditingController<AuthorForEditing, AuthorFacts, AuthorForm>(sender)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? page, string? deleted, CancellationToken cancellationToken) =>
        View(new AuthorListPage(await Sender.Send(new ListAuthorsForEditing(q, page), cancellationToken), q, deleted));

    protected override IQuery<AuthorForEditing?> Load(int id) => new GetAuthorForEditing(id);

    protected override AuthorForm FormOf(AuthorForEditing item) => new() { Fields = item.Fields };

    protected override ICommand<int> Creating(AuthorForm form) => new CreateAuthor(form.Fields);

    protected override ICommand<bool> Updating(int id, AuthorForm form) => new UpdateAuthor(id, form.ConcurrencyToken, form.Fields);

    protected override ICommand<bool> Deleting(int id, Guid concurrencyToken) => new DeleteAuthor(id, concurrencyToken);
}
