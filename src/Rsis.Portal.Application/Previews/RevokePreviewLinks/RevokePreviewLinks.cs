using Rsis.Portal.Application.Previews.GetPreviewKey;

namespace Rsis.Portal.Application.Previews.RevokePreviewLinks;

/// <summary>
/// Ends every preview link shared for an item by giving it a new preview key; false when the item does not exist.
/// </summary>
public sealed record RevokePreviewLinks(PreviewKind Kind, int Id) : ICommand<bool>;

public sealed class RevokePreviewLinksHandler(IPortalDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevokePreviewLinks, bool>
{
    public async ValueTask<bool> Handle(RevokePreviewLinks command, CancellationToken cancellationToken)
    {
        if (await GetPreviewKeyHandler.FindAsync(db, command.Kind, command.Id, cancellationToken) is not { } item)
        {
            return false;
        }

        // Set in the database, not through the change tracker: the links are not the item's content, so its
        // concurrency token stays as it is and an editor with the form open can still save.
        var key = Guid.NewGuid();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var changed = command.Kind == PreviewKind.Publication
                ? await db.Publications.Where(p => p.Id == command.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PreviewKey, key), ct)
                : await db.Pages.Where(p => p.Id == command.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PreviewKey, key), ct);
            if (changed == 0)
            {
                return;
            }

            var entry = new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                ChangedBy = currentUser.Name,
                EntityType = command.Kind == PreviewKind.Publication ? nameof(Publication) : nameof(Page),
                EntityId = command.Id.ToString(CultureInfo.InvariantCulture),
                EntityLabel = item.Label,
                Action = AuditAction.Updated,
            };
            entry.Changes.Add(new AuditFieldChange { Field = "Preview links", OldValue = "shared links work", NewValue = "all revoked" });
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return true;
    }
}
