namespace Rsis.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// An editing controller whose items readers see as a page of their own (publications, content pages): staff
/// can look at the stored item, or at the edit form's unsaved values, drawn as readers will see them.
/// </summary>
public abstract class PreviewingController<TItem, TFacts, TForm, TPreview>(ISender sender)
    : EditingController<TItem, TFacts, TForm>(sender)
    where TItem : class, Application.Common.Editing.IForEditing<TFacts>
    where TFacts : class
    where TForm : ItemForm<TFacts>, new()
    where TPreview : class
{
    /// <summary>The item drawn for readers: as stored, or with <paramref name="unsaved"/>'s values.</summary>
    protected abstract IQuery<TPreview?> Previewing(int id, TForm? unsaved);

    protected abstract ViewResult Draw(TPreview preview, PreviewNotice notice);

    /// <summary>The item as stored, drawn as readers will see it, whatever its status.</summary>
    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> PreviewSaved(int id, CancellationToken cancellationToken) =>
        await Sender.Send(Previewing(id, unsaved: null), cancellationToken) is { } preview
            ? Draw(preview, new PreviewNotice(EditAddress(id)))
            : NotFound();

    /// <summary>
    /// The edit form's "Preview" button: the unsaved values drawn as readers would see them; nothing is saved.
    /// Named as the edit action, so a value that does not bind shows the form again with the message beside it.
    /// </summary>
    [HttpPost("{id:int}/preview")]
    [ActionName(nameof(Edit))]
    public async Task<IActionResult> PreviewUnsaved([FromRoute] int id, TForm form, CancellationToken cancellationToken) =>
        await Sender.Send(Previewing(id, form), cancellationToken) is { } preview
            ? Draw(preview, new PreviewNotice(EditAddress(id), Unsaved: true))
            : NotFound();
}
