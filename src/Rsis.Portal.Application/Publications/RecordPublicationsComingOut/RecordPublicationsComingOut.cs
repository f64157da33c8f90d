namespace Rsis.Portal.Application.Publications.RecordPublicationsComingOut;

/// <summary>
/// Notes in the audit log each scheduled publication that became public in (<see cref="AfterUtc"/>,
/// <see cref="UntilUtc"/>], once: a publication another node has already noted is left alone. Answers how many
/// it noted; when any, the cached listings that do not show them yet must go. Each one noted is announced to its
/// subscribers in the same save (<see cref="Subscriptions.SubscriberNotices"/>).
/// </summary>
public sealed record RecordPublicationsComingOut(DateTime AfterUtc, DateTime UntilUtc) : ICommand<int>;

public sealed class RecordPublicationsComingOutHandler(IPortalDbContext db) : ICommandHandler<RecordPublicationsComingOut, int>
{
    /// <summary>Who the audit log names for a publication that came out at its scheduled time.</summary>
    public const string Publisher = "scheduled publishing";

    public async ValueTask<int> Handle(RecordPublicationsComingOut command, CancellationToken cancellationToken)
    {
        var comingOut = await db.Publications.AsNoTracking()
            .Where(p => p.Status == PublicationStatus.Published
                && p.PublishAtUtc > command.AfterUtc && p.PublishAtUtc <= command.UntilUtc)
            .Select(p => new { p.Id, p.Code, p.SeriesId, PublishAtUtc = p.PublishAtUtc!.Value })
            .ToListAsync(cancellationToken);
        if (comingOut.Count == 0)
        {
            return 0;
        }

        var ids = comingOut.Select(p => Key(p.Id)).ToList();
        var noted = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Publication) && e.ChangedBy == Publisher && ids.Contains(e.EntityId))
            .Select(e => new { e.EntityId, e.AtUtc })
            .ToListAsync(cancellationToken);
        var toNote = comingOut
            .Where(p => !noted.Any(e => e.EntityId == Key(p.Id) && e.AtUtc >= p.PublishAtUtc))
            .ToList();
        foreach (var publication in toNote)
        {
            var entry = new AuditEntry
            {
                AtUtc = publication.PublishAtUtc,
                ChangedBy = Publisher,
                EntityType = nameof(Publication),
                EntityId = Key(publication.Id),
                EntityLabel = publication.Code,
                Action = AuditAction.Updated,
            };
            entry.Changes.Add(new AuditFieldChange { Field = "Public", OldValue = "No (scheduled)", NewValue = "Yes" });
            db.AuditEntries.Add(entry);
            // In the same save as the note, which happens once: the subscribers' mail (the unique index keeps it once too).
            await Subscriptions.SubscriberNotices.QueueAsync(
                db, Subscriptions.SubscriberNotices.PublicationItem, publication.Id, Domain.Subscriptions.SubscriptionList.Publications,
                publication.SeriesId, publication.PublishAtUtc, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return toNote.Count;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
