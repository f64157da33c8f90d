using Rsis.Portal.Application.Navigation.CreateMenuEntry;
using Rsis.Portal.Application.Navigation.DeleteMenuEntry;
using Rsis.Portal.Application.Navigation.GetMenuEntryForEditing;
using Rsis.Portal.Application.Navigation.GetMenuForEditing;
using Rsis.Portal.Application.Navigation.MoveMenuEntry;
using Rsis.Portal.Application.Navigation.SetMenuEntryVisibility;
using Rsis.Portal.Application.Navigation.UpdateMenuEntry;
using Rsis.Portal.Web.Areas.Admin.Models;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff reshape the site menu: add, edit, move, hide and delete entries of its three levels.</summary>
[Route("admin/menu")]
public sealed class MenuController(ISender sender) : AdminController, IRedisplaysForms
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? entry, string? done, string? deleted, CancellationToken cancellationToken) =>
        View(new MenuTreePage
        {
            Menu = await sender.Send(new GetMenuForEditing(), cancellationToken),
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

    [HttpGet("new")]
    public async Task<IActionResult> Create(int? parentId, CancellationToken cancellationToken)
    {
        var form = new MenuEntryForm { ParentId = parentId, IsVisible = true };
        await PrepareAsync(form, cancellationToken);
        if (form.Choices.Parents.All(p => p.Id != parentId))
        {
            form.ParentId = null;
        }

        return View(form);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(MenuEntryForm form, CancellationToken cancellationToken)
    {
        var id = await sender.Send(new CreateMenuEntry(form.ToFields()), cancellationToken);
        return BackToTree(id, "added");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetMenuEntryForEditing(id), cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        var form = MenuEntryForm.From(entry);
        await PrepareAsync(form, cancellationToken);
        return View(form);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, MenuEntryForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return await sender.Send(new UpdateMenuEntry(id, form.ConcurrencyToken, form.ToFields()), cancellationToken) ? BackToTree(id, "saved") : NotFound();
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetMenuEntryForEditing(id), cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        return View(new DeleteMenuEntryForm { Id = id, ConcurrencyToken = entry.ConcurrencyToken, Facts = entry.Facts });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, DeleteMenuEntryForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var facts = (await sender.Send(new GetMenuEntryForEditing(id), cancellationToken))?.Facts;
        if (!await sender.Send(new DeleteMenuEntry(id, form.ConcurrencyToken), cancellationToken))
        {
            return NotFound();
        }

        return Redirect("/admin/menu?deleted=" + Uri.EscapeDataString(facts?.Title ?? ""));
    }

    public async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        switch (form)
        {
            case MenuEntryForm entry:
                await PrepareAsync(entry, cancellationToken);
                break;
            case DeleteMenuEntryForm delete:
                delete.Facts = (await sender.Send(new GetMenuEntryForEditing(delete.Id), cancellationToken))?.Facts;
                break;
            case MenuTreePage tree:
                tree.Menu = await sender.Send(new GetMenuForEditing(), cancellationToken);
                break;
        }
    }

    private async Task<IActionResult> MoveAsync(int id, MenuTreePage form, MoveDirection direction, CancellationToken cancellationToken) =>
        await sender.Send(new MoveMenuEntry(id, form.ConcurrencyToken, direction), cancellationToken) switch
        {
            MoveOutcome.Moved => BackToTree(id, direction == MoveDirection.Up ? "up" : "down"),
            MoveOutcome.AlreadyThere => BackToTree(id, direction == MoveDirection.Up ? "first" : "last"),
            _ => NotFound(),
        };

    private async Task<IActionResult> SetVisibilityAsync(int id, MenuTreePage form, bool isVisible, CancellationToken cancellationToken) =>
        await sender.Send(new SetMenuEntryVisibility(id, form.ConcurrencyToken, isVisible), cancellationToken)
            ? BackToTree(id, isVisible ? "shown" : "hidden")
            : NotFound();

    /// <summary>The tree, scrolled to the entry, with what happened said beside it.</summary>
    private RedirectResult BackToTree(int id, string done) => Redirect($"/admin/menu?entry={id}&done={done}#entry-{id}");

    private async Task PrepareAsync(MenuEntryForm form, CancellationToken cancellationToken)
    {
        form.Choices = await sender.Send(new GetMenuEntryFormChoices(form.Id == 0 ? null : form.Id), cancellationToken);
        if (form.Id > 0)
        {
            form.Facts = (await sender.Send(new GetMenuEntryForEditing(form.Id), cancellationToken))?.Facts;
        }
    }
}
