using Rsis.Portal.Application.Redirects;
using Rsis.Portal.Domain.Editing;

namespace Rsis.Portal.Application.Trash.RestoreFromTrash;

/// <summary>
/// Takes a publication, page or event out of the Trash: back at its address at once, with its history, as it was when
/// deleted. False when it is not in the Trash (restored already, or purged).
/// </summary>
public sealed record RestoreFromTrash(string EntityType, int Id) : ICommand<bool>, IChangesPublicPages
{
    public IReadOnlyList<string> CacheTags => [Common.Caching.CacheTags.Publications, Common.Caching.CacheTags.Pages, Common.Caching.CacheTags.Events, Common.Caching.CacheTags.Site];
}

public sealed class RestoreFromTrashHandler(IPortalDbContext db, TimeProvider clock, ICurrentUser currentUser) : ICommandHandler<RestoreFromTrash, bool>
{
    public async ValueTask<bool> Handle(RestoreFromTrash command, CancellationToken cancellationToken)
    {
        var (item, label, address) = command.EntityType switch
        {
            nameof(Publication) => await db.Publications.InTrash().Include(p => p.Series)
                .SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) is { } p
                ? ((ITrashable?)p, p.Code, PortalUrls.Publication(p.Series.Slug, p.Slug))
                : default,
            nameof(Page) => await db.Pages.InTrash()
                .SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken) is { } page
                ? ((ITrashable?)page, page.Title, PortalUrls.Page(page.Slug))
                : default,
            nameof(Domain.Events.Event) => await db.Events.InTrash()
                .SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken) is { } e
                ? ((ITrashable?)e, e.Title, PortalUrls.Event(e.Slug))
                : default,
            _ => default,
        };
        if (item is null)
        {
            return false;
        }

        var changes = new ChangeList();
        changes.Value("Trash", "deleted", "restored");
        item.DeletedAtUtc = null;
        item.DeletedBy = null;
        // A redirect staff added from the address while the item was away gives way: the item answers there again.
        await MovedAddresses.ReclaimAsync(db, address, cancellationToken);
        db.AuditEntries.Add(changes.ToEntry(command.EntityType, command.Id.ToString(CultureInfo.InvariantCulture), label,
            AuditAction.Updated, currentUser.Name, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
