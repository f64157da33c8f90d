namespace Rsis.Portal.Application.Navigation.UpdateMenuEntry;

/// <summary>
/// Saves the admin form (or an earlier version) over a menu entry: rename, re-target, hide, or move under another
/// parent (where it goes last). Refused, with the typed values kept, when someone else changed the entry after the
/// form was opened.
/// </summary>
public sealed record UpdateMenuEntry : MenuEntryFields, IUpdates, ICommand<bool>, IChangesPublicPages
{
    public UpdateMenuEntry(int id, Guid concurrencyToken, MenuEntryFields fields) : base(fields)
    {
        Id = id;
        ConcurrencyToken = concurrencyToken;
    }

    public int Id { get; }
    public Guid ConcurrencyToken { get; }
    public int? Restores { get; init; }

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Site, Common.Caching.CacheTags.Pages];
}

public sealed class UpdateMenuEntryValidator(IPortalDbContext db, IReservedAddresses reserved) : MenuEntryFieldsValidator<UpdateMenuEntry>(db, reserved);

public sealed class UpdateMenuEntryHandler(ItemEditor editor, MenuEntryKind kind) : ICommandHandler<UpdateMenuEntry, bool>
{
    public async ValueTask<bool> Handle(UpdateMenuEntry command, CancellationToken cancellationToken) =>
        await editor.UpdateAsync(kind, command, command, cancellationToken);
}
