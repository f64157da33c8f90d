using Rsis.Portal.Domain.Common;

namespace Rsis.Portal.Application.Common.Editing;

/// <summary>
/// What the history screens need of an editable type without knowing its classes: its name, how to show a stored
/// version's fields, and the update command that brings a version back.
/// </summary>
public interface IEditableKind
{
    /// <summary>The name the audit log and the revisions give the type, e.g. "Publication".</summary>
    string EntityType { get; }

    /// <summary>"this publication", for messages.</summary>
    string What { get; }

    /// <summary>The item's name for staff and its current token, or null when there is no such item.</summary>
    Task<EditedItemHeading?> FindAsync(IPortalDbContext db, int id, CancellationToken cancellationToken);

    /// <summary>A stored version's fields, labelled, in the order of the edit form.</summary>
    Task<IReadOnlyList<RevisionField>> DescribeAsync(IPortalDbContext db, string snapshot, CancellationToken cancellationToken);

    /// <summary>The type's own update command, carrying the fields of version <paramref name="number"/>: a restore is a save.</summary>
    ICommand<bool> RestoreCommand(int id, Guid concurrencyToken, string snapshot, int number);
}

/// <summary>An item as its history screen heads it.</summary>
public sealed record EditedItemHeading(int Id, string Label, Guid ConcurrencyToken);

/// <summary>Who is saving, and when: for the audit entries a kind writes about other items.</summary>
public sealed record EditStamp(string By, DateTime AtUtc);

/// <summary>One field of a stored version: long texts (bodies) are compared word by word, the rest as values.</summary>
public sealed record RevisionField(string Label, string Value, bool IsLongText = false);

/// <summary>
/// An editable type declared for the <see cref="ItemEditor"/>: its fields (<typeparamref name="TFields"/>, the
/// record its create and update commands derive from and its versions are stored as), how they are read off and
/// written onto an item, and its public address. Everything else about a save — the token, the stamps, the audit
/// entry, the version, the redirect from a moved address — is the editor's, the same for every type.
/// </summary>
public abstract class EditableKind<TItem, TFields> : IEditableKind
    where TItem : class, IEdited
    where TFields : class
{
    public abstract string EntityType { get; }
    public abstract string What { get; }

    /// <summary>The item with what <see cref="FieldsOf"/>, <see cref="ApplyAsync"/> and <see cref="AddressOf"/> read.</summary>
    public virtual IQueryable<TItem> Loading(IQueryable<TItem> items) => items;

    /// <summary>How staff recognise the item in the audit log: a name, a title, a code.</summary>
    public abstract string LabelOf(TItem item);

    /// <summary>Other types saved under this item's token, whose audit entries also say who saved it last.</summary>
    public virtual IReadOnlyList<string> SharesTokenWith => [];

    /// <summary>What the audit log calls <see cref="LabelOf"/>'s field when the item is deleted.</summary>
    public virtual string LabelField => "Title";

    /// <summary>The item's fields as staff set them: what a version stores and what its edit form shows.</summary>
    public abstract TFields FieldsOf(TItem item);

    /// <summary>
    /// <see cref="FieldsOf"/>, for a type whose fields include rows the item does not hold (the settings' footer
    /// links): read as this save leaves them, before it is written.
    /// </summary>
    public virtual Task<TFields> ReadFieldsAsync(IPortalDbContext db, TItem item, CancellationToken cancellationToken) =>
        Task.FromResult(FieldsOf(item));

    /// <summary>Writes the fields onto the item, cleaned as stored, noting each change for the audit log.</summary>
    public abstract Task<ChangeList> ApplyAsync(IPortalDbContext db, TItem item, TFields fields, CancellationToken cancellationToken);

    /// <summary>The item's public address, when it has one; a save that moves it leaves a 301 behind.</summary>
    public virtual string? AddressOf(TItem item) => null;

    /// <summary>Whether readers can see the item at <paramref name="nowUtc"/>; a type with no such state is always false.</summary>
    public virtual bool IsPublic(TItem item, DateTime nowUtc) => false;

    /// <summary>
    /// What the save that makes the item public adds to itself (the subscribers' outbox rows: see
    /// <c>SubscriberNotices</c>), in the same transaction. Called once the item has its id, when a create makes it
    /// public or an update turns it from not public to public; a scheduled item that comes out without a save is
    /// the scheduled-publishing job's to announce.
    /// </summary>
    public virtual Task OnComingOutAsync(IPortalDbContext db, TItem item, DateTime nowUtc, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The fields of a version, labelled for the compare screen.</summary>
    public abstract Task<IReadOnlyList<RevisionField>> DescribeAsync(IPortalDbContext db, TFields fields, CancellationToken cancellationToken);

    /// <summary>The type's update command over <paramref name="fields"/>.</summary>
    protected abstract ICommand<bool> Update(int id, Guid concurrencyToken, TFields fields, int? restores);

    /// <summary>
    /// What a deletion does besides removing the item (a category is taken off its publications), noted in
    /// <paramref name="changes"/>; the rules that refuse a deletion are the delete command's validator's.
    /// </summary>
    public virtual Task OnDeletingAsync(IPortalDbContext db, TItem item, ChangeList changes, EditStamp stamp, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// The refusal when the database turned a deletion down because something started using the item between the
    /// check and the delete (a foreign key); null when nothing can.
    /// </summary>
    public virtual string? StillInUse(TItem item) => null;

    public async Task<EditedItemHeading?> FindAsync(IPortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var item = await ItemEditor.FindAsync(db, this, id, tracked: false, cancellationToken);
        return item is null ? null : new EditedItemHeading(item.Id, LabelOf(item), item.ConcurrencyToken);
    }

    public Task<IReadOnlyList<RevisionField>> DescribeAsync(IPortalDbContext db, string snapshot, CancellationToken cancellationToken) =>
        DescribeAsync(db, Revisions.Read<TFields>(snapshot), cancellationToken);

    public ICommand<bool> RestoreCommand(int id, Guid concurrencyToken, string snapshot, int number) =>
        Update(id, concurrencyToken, Revisions.Read<TFields>(snapshot), number);
}

/// <summary>What every update command carries besides its fields: which item, which version of it the form showed.</summary>
public interface IUpdates
{
    int Id { get; }
    Guid ConcurrencyToken { get; }

    /// <summary>Set when the save brings back an earlier version, which its own version then says.</summary>
    int? Restores { get; }
}

/// <summary>A deletion: which item, and the version the confirmation page showed.</summary>
public interface IDeletes
{
    int Id { get; }
    Guid ConcurrencyToken { get; }
}
