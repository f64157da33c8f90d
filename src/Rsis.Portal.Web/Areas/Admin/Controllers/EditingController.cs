using System.Reflection;

namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// The pages every editable item has — new, edit, delete — and the form shown again, with its facts, when a
/// save is refused. A type's controller says only which use cases it sends and how its form maps to them; the
/// views stay its own (<c>Views/{Type}/Create|Edit|Delete</c>).
/// </summary>
public abstract class EditingController<TItem, TFacts, TForm>(ISender sender) : AdminController, IRedisplaysForms
    where TItem : class, IForEditing<TFacts>
    where TFacts : class
    where TForm : ItemForm<TFacts>, new()
{
    protected ISender Sender => sender;

    /// <summary>
    /// The list of these items, from the controller's route (<c>/admin/authors</c>); the item's pages are below it.
    /// Written out rather than generated: the preview button's action shares the edit action's name.
    /// </summary>
    protected string ListAddress => "/" + GetType().GetCustomAttribute<RouteAttribute>()!.Template;

    protected abstract IQuery<TItem?> Load(int id);

    /// <summary>The form's fields filled from the item; which item, its token and its facts are set here.</summary>
    protected abstract TForm FormOf(TItem item);

    protected abstract ICommand<int> Creating(TForm form);

    protected abstract ICommand<bool> Updating(int id, TForm form);

    protected abstract ICommand<bool> Deleting(int id, Guid concurrencyToken);

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) => View(await NewFormAsync(cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create(TForm form, CancellationToken cancellationToken) =>
        AfterSave(await sender.Send(Creating(form), cancellationToken), created: true);

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, string? saved, CancellationToken cancellationToken)
    {
        if (await sender.Send(Load(id), cancellationToken) is not { } item)
        {
            return NotFound();
        }

        // The form carries the facts it was made from; only the choices are left to load.
        var form = FormOf(item);
        form.Id = item.Id;
        form.ConcurrencyToken = item.ConcurrencyToken;
        form.Facts = item.Facts;
        await AddChoicesAsync(form, cancellationToken);
        ViewData["Saved"] = saved;
        return View(form);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, TForm form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return await sender.Send(Updating(id, form), cancellationToken) ? AfterSave(id, created: false) : NotFound();
    }

    [HttpGet("{id:int}/delete")]
    public Task<IActionResult> Delete(int id, CancellationToken cancellationToken) => ConfirmationAsync(id, cancellationToken);

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, DeleteForm<TFacts> form, CancellationToken cancellationToken)
    {
        form.Id = id;
        var label = (await sender.Send(Load(id), cancellationToken))?.Label;
        return await sender.Send(Deleting(id, form.ConcurrencyToken), cancellationToken)
            ? Redirect($"{ListAddress}?deleted={Uri.EscapeDataString(label ?? "")}")
            : NotFound();
    }

    public virtual async Task PrepareRedisplayAsync(object form, CancellationToken cancellationToken)
    {
        switch (form)
        {
            case TForm item:
                item.Facts = item.IsNew ? null : (await sender.Send(Load(item.Id), cancellationToken))?.Facts;
                await AddChoicesAsync(item, cancellationToken);
                break;
            case DeleteForm<TFacts> delete:
                delete.Facts = (await sender.Send(Load(delete.Id), cancellationToken))?.Facts;
                break;
        }
    }

    /// <summary>A blank form for a new item, with its choices; a type may fill in a sensible start (the next place, today's date).</summary>
    protected virtual async Task<TForm> NewFormAsync(CancellationToken cancellationToken)
    {
        var form = new TForm();
        await AddChoicesAsync(form, cancellationToken);
        return form;
    }

    /// <summary>The lists a form picks from (series, parents), loaded each time it is shown.</summary>
    protected virtual Task AddChoicesAsync(TForm form, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The action's confirmation page (delete, cancel): the item's facts, and the version it asks about.</summary>
    protected async Task<IActionResult> ConfirmationAsync(int id, CancellationToken cancellationToken) =>
        await sender.Send(Load(id), cancellationToken) is { } item
            ? View(new DeleteForm<TFacts> { Id = id, ConcurrencyToken = item.ConcurrencyToken, Facts = item.Facts })
            : NotFound();

    /// <summary>A number from the query string (<c>/admin/menu/new?parentId=3</c>), or null.</summary>
    protected int? QueryNumber(string name) =>
        int.TryParse(Request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Back to the item's edit page, saying what happened.</summary>
    protected virtual IActionResult AfterSave(int id, bool created) =>
        Redirect($"{EditAddress(id)}?saved={(created ? "created" : "updated")}");

    protected string EditAddress(int id) => $"{ListAddress}/{id}/edit";
}
