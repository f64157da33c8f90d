namespace Rsis.Portal.Application.Events.UpdateEvent;

/// <summary>
/// Saves the admin form over an event. Refused, with the typed values kept, when someone else saved it after
/// <see cref="ConcurrencyToken"/> was read. A new slug leaves a 301 from the old address.
/// </summary>
public sealed record UpdateEvent : EventFields, IUpdates, ICommand<bool>, IChangesPublicPages
{
    public UpdateEvent(int id, Guid concurrencyToken, EventFields fields) : base(fields)
    {
        Id = id;
        ConcurrencyToken = concurrencyToken;
    }

    public int Id { get; }
    public Guid ConcurrencyToken { get; }
    public int? Restores { get; init; }

    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Events];
}

public sealed class UpdateEventValidator(IPortalDbContext db, ISiteZone site) : EventFieldsValidator<UpdateEvent>(db, site);

public sealed class UpdateEventCommandHandler(ItemEditor editor, EventKind kind) : ICommandHandler<UpdateEvent, bool>
{
    public async ValueTask<bool> Handle(UpdateEvent command, CancellationToken cancellationToken) =>
        await editor.UpdateAsync(kind, command, command, cancellationToken);
}
