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

/// <summary>
/// A form that is its type's fields record and nothing else: the record the commands derive from is bound as it
/// is posted, under the fields' own names (<c>Name</c>, not <c>Fields.Name</c>), so the validators' messages,
/// which name the commands' properties, land beside the right fields.
/// </summary>
public abstract class ItemForm<TFields, TFacts> : ItemForm<TFacts> where TFields : new() where TFacts : class
{
    [ModelBinder(Name = "")]
    public TFields Fields { get; set; } = new();
}

/// <summary>A delete confirmation as posted: the version the person saw.</summary>
public sealed class DeleteForm<TFacts> : ItemForm<TFacts> where TFacts : class;
