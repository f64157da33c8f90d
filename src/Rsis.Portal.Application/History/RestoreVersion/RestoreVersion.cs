namespace Rsis.Portal.Application.History.RestoreVersion;

/// <summary>
/// Brings version <see cref="Number"/> of an item back by saving it again through the type's own update command:
/// the same rules, the same refusal of a stale screen (<see cref="ConcurrencyToken"/> is the current version's, as
/// the confirmation page showed it), a new version saying "Restored version n", an audit entry, and the public pages
/// evicted. History is never rewritten. False when there is no such item or version.
/// </summary>
public sealed record RestoreVersion(string EntityType, int Id, int Number, Guid ConcurrencyToken) : ICommand<bool>;

public sealed class RestoreVersionHandler(IPortalDbContext db, IEnumerable<IEditableKind> kinds, ISender sender) : ICommandHandler<RestoreVersion, bool>
{
    public async ValueTask<bool> Handle(RestoreVersion command, CancellationToken cancellationToken)
    {
        if (kinds.FirstOrDefault(k => k.EntityType == command.EntityType) is not { } kind)
        {
            return false;
        }

        var snapshot = await db.Revisions.AsNoTracking()
            .Where(r => r.EntityType == kind.EntityType && r.EntityId == command.Id && r.Number == command.Number)
            .Select(r => r.Snapshot)
            .SingleOrDefaultAsync(cancellationToken);
        if (snapshot is null || await kind.FindAsync(db, command.Id, cancellationToken) is null)
        {
            return false;
        }

        // Through the mediator, so the update's validation (an address taken since, an author deleted since) and its
        // cache eviction apply to a restore as to any save.
        try
        {
            return await sender.Send(kind.RestoreCommand(command.Id, command.ConcurrencyToken, snapshot, command.Number), cancellationToken);
        }
        catch (ValidationException refused) when (refused.Errors.Any(e => e.PropertyName == EditConflict.PropertyName))
        {
            throw EditConflict.ForRestore(refused, command.Number);
        }
    }
}
