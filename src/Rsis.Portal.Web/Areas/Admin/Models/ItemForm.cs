namespace Rsis.Portal.Web.Areas.Admin.Models;

/// <summary>
/// What every edit form of an editable item carries besides its fields: which item (from the address), the
/// version the person saw, and the facts shown beside the form.
/// </summary>
public abstract class ItemForm<TFacts> where TFacts : class
{
    // From the address, never from the posted fields; bound even when another field fails to bind, so a
    // form refused before its action runs still comes back for the right item.
    [FromRoute]
    public int Id { get; set; }
    public Guid ConcurrencyToken { get; set; }

    /// <summary>The item as stored, when editing one.</summary>
    [BindNever]
    public TFacts? Facts { get; set; }

    public bool IsNew => Id == 0;
}

/// <summary>A delete confirmation as posted: the version the person saw.</summary>
public sealed class DeleteForm<TFacts> : ItemForm<TFacts> where TFacts : class;
