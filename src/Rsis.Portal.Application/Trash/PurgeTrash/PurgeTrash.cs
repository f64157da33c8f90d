namespace Rsis.Portal.Application.Trash.PurgeTrash;

/// <summary>
/// Deletes for good what has been in the Trash for <see cref="TrashRules.KeptFor"/>: the items, their PDFs, bylines
/// and versions. Their addresses then answer 404 instead of 410. Answers how many went. Run by a background job.
/// </summary>
public sealed record PurgeTrash : ICommand<int>;

public sealed class PurgeTrashHandler(IPortalDbContext db, TimeProvider clock) : ICommandHandler<PurgeTrash, int>
{
    public async ValueTask<int> Handle(PurgeTrash command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - TrashRules.KeptFor;
        var publications = await db.Publications.InTrash().Where(p => p.DeletedAtUtc <= before).ToListAsync(cancellationToken);
        var pages = await db.Pages.InTrash().Where(p => p.DeletedAtUtc <= before).ToListAsync(cancellationToken);
        var events = await db.Events.InTrash().Where(e => e.DeletedAtUtc <= before).ToListAsync(cancellationToken);
        if (publications.Count + pages.Count + events.Count == 0)
        {
            return 0;
        }

        var gone = publications.Select(p => (Type: nameof(Publication), p.Id, Label: p.Code))
            .Concat(pages.Select(p => (Type: nameof(Page), p.Id, Label: p.Title)))
            .Concat(events.Select(e => (Type: nameof(Domain.Events.Event), e.Id, Label: e.Title))).ToList();
        foreach (var (type, id, label) in gone)
        {
            var changes = new ChangeList();
            changes.Value("Trash", "deleted", "purged");
            db.AuditEntries.Add(changes.ToEntry(type, id.ToString(CultureInfo.InvariantCulture), label, AuditAction.Deleted, TrashRules.Purger, now));
        }

        var publicationIds = publications.Select(p => p.Id).ToList();
        var pageIds = pages.Select(p => p.Id).ToList();
        var eventIds = events.Select(e => e.Id).ToList();
        db.Revisions.RemoveRange(await db.Revisions
            .Where(r => (r.EntityType == nameof(Publication) && publicationIds.Contains(r.EntityId))
                || (r.EntityType == nameof(Page) && pageIds.Contains(r.EntityId))
                || (r.EntityType == nameof(Domain.Events.Event) && eventIds.Contains(r.EntityId)))
            .ToListAsync(cancellationToken));
        db.Publications.RemoveRange(publications);
        db.Pages.RemoveRange(pages);
        db.Events.RemoveRange(events);
        await db.SaveChangesAsync(cancellationToken);
        return gone.Count;
    }
}
