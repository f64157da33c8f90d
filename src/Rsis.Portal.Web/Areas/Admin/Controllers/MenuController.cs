namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff reshape the site menu: add, edit, move, hide and delete entries of its three levels.</summary>
[Route("admin/menu")]
public sealed class MenuController(ISender sender) : EditingController<MenuEntryForEditing, MenuEntryFacts, MenuEntryForm>(sender)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? entry, string? done, string? deleted, CancellationToken cancellationToken) =>
        View(new MenuTreePage
        {
            Menu = await Sender.Send(new GetMenuForEditing(), cancellationToken),
            EntryId = entry,
            Done = done,
            Deleted = deleted,
        });

    // The tree's small forms are named "Index" so that a refused one (a stale token) shows the tree again,
    // with the message, through the ValidationFilter like any other form.
    [HttpPost("{id:int}/move-up"), ActionName(nameof(Index))]
    public Task<IActionResult> MoveUp([FromRoute] int id, MenuTreePage form, CancellationToken cancellationToken) =>
        MoveAsync(id, form, MoveDirection.Up, cancellationToken);

    [HttpPost("{id:int}/move-down"), ActionName(nameof(Index))]
    public Task<IActionResult> MoveDown([FromRoute] int id, MenuTreePage form, CancellationToken cancellationToken) =>
        MoveAsync(id, form, MoveDirection.Down, cancellationToken);

    [HttpPost("{id:int}/hide"), ActionName(nameof(Index))]
    public Task<IActionResult> Hide([FromRoute] int id, MenuTreePage form, CancellationToken cancellationToken) =>
        SetVisibilityAsync(id, form, isVisible: false, cancellationToken);

    [HttpPost("{id:int}/show"), ActionName(nameof(Index))]
    public Task<IActionResult> Show([FromRoute] int id, MenuTreePage form, CancellationToken cancellationToken) =>
        SetVisibilityAsync(id, form, isVisible: true, cancellationToken);

    public override async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        if (form is MenuTreePage tree)
        {
            tree.Menu = await Sender.Send(new GetMenuForEditing(), cancellationToken);
        }

        await base.PrepareRedisplayAsync(form, cancellationToken);
    }

    protected override IQuery<MenuEntryForEditing?> Load(int id) => new GetMenuEntryForEditing(id);

    protected override MenuEntryForm FormOf(MenuEntryForEditing item) => new() { Fields = item.Fields };

    protected override ICommand<int> Creating(MenuEntryForm form) => new CreateMenuEntry(form.Fields);

    protected override ICommand<bool> Updating(int id, MenuEntryForm form) => new UpdateMenuEntry(id, form.ConcurrencyToken, form.Fields);

    protected override ICommand<bool> Deleting(int id, Guid concurrencyToken) => new DeleteMenuEntry(id, concurrencyToken);

    /// <summary>A new entry under the parent it was asked for (<c>?parentId=</c>), when that can hold one.</summary>
    protected override async Task<MenuEntryForm> NewFormAsync(CancellationToken cancellationToken)
    {
        var form = new MenuEntryForm();
        await AddChoicesAsync(form, cancellationToken);
        var parentId = QueryNumber("parentId");
        form.Fields = new() { ParentId = form.Choices.Parents.Any(p => p.Id == parentId) ? parentId : null };
        return form;
    }

    protected override async Task AddChoicesAsync(MenuEntryForm form, CancellationToken cancellationToken) =>
        form.Choices = await Sender.Send(new GetMenuEntryFormChoices(form.IsNew ? null : form.Id), cancellationToken);

    protected override IActionResult AfterSave(int id, bool created) => BackToTree(id, created ? "added" : "saved");

    private async Task<IActionResult> MoveAsync(int id, MenuTreePage form, MoveDirection direction, CancellationToken cancellationToken) =>
        await Sender.Send(new MoveMenuEntry(id, form.ConcurrencyToken, direction), cancellationToken) switch
        {
            MoveOutcome.Moved => BackToTree(id, direction == MoveDirection.Up ? "up" : "down"),
            MoveOutcome.AlreadyThere => BackToTree(id, direction == MoveDirection.Up ? "first" : "last"),
            _ => NotFound(),
        };

    private async Task<IActionResult> SetVisibilityAsync(int id, MenuTreePage form, bool isVisible, CancellationToken cancellationToken) =>
        await Sender.Send(new SetMenuEntryVisibility(id, form.ConcurrencyToken, isVisible), cancellationToken)
            ? BackToTree(id, isVisible ? "shown" : "hidden")
            : NotFound();

    /// <summary>The tree, scrolled to the entry, with what happened said beside it.</summary>
    private RedirectResult BackToTree(int id, string done) => Redirect($"/admin/menu?entry={id}&done={done}#entry-{id}");
}
